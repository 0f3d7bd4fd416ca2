/** The number of a clause, as the layout sets it; without a number, the empty cell beside a heading or the criteria. */
import type { Element } from 'hast'
import { h } from 'hastscript'
import type { Layout } from './layout.js'

export function numberElement(layout: Layout, number?: string): Element {
  // A span: a heading holds only phrasing content, and the grid lays it out as a cell all the same.
  if (layout.number === 'cell') return h('span', { className: ['number'], ariaHidden: number === undefined ? 'true' : undefined }, number ?? [])
  return h(layout.number, { className: ['number'] }, number ?? [])
}
