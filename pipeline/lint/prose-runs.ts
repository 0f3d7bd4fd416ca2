/**
 * The prose of a language file, as runs of source text that the typographic rules may
 * look at: every mdast text node, sliced from the file by its offsets. Front matter, code,
 * raw HTML and link targets are not text nodes, so they are never seen; web and e-mail
 * addresses written in the prose are masked so no rule reads them as punctuation.
 */
import type { Root } from 'mdast'
import { visit, SKIP } from 'unist-util-visit'

/** A stretch of prose: `text` as it stands in the file from `offset`. */
export interface ProseRun {
  offset: number
  text: string
  /** Runs of one paragraph or heading share a number, so a quotation can span emphasis. */
  block: number
}

/** Stands in for each character of a masked address: not Han, not Latin, not punctuation. */
export const masked = '\u0000'

const address = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s\u3000-\u303F\uFF00-\uFFEF]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu

/** The prose runs of `tree`, whose positions are offsets into `text`. */
export function proseRuns(text: string, tree: Root): ProseRun[] {
  const runs: ProseRun[] = []
  let block = 0
  visit(tree, (node) => {
    if (node.type === 'yaml' || node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return SKIP
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') block++
    if (node.type !== 'text') return undefined
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return undefined
    const raw = text.slice(start, end).replace(address, (found) => masked.repeat(found.length))
    runs.push({ offset: start, text: raw, block })
    return undefined
  })
  return runs
}

/** The nearest character before `index` in `run` that is not a space (or undefined). */
export function before(run: string, index: number): string | undefined {
  for (let at = index - 1; at >= 0; at--) if (!/[ \t]/.test(run[at])) return run[at]
  return undefined
}

/** The nearest character from `index` on in `run` that is not a space (or undefined). */
export function after(run: string, index: number): string | undefined {
  for (let at = index; at < run.length; at++) if (!/[ \t]/.test(run[at])) return run[at]
  return undefined
}
