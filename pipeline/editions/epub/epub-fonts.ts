/**
 * The fonts an EPUB carries: one TrueType file per family, weight and style, holding
 * exactly the characters the book uses, so that a phone or e-reader with no Hong Kong
 * Chinese font still shows Hong Kong glyph forms.
 *
 * Every face holds every character of the book it maps, not only those the stylesheet
 * sets in it: a reader may embolden what it likes, and a glyph missing from a face falls
 * back to whatever the device has, which is exactly what embedding is meant to prevent.
 */
import type { BuildFonts } from '../../fonts/font-subset.js'
import { unicodeRange, type FontStyle } from '../../fonts/fonts.js'

/** One embedded font file. */
export interface EpubFont {
  family: string
  weight: number
  style: FontStyle
  /** Path inside the EPUB's content folder: `fonts/noto-serif-hk-400.ttf`. */
  href: string
  bytes: Uint8Array
  /** A filling-in face's characters, for its rule's unicode-range. */
  codePoints?: number[]
}

/**
 * The book's fonts for `text`, whose languages are `langs` (with `italic`, when it has
 * emphasis): the families that set them, in
 * font-stack order, one file per face. A family that is no language's own comes only when
 * the families before it lack a character of the text: an English book sets every
 * character in the Latin face, and carried two Chinese files (36 kB) that no page used.
 */
export async function epubFonts(fonts: BuildFonts, text: string, langs: string[], italic: boolean): Promise<EpubFont[]> {
  const subsets = await fonts.cut(text)
  const drawn = [...new Set(text.replace(/\s/gu, ''))].map((character) => character.codePointAt(0)!)
  const own = new Set(langs.map((lang) => fonts.stacks.of(lang)[0]))
  const order = [...new Set([...langs.flatMap((lang) => fonts.stacks.of(lang)), ...fonts.stacks.all])]
  const needed = (family: string, weight: number, style: FontStyle) => {
    if (own.has(family)) return true
    const before = order.slice(0, Math.max(0, order.indexOf(family)))
    const earlier = subsets.filter(({ face }) => before.includes(face.family) && face.weight === weight && face.style === style)
    return drawn.some((codePoint) => !earlier.some(({ cmap }) => cmap.has(codePoint)))
  }
  return subsets
    // Italic faces only for a book with emphasis in it.
    .filter(({ face }) => (italic || face.style === 'normal') && needed(face.family, face.weight, face.style))
    .map(({ face, bytes, cmap }) => ({
      family: face.family,
      weight: face.weight,
      style: face.style,
      href: `fonts/${face.slug}.ttf`,
      bytes,
      codePoints: face.fallback || face.bytes ? [...cmap.keys()] : undefined
    }))
}

/** The @font-face rules naming the embedded fonts, relative to the stylesheet. */
export function epubFontCss(list: EpubFont[]): string {
  return list
    .map((font) => {
      const range = font.codePoints ? ` unicode-range: ${unicodeRange(font.codePoints)};` : ''
      return `@font-face { font-family: '${font.family}'; font-style: ${font.style}; font-weight: ${font.weight}; src: url(${font.href}) format('truetype');${range} }`
    })
    .join('\n')
}


