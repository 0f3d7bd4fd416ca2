/**
 * Keeps hyphenated words ("one-party", "self-government") on one line in print. A line
 * that ends at a hyphen is read back by pdftotext as one word without it ("oneparty"),
 * so the printed text would no longer copy or search as written.
 */
import type { ElementContent } from 'hast'
import { h } from 'hastscript'

const hyphenated = /[\p{L}\p{N}’']+(?:-[\p{L}\p{N}’']+)+/gu

/** `content` with every hyphenated word wrapped in `<span class="nowrap">` (style it `white-space: nowrap`). */
export function keepHyphenatedWords(content: ElementContent[]): ElementContent[] {
  return content.flatMap((node): ElementContent[] => {
    if (node.type === 'element') return [{ ...node, children: keepHyphenatedWords(node.children) }]
    if (node.type !== 'text') return [node]
    const parts: ElementContent[] = []
    let last = 0
    for (const match of node.value.matchAll(hyphenated)) {
      if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) })
      parts.push(h('span', { className: ['nowrap'] }, match[0]))
      last = match.index + match[0].length
    }
    if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) })
    return parts
  })
}
