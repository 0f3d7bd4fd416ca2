/** The colophon's line: who publishes the text and when, in one language. */
import type { ElementContent } from 'hast'
import { h } from 'hastscript'
import { localize } from '../source/publication-schema.js'
import type { Document } from '../source/document.js'

/**
 * "Publisher · 2026-11-26" in `lang`, the date kept on one line (a phone broke it at a
 * hyphen, "2026-" / "11-26"; style `.nowrap` with `white-space: nowrap`), then, given
 * `after`, " · " and that.
 */
export function publisherAndDate(document: Document, lang: string, after?: string): ElementContent[] {
  return [
    `${localize(document.publication.publisher, lang)} · `,
    h('span', { className: ['nowrap'] }, document.publication.date),
    ...(after === undefined ? [] : [` · ${after}`])
  ].map((part): ElementContent => (typeof part === 'string' ? { type: 'text', value: part } : part))
}
