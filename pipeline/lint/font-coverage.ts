/**
 * Which characters the project's fonts really contain: the cmaps of the WOFF2 files that
 * loadFonts() lists, read by font-cmap.ts. A face counts for a character only when both its
 * unicode-range (what Chromium will load it for) and its cmap include it. Files are opened
 * only when a character needs them, and each is read once per process.
 */
import { readFileSync } from 'node:fs'
import { readCmap } from '../font-cmap.js'
import { loadFonts, type FontFace, type FontSet } from '../fonts.js'

/** Answers whether a character prints in one of the project's faces of the given roles. */
export interface FontCoverage {
  covers(codePoint: number, roles: FontFace['role'][]): boolean
  /** The family names of the faces of `roles`, for messages. */
  families(roles: FontFace['role'][]): string[]
}

let fontSet: Promise<FontSet> | undefined
const characterSets = new Map<string, Set<number>>()
const answers = new Map<string, boolean>()

/** The project's fonts' coverage (the font list is read once per process). */
export async function fontCoverage(): Promise<FontCoverage> {
  fontSet ??= loadFonts()
  // Every weight shares one unicode-range split and one character set, so the regular
  // weight answers for the bold too (and halves the files read).
  const faces = (await fontSet).faces.filter((face) => face.weight === 400)
  return {
    covers(codePoint, roles) {
      // A text repeats a few hundred characters thousands of times: look each up once.
      const key = `${roles.join()} ${codePoint}`
      let answer = answers.get(key)
      if (answer === undefined) {
        answer = faces.some(
          (face) =>
            roles.includes(face.role) &&
            face.ranges.some(([low, high]) => codePoint >= low && codePoint <= high) &&
            characterSet(face.file).has(codePoint)
        )
        answers.set(key, answer)
      }
      return answer
    },
    families(roles) {
      return [...new Set(faces.filter((face) => roles.includes(face.role)).map((face) => face.family))]
    }
  }
}

function characterSet(file: string): Set<number> {
  let set = characterSets.get(file)
  if (!set) {
    set = new Set(readCmap(readFileSync(file)).keys())
    characterSets.set(file, set)
  }
  return set
}
