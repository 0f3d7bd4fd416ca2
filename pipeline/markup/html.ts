/**
 * The one serialiser: hast to HTML for the printed pages and the web page, and to XHTML
 * (every element closed, so that it is also well-formed XML) for the EPUB. Text is escaped,
 * so names with `<` or `&` print literally; characters are written as themselves, and only
 * what must be escaped as a numeric reference.
 */
import type { Root, RootContent } from 'hast'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'

const html = unified().use(rehypeStringify, { characterReferences: { useNamedReferences: false } }).freeze()
const xhtml = unified().use(rehypeStringify, { closeSelfClosing: true, characterReferences: { useNamedReferences: false } }).freeze()

/** `content` as HTML. */
export function toHtml(content: RootContent | RootContent[]): string {
  return html.stringify(root(content))
}

/** `content` as XHTML: void elements closed (`<br />`). */
export function toXhtml(content: RootContent | RootContent[]): string {
  return xhtml.stringify(root(content))
}

function root(content: RootContent | RootContent[]): Root {
  return { type: 'root', children: Array.isArray(content) ? content : [content] }
}
