/**
 * The one escaper: text as it goes into HTML or XML (text or an attribute value), and into
 * a CSS string. Nothing reaches a page, a book or a configuration file unescaped.
 */

/** `value` as HTML or XML text or attribute value: `& < > " '` as numeric references. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

/** `value` as XML text, with XML's five named entities: `&amp; &lt; &gt; &quot; &apos;`. */
export function escapeXmlText(value: string): string {
  return value.replace(/[&<>"']/g, (character) => xmlEntities[character])
}

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/**
 * A CSS string literal holding `value` (for `content:` in page-margin boxes, font names).
 * Quotes, backslashes, line ends, controls and `<` `>` `&` are written as CSS escapes
 * (`\3c `): the string sits in a `<style>` element, which a label holding `</style>` would
 * otherwise close, and whatever followed it (a `<link rel=preconnect>`) would be markup.
 */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"'<>&\u0000-\u001f\u007f]/g, (character) => `\\${character.codePointAt(0)!.toString(16)} `)}"`
}
