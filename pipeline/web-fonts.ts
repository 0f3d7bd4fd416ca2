/**
 * The fonts of the web edition: each unicode-range slice of each face, cut down to the
 * characters the page sets in that weight, and the @font-face rules naming them by a URL
 * relative to the page. Browsers honour unicode-range, so a reader's phone fetches only
 * the slices the page uses, and each slice holds only the glyphs the page needs.
 */
import type { Element, ElementContent } from 'hast'
import { fontFaceRule, type FontSet } from './fonts.js'
import { subsetFaces, type SubsetFace } from './font-subset.js'

export interface WebFonts {
  /** @font-face rules for every subset slice, with URLs relative to the page (`fonts/x.woff2`). */
  css: string
  /** The subset slices, each to be written next to the page at its face's `url`. */
  faces: SubsetFace[]
}

/** Tags and classes the web stylesheet sets in weight 700; everything else is 400. */
const boldTags = new Set(['h1', 'h2', 'h3', 'strong', 'b', 'th'])
const boldClass = 'number'

/**
 * Characters a list may print beside the text: the decimal markers of `<ol>` items
 * (any number of signatories) in the regular weight.
 */
const markers = '0123456789.'

/** The subset fonts for `content` (the page's body) plus `extra` text set in the regular weight. */
export async function webFonts(fonts: FontSet, content: ElementContent[], extra = ''): Promise<WebFonts> {
  const text = { 400: markers + extra, 700: '' }
  collect(content, false, text)
  const faces = (
    await Promise.all(
      ([400, 700] as const).map((weight) =>
        subsetCached(fonts, text[weight], fonts.faces.filter((face) => face.weight === weight))
      )
    )
  ).flat()
  return { css: faces.map(({ face }) => fontFaceRule(face)).join('\n'), faces }
}

function collect(nodes: ElementContent[], bold: boolean, text: Record<400 | 700, string>) {
  for (const node of nodes) {
    if (node.type === 'text') text[bold ? 700 : 400] += node.value
    else if (node.type === 'element') collect(node.children, bold || isBold(node), text)
  }
}

function isBold(element: Element): boolean {
  const className = element.properties?.className
  return boldTags.has(element.tagName) || (Array.isArray(className) && className.includes(boldClass))
}

/**
 * Subsetting is the slow part of a web build (HarfBuzz over ~100 slices). A preview rebuilds
 * after every keystroke saved, and most edits leave a slice's characters as they were, so
 * each slice's subset is kept for the life of the process, keyed by file and characters.
 */
const cache = new Map<string, Promise<SubsetFace[]>>()
const cacheLimit = 2000

async function subsetCached(fonts: FontSet, text: string, faces: FontSet['faces']): Promise<SubsetFace[]> {
  const used = [...new Set(Array.from(text))].sort().join('')
  const results = await Promise.all(
    faces.map((face) => {
      const inFace = Array.from(used)
        .filter((character) => face.ranges.some(([low, high]) => character.codePointAt(0)! >= low && character.codePointAt(0)! <= high))
        .join('')
      if (inFace === '') return Promise.resolve([])
      const key = `${face.file}\n${inFace}`
      if (cache.size > cacheLimit) cache.clear()
      if (!cache.has(key)) {
        const pending = subsetFaces(fonts, inFace, 'woff2', [face])
        pending.catch(() => cache.delete(key))
        cache.set(key, pending)
      }
      return cache.get(key)!
    })
  )
  return results.flat()
}
