/**
 * Keeps the last characters of a Chinese paragraph on one line in print, so that no
 * paragraph ends on a line holding one character and its full stop (「神。」), which
 * Chinese typesetting avoids. Chromium does not: `text-wrap: pretty` leaves CJK lines as
 * they are. The last three characters of each Chinese block's text (two and a closing mark,
 * say) go into `<span class="nowrap">` (style it `white-space: nowrap`); the text itself,
 * and so what is copied and searched, is unchanged.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import { isChinese } from '../lint/lint-rule.js'

/** How many characters end a paragraph together. */
const together = 3

/** Elements that sit inside a line: their text is part of a paragraph, not one of its own. */
const inline = new Set(['span', 'a', 'strong', 'em', 'b', 'i', 'code', 'br', 'sup', 'sub'])

/** `content` with the ending of every Chinese block's text kept together. */
export function keepChineseEndingsTogether(content: ElementContent[], lang?: string): ElementContent[] {
  return content.map((node) => (node.type === 'element' ? keepInElement(node, lang) : node))
}

function keepInElement(element: Element, inherited: string | undefined): Element {
  const lang = typeof element.properties.lang === 'string' ? element.properties.lang : inherited
  const children = keepChineseEndingsTogether(element.children, lang)
  const last = children.at(-1)
  if (!isChinese(lang) || inline.has(element.tagName) || last?.type !== 'text') return { ...element, children }
  const characters = [...last.value.trimEnd()]
  const ending = characters.slice(-together).join('')
  // Too short to break anyway, or an ending with a space in it (Latin words keep their own breaks).
  if (characters.length <= together || /\s/.test(ending)) return { ...element, children }
  const before = last.value.slice(0, last.value.trimEnd().length - ending.length)
  return { ...element, children: [...children.slice(0, -1), { type: 'text', value: before }, h('span', { className: ['nowrap'] }, ending)] }
}
