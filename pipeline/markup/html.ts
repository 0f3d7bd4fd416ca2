/**
 * The one serialiser: hast to HTML for the printed pages and the web page, and to XHTML
 * (every element closed, so that it is also well-formed XML) for the EPUB. Text is escaped,
 * so names with `<` or `&` print literally; characters are written as themselves, and only
 * what must be escaped as a reference.
 */
import type { Root, RootContent } from 'hast'
import { escapeXmlText } from './escape.js'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'

const html = unified().use(rehypeStringify, { characterReferences: { useNamedReferences: false } }).freeze()
const xhtml = unified()
  .use(rehypeStringify, { closeSelfClosing: true, tightSelfClosing: true, allowDangerousHtml: true, characterReferences: { useNamedReferences: false } })
  .freeze()

/** `content` as HTML. */
export function toHtml(content: RootContent | RootContent[]): string {
  return html.stringify(root(content))
}

/**
 * `content` as XHTML: void elements closed (`<br/>`), text escaped with XML's own five
 * entities (`&amp; &lt; &gt; &quot; &apos;`), as the EPUB's chapters always were.
 */
export function toXhtml(content: RootContent | RootContent[]): string {
  return xhtml.stringify(root(xmlText(Array.isArray(content) ? content : [content])))
}

/** `nodes` with every text node as raw XML text, escaped here (the serialiser writes raw as it is). */
function xmlText(nodes: RootContent[]): RootContent[] {
  return nodes.map((node): RootContent => {
    if (node.type === 'text') return { type: 'raw', value: escapeXmlText(node.value) }
    if (node.type === 'element') return { ...node, children: xmlText(node.children) as typeof node.children }
    return node
  })
}

function root(content: RootContent | RootContent[]): Root {
  return { type: 'root', children: Array.isArray(content) ? content : [content] }
}
