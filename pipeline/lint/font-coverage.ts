/**
 * Which characters the fonts really contain: the character maps of the TrueType files
 * fonts.json lists (a family's regular face answers for its other faces), the fallback
 * family's slices and the publication's own fonts, each read once per process and only
 * when a stack reaches it.
 */
import { faceCmap, loadFonts, mayHold, type FontFace } from '../fonts/fonts.js'

/** Answers which family of a font stack draws a character. */
export interface FontCoverage {
  /** The first family of `stack` that has `codePoint`, or undefined when none has it. */
  familyOf(codePoint: number, stack: readonly string[]): Promise<string | undefined>
}

/** The coverage of the project's fonts and `own` (the publication's). */
export async function fontCoverage(own: readonly FontFace[] = []): Promise<FontCoverage> {
  const fonts = await loadFonts()
  const faces = [...fonts.faces.filter((face) => face.weight === 400 && face.style === 'normal'), ...own]
  return {
    async familyOf(codePoint, stack) {
      for (const family of stack) {
        for (const face of faces) {
          if (face.family !== family || !mayHold(face, codePoint)) continue
          if ((await faceCmap(face)).has(codePoint)) return family
        }
      }
      return undefined
    }
  }
}
