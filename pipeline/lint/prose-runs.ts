/**
 * The prose of a language file, as runs of source text that the typographic rules may
 * look at: every mdast text node, sliced from the file by its offsets. Front matter, code,
 * raw HTML and link targets are not text nodes, so they are never seen; web and e-mail
 * addresses written in the prose are masked so no rule reads them as punctuation.
 *
 * A character reference (`&#x202E;`, `&nbsp;`) is read as the character it prints: the
 * rules judge what the editions print, and a reference would otherwise carry any character
 * past them. `at()` maps a place in the run back to the file, where a reference stands for
 * its whole `&...;`, so a fix replaces all of it.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference'
import type { Root } from 'mdast'
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference'
import { visit, SKIP } from 'unist-util-visit'

/** A stretch of prose: `text` as it prints, from `offset` in the file. */
export interface ProseRun {
  offset: number
  text: string
  /** Runs of one paragraph or heading share a number, so a quotation can span emphasis. */
  block: number
  /** The file offset of `text[index]` (of the end of the run for `text.length`). */
  at(index: number): number
}

/** Stands in for each character of a masked address: not Han, not Latin, not punctuation. */
const masked = '\u0000'

// Each alternative starts only where the one before it cannot go on (the lookbehinds), so
// a long run of letters is scanned once, not once from each of its letters: `\b` and a
// plain `[\w.+-]+@` took 140 s on a 100,000-letter word.
const address = /(?<![a-z0-9+.-])(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s\u3000-\u303F\uFF00-\uFFEF]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu

/** `&name;`, `&#123;` or `&#x1F;`, as CommonMark reads them. */
const reference = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/g

/**
 * The prose runs of `tree`, whose positions are offsets into `text`. `masked: false` keeps
 * addresses as written, for rules about every character printed (an address prints too).
 */
export function proseRuns(text: string, tree: Root, { masked: masking = true }: { masked?: boolean } = {}): ProseRun[] {
  const runs: ProseRun[] = []
  let block = 0
  visit(tree, (node) => {
    if (node.type === 'yaml' || node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return SKIP
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') block++
    if (node.type !== 'text') return undefined
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return undefined
    const raw = text.slice(start, end)
    runs.push(decodedRun(masking ? raw.replace(address, (found) => masked.repeat(found.length)) : raw, start, block))
    return undefined
  })
  return runs
}

/** `raw` (from `offset` in the file) with its character references decoded. */
function decodedRun(raw: string, offset: number, block: number): ProseRun {
  if (!raw.includes('&')) return { offset, text: raw, block, at: (index) => offset + index }
  let text = ''
  // For each piece of `text`, where it starts in `text` and in `raw`.
  const pieces: Array<{ decoded: number; raw: number; length: number; whole: number }> = []
  let last = 0
  for (const found of raw.matchAll(reference)) {
    const value =
      found[1] !== undefined ? decodeNumericCharacterReference(found[1], 16)
      : found[2] !== undefined ? decodeNumericCharacterReference(found[2], 10)
      : decodeNamedCharacterReference(found[3])
    // An unknown name (`&foo;`) prints as written.
    if (value === false) continue
    text += raw.slice(last, found.index)
    pieces.push({ decoded: text.length, raw: found.index, length: value.length, whole: found[0].length })
    text += value
    last = found.index + found[0].length
  }
  text += raw.slice(last)
  const at = (index: number) => {
    // The last reference that starts at or before `index` (binary search: a run may hold thousands).
    let low = 0
    let high = pieces.length - 1
    let found = -1
    while (low <= high) {
      const middle = (low + high) >> 1
      if (pieces[middle].decoded <= index) {
        found = middle
        low = middle + 1
      } else high = middle - 1
    }
    if (found === -1) return offset + index
    const piece = pieces[found]
    // Inside a reference: the whole of it.
    if (index < piece.decoded + piece.length) return offset + piece.raw
    return offset + index + piece.raw + piece.whole - (piece.decoded + piece.length)
  }
  return { offset, text, block, at }
}

/** `raw` source text with its character references decoded, as it prints. */
export function decodeReferences(raw: string): string {
  return decodedRun(raw, 0, 0).text
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
