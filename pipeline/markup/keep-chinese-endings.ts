/**
 * Keeps the last characters of a Chinese (or Japanese) paragraph, title or heading on one
 * line in print, so that none ends on a line holding one character and its full stop
 * (「神。」), which CJK typesetting avoids. Chromium does not: `text-wrap: pretty` leaves CJK lines as
 * they are. The last three characters of each Chinese block's text (two and a closing mark,
 * say) go into `<span class="nowrap">` (style it `white-space: nowrap`); the text itself,
 * and so what is copied and searched, is unchanged.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import { isCjkTypography } from '../fonts/scripts.js'
import { typographyOfTag } from '../source/names.js'
import { isNoteReference } from './notes.js'

/** How many characters end a paragraph together. */
const together = 3

/** Elements that sit inside a line: their text is part of a paragraph, not one of its own. */
const inline = new Set(['span', 'a', 'strong', 'em', 'b', 'i', 'code', 'br', 'sup', 'sub'])

/** `content` with the ending of every Chinese block's text kept together. */
export function keepChineseEndingsTogether(content: ElementContent[], lang?: string): ElementContent[] {
  return content.map((node) => (node.type === 'element' ? keepInElement(node, lang) : node))
}

function keepInElement(element: Element, inherited: string | undefined): Element {
  const own = typeof element.properties.lang === 'string' ? element.properties.lang : undefined
  const lang = own ?? inherited
  const children = keepChineseEndingsTogether(element.children, lang)
  // Note numbers at the end go with the ending: a number alone on the last line reads as
  // belonging to nothing.
  let end = children.length
  while (end > 0 && isNoteReference(children[end - 1])) end--
  const references = children.slice(end)
  const last = children[end - 1]
  // A line's own element ends no line, unless it is a language's part of a heading or title
  // (`<h1><span lang="zh-Hant-HK">`), which a cover set on lines of its own.
  const block = !inline.has(element.tagName) || (own !== undefined && element.tagName === 'span')
  if (lang === undefined || !isCjkTypography(typographyOfTag(lang)) || !block || last?.type !== 'text') return { ...element, children }
  const characters = [...last.value.trimEnd()]
  const ending = characters.slice(-together).join('')
  // Too short to break anyway, or an ending with a space in it (Latin words keep their own breaks).
  if (characters.length <= together || /\s/.test(ending)) return { ...element, children }
  const before = last.value.slice(0, last.value.trimEnd().length - ending.length)
  const kept = h('span', { className: ['nowrap'] }, [{ type: 'text', value: ending }, ...references])
  return { ...element, children: [...children.slice(0, end - 1), { type: 'text', value: before }, kept] }
}
