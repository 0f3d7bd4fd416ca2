/**
 * Subsets the project's fonts to the characters a text uses, for outputs that carry
 * their own fonts (EPUB, web edition). Each font file (one unicode-range slice of a
 * family and weight) that the text touches is cut down with HarfBuzz; slices the text
 * does not touch are left out. Fonts are read once per call and subsetting is cached.
 */
import { readFile } from 'node:fs/promises'
import fontverter from 'fontverter'
import subsetFont from 'subset-font'
import type { FontFace, FontSet } from './fonts.js'
import { encodeWoff2 } from './woff2-encode.js'

/** A subset of one font file: the same face, only the glyphs for `codePoints`. */
export interface SubsetFace {
  face: FontFace
  /** The characters of the text this slice covers (and so keeps). */
  codePoints: number[]
  bytes: Uint8Array
}

export type SubsetFormat = 'woff2' | 'sfnt'

/**
 * The subsets of every face in `fonts` that `text` needs, in `format`.
 * `faces` limits which faces are considered (default: all); `options` go to HarfBuzz
 * (e.g. `preserveNameIds` to keep the licence in the name table).
 */
export async function subsetFaces(
  fonts: FontSet,
  text: string,
  format: SubsetFormat,
  faces: FontFace[] = fonts.faces,
  options: Omit<NonNullable<Parameters<typeof subsetFont>[2]>, 'targetFormat'> = {}
): Promise<SubsetFace[]> {
  const used = [...new Set(Array.from(text, (character) => character.codePointAt(0)!))].sort((a, b) => a - b)
  const jobs = faces.flatMap((face) => {
    const codePoints = used.filter((codePoint) => face.ranges.some(([low, high]) => codePoint >= low && codePoint <= high))
    if (codePoints.length === 0) return []
    return [
      (async (): Promise<SubsetFace> => {
        const source = await sfntOf(face.file)
        // WOFF2 is wrapped here (woff2-encode.ts): HarfBuzz's own WOFF2 step is far slower.
        const sfnt = await subsetFont(source, String.fromCodePoint(...codePoints), { ...options, targetFormat: 'sfnt' })
        const bytes = format === 'woff2' ? encodeWoff2(sfnt) : new Uint8Array(sfnt)
        return { face, codePoints, bytes }
      })()
    ]
  })
  return Promise.all(jobs)
}

/**
 * A font file as TrueType bytes, decoded from WOFF2 once per process: HarfBuzz reads only
 * sfnt, and the web page and each of the e-books subset the same slices.
 */
const decoded = new Map<string, Promise<Uint8Array>>()
function sfntOf(file: string): Promise<Uint8Array> {
  let sfnt = decoded.get(file)
  if (!sfnt) {
    sfnt = readFile(file).then((bytes) => fontverter.convert(bytes, 'truetype'))
    decoded.set(file, sfnt)
  }
  return sfnt
}
