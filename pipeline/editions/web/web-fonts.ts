/**
 * The fonts of the web edition: each face cut down to the characters the page sets in its
 * weight, as WOFF2, and the @font-face rules naming them by a URL relative to the page.
 */
import { createHash } from 'node:crypto'
import type { Element, ElementContent } from 'hast'
import { fontFaceRule, type FontFace } from '../../fonts/fonts.js'
import type { BuildFonts } from '../../fonts/font-subset.js'
import { encodeWoff2 } from '../../fonts/woff2-encode.js'

/** One font file of the page. */
export interface WebFont {
  face: FontFace
  /** Relative to the page: `fonts/noto-serif-hk-400.woff2`. */
  url: string
  bytes: Uint8Array
}

export interface WebFonts {
  /** @font-face rules for every file, with URLs relative to the page. */
  css: string
  fonts: WebFont[]
}

/** Tags and classes the web stylesheet sets in weight 700; everything else is 400. */
const boldTags = new Set(['h1', 'h2', 'h3', 'strong', 'b', 'th'])
const boldClasses = ['number', 'note-number']
/** Tags set in italic (in Latin letters: CJK emphasis has dots instead). */
const italicTags = new Set(['em', 'i'])

/** A face's weight and style, as the page's text is sorted into them. */
type Style = '400' | '700' | '400 italic' | '700 italic'

/**
 * Characters a list may print beside the text: the decimal markers of `<ol>` items
 * (any number of signatories) in the regular weight.
 */
const markers = '0123456789.'

/** The fonts for `content` (the page's body) plus `extra` text set in the regular weight. */
export async function webFonts(fonts: BuildFonts, content: ElementContent[], extra = ''): Promise<WebFonts> {
  const text: Record<Style, string> = { '400': markers + extra, '700': '', '400 italic': '', '700 italic': '' }
  collect(content, false, false, text)
  const styles = Object.keys(text) as Style[]
  const faceStyle = (face: FontFace): Style => `${face.weight}${face.style === 'italic' ? ' italic' : ''}` as Style
  // A family with no italic face (a Chinese one) sets emphasis in its upright face.
  const hasItalic = (face: FontFace) => fonts.faces.some((other) => other.family === face.family && other.style === 'italic')
  const textFor = (face: FontFace) =>
    face.style === 'italic' || hasItalic(face) ? text[faceStyle(face)] : text[faceStyle(face)] + text[`${face.weight} italic` as Style]
  const subsets = (
    await Promise.all(
      styles.map((style) => {
        const faces = fonts.faces.filter((face) => faceStyle(face) === style)
        return Promise.all(faces.map((face) => fonts.cut(textFor(face), [face]))).then((made) => made.flat())
      })
    )
  ).flat()
  const files = await Promise.all(
    subsets.map(async ({ face, bytes, cmap }): Promise<WebFont & { range?: number[] }> => ({
      face,
      url: `fonts/${face.slug}.woff2`,
      bytes: await woff2Cached(bytes),
      range: face.fallback || face.bytes ? [...cmap.keys()] : undefined
    }))
  )
  return { css: files.map(({ face, url, range }) => fontFaceRule(face, url, 'woff2', range)).join('\n'), fonts: files.map(({ face, url, bytes }) => ({ face, url, bytes })) }
}

function collect(nodes: ElementContent[], bold: boolean, italic: boolean, text: Record<Style, string>) {
  for (const node of nodes) {
    if (node.type === 'text') text[`${bold ? 700 : 400}${italic ? ' italic' : ''}` as Style] += node.value
    else if (node.type === 'element') collect(node.children, bold || isBold(node), italic || italicTags.has(node.tagName), text)
  }
}

function isBold(element: Element): boolean {
  const className = element.properties?.className
  return boldTags.has(element.tagName) || (Array.isArray(className) && boldClasses.some((name) => className.includes(name)))
}

/**
 * The preview rebuilds the page after every save, and most edits leave a weight's characters
 * as they were: the last few WOFF2 files made are kept, keyed by their TrueType bytes.
 */
const encoded = new Map<string, Uint8Array>()

async function woff2Cached(sfnt: Uint8Array): Promise<Uint8Array> {
  const key = createHash('sha256').update(sfnt).digest('hex')
  let woff2 = encoded.get(key)
  if (!woff2) {
    woff2 = encodeWoff2(sfnt)
    if (encoded.size >= 8) encoded.delete(encoded.keys().next().value!)
    encoded.set(key, woff2)
  }
  return woff2
}
