/**
 * The fonts an EPUB carries: one TrueType file per family and weight, holding exactly the
 * characters the book uses, so that a phone or e-reader with no Hong Kong Chinese font
 * still shows Hong Kong glyph forms.
 *
 * Both weights hold every character of the book, not only those the stylesheet sets in
 * bold: a reader may embolden what it likes, and a glyph missing from a face falls back
 * to whatever the device has, which is exactly what embedding is meant to prevent.
 */
import type { BuildFonts } from '../../fonts/font-subset.js'
import type { FontRole } from '../../fonts/fonts.js'

/** One embedded font file. */
export interface EpubFont {
  family: string
  role: FontRole
  weight: number
  /** Path inside the EPUB's content folder: `fonts/noto-serif-hk-400.ttf`. */
  href: string
  bytes: Uint8Array
}

/**
 * The book's fonts for `text`, in fonts.json order (Latin face first), one per family and
 * weight. The Chinese faces come only when the Latin ones lack a character of the text: an
 * English book sets every character in the Latin face, and carried two Chinese files
 * (36 kB) that no page used.
 */
export async function epubFonts(fonts: BuildFonts, text: string): Promise<EpubFont[]> {
  const subsets = await fonts.cut(text)
  const drawn = [...new Set(text.replace(/\s/gu, ''))].map((character) => character.codePointAt(0)!)
  const latinLacks = (weight: number) => {
    const latin = subsets.find(({ face }) => face.role === 'latin' && face.weight === weight)
    return drawn.some((codePoint) => !latin?.cmap.has(codePoint))
  }
  return subsets
    .filter(({ face }) => face.role !== 'han' || latinLacks(face.weight))
    .map(({ face, bytes }) => ({ family: face.family, role: face.role, weight: face.weight, href: `fonts/${face.slug}.ttf`, bytes }))
}

/** The @font-face rules naming the embedded fonts, relative to the stylesheet. */
export function epubFontCss(list: EpubFont[]): string {
  return list
    .map((font) => `@font-face { font-family: '${font.family}'; font-style: normal; font-weight: ${font.weight}; src: url(${font.href}) format('truetype'); }`)
    .join('\n')
}
