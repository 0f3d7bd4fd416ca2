/**
 * Which characters the project's fonts really contain: the character maps of the TrueType
 * files that loadFonts() lists, read once per process (fonts.ts).
 */
import { faceCmap, loadFonts, type FontRole, type FontSet } from '../fonts/fonts.js'

/** Answers whether a character prints in one of the project's faces of the given roles. */
export interface FontCoverage {
  covers(codePoint: number, roles: FontRole[]): boolean
  /** The family names of the faces of `roles`, for messages. */
  families(roles: FontRole[]): string[]
}

let fontSet: Promise<FontSet> | undefined

/** The project's fonts' coverage (the font list is read once per process). */
export async function fontCoverage(): Promise<FontCoverage> {
  fontSet ??= loadFonts()
  // Both weights of a family map the same characters, so the regular weight answers for the bold.
  const faces = (await fontSet).faces.filter((face) => face.weight === 400)
  const cmaps = await Promise.all(faces.map(async (face) => ({ role: face.role, cmap: await faceCmap(face) })))
  return {
    covers: (codePoint, roles) => cmaps.some(({ role, cmap }) => roles.includes(role) && cmap.has(codePoint)),
    families: (roles) => [...new Set(faces.filter((face) => roles.includes(face.role)).map((face) => face.family))]
  }
}
