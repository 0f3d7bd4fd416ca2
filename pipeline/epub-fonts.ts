/**
 * The fonts an EPUB carries: one TrueType file per family and weight, holding exactly the
 * characters the book uses, so that a phone or e-reader with no Hong Kong Chinese font
 * still shows Hong Kong glyph forms. EPUB readers cannot be trusted with unicode-range,
 * so each face's slices are subset (HarfBuzz) and merged into one file (font-merge.ts).
 *
 * Both weights hold every character of the book, not only those the stylesheet sets in
 * bold: a reader may embolden what it likes, and a glyph missing from a face falls back
 * to whatever the device has, which is exactly what embedding is meant to prevent.
 */
import { mergeFonts } from './font-merge.js'
import { subsetFaces } from './font-subset.js'
import type { FontFace, FontSet } from './fonts.js'

/** One embedded font file. */
export interface EpubFont {
  family: string
  role: FontFace['role']
  weight: number
  /** Path inside the EPUB's content folder: `fonts/noto-serif-hk-400.ttf`. */
  href: string
  bytes: Uint8Array
}

/**
 * Name ids kept in the subset name tables: the names (0-6) and, because the SIL Open Font
 * Licence asks that every copy carry it, the licence text and its URL (13, 14).
 */
const preserveNameIds = [0, 1, 2, 3, 4, 5, 6, 13, 14]

/** The book's fonts for `text`, in fonts.json order (Latin face first), one per family and weight. */
export async function epubFonts(fonts: FontSet, text: string): Promise<EpubFont[]> {
  const used = [...new Set(Array.from(text, (character) => character.codePointAt(0)!))]
  const keys = [...new Map(fonts.faces.map((face) => [`${face.family}\n${face.weight}`, face])).values()]
  const made = await Promise.all(
    keys.map(async ({ family, role, weight }): Promise<EpubFont | undefined> => {
      const faces = fonts.faces.filter((face) => face.family === family && face.weight === weight)
      const touched = faces.filter((face) => used.some((codePoint) => inRanges(face, codePoint)))
      if (touched.length === 0) return undefined
      // Merging drops layout tables, so keep none of their glyphs when there is more than one slice.
      const options = touched.length > 1 ? { preserveNameIds, keepFeatures: [] } : { preserveNameIds }
      const slices = await subsetFaces(fonts, text, 'sfnt', touched, options)
      const slug = family.toLowerCase().replace(/[^a-z0-9]+/g, '-')
      return { family, role, weight, href: `fonts/${slug}-${weight}.ttf`, bytes: mergeFonts(slices.map((slice) => slice.bytes)) }
    })
  )
  return made.filter((font): font is EpubFont => font !== undefined)
}

/** The @font-face rules naming the embedded fonts, relative to the stylesheet. */
export function epubFontCss(list: EpubFont[]): string {
  return list
    .map((font) => `@font-face { font-family: '${font.family}'; font-style: normal; font-weight: ${font.weight}; src: url(${font.href}) format('truetype'); }`)
    .join('\n')
}

function inRanges(face: FontFace, codePoint: number): boolean {
  return face.ranges.some(([low, high]) => codePoint >= low && codePoint <= high)
}
