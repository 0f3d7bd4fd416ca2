/**
 * `cjk-quotes`: a quotation in Chinese text marked with `"…"` or `'…'` (straight or
 * curly), where Hong Kong writes 「…」 and, inside it, 『…』. A pair is Chinese when it
 * holds a Han character; an apostrophe between Latin letters (Hong Kong's) is left alone.
 */
import { han, isChinese, report, type LintRule, type LintTarget } from './lint-rule.js'
import { decodeReferences, proseRuns } from './prose-runs.js'

interface Mark {
  offset: number
  /** Where the mark ends in the file: after its `&...;` when written as a reference. */
  end: number
  character: string
  double: boolean
}

export const cjkQuotes: LintRule = {
  id: 'cjk-quotes',
  severity: 'error',
  fixable: true,
  check(target) {
    if (!isChinese(target.lang) || !target.tree) return
    const blocks = new Map<number, Mark[]>()
    for (const run of proseRuns(target.text, target.tree)) {
      const marks = blocks.get(run.block) ?? []
      blocks.set(run.block, marks)
      for (const found of run.text.matchAll(/["“”'‘’]/g)) {
        const index = found.index
        const latin = (character = '') => /\p{Script=Latin}/u.test(character)
        if (/['’]/.test(found[0]) && latin(run.text[index - 1]) && latin(run.text[index + 1])) continue
        marks.push({ offset: run.at(index), end: run.at(index + 1), character: found[0], double: /["“”]/.test(found[0]) })
      }
    }
    for (const marks of blocks.values()) {
      pairUp(target, marks.filter((mark) => mark.double), '「', '」')
      pairUp(target, marks.filter((mark) => !mark.double), '『', '』')
    }
  }
}

/** Pairs marks in order (a curly mark says which side it is) and reports the Chinese pairs. */
function pairUp(target: LintTarget, marks: Mark[], open: string, close: string) {
  let opening: Mark | undefined
  for (const mark of marks) {
    const isClosing = mark.character === '”' || mark.character === '’' || (opening !== undefined && !'“‘'.includes(mark.character))
    if (!isClosing) {
      if (opening) unmatched(target, opening, open)
      opening = mark
      continue
    }
    if (!opening) {
      unmatched(target, mark, close)
      continue
    }
    if (han.test(decodeReferences(target.text.slice(opening.end, mark.offset)))) {
      const reason = (found: string, expected: string) => `Unexpected \`${found}\` around Chinese text, expected Hong Kong's \`${expected}\``
      report(target, cjkQuotes, reason(opening.character, open), opening.offset, opening.end, open)
      report(target, cjkQuotes, reason(mark.character, close), mark.offset, mark.end, close)
    }
    opening = undefined
  }
  if (opening) unmatched(target, opening, open)
}

/** A lone mark next to Han text: reported, but only a person can tell where its partner goes. */
function unmatched(target: LintTarget, mark: Mark, expected: string) {
  const around = decodeReferences(target.text.slice(Math.max(0, mark.offset - 1), mark.end + 1))
  if (!han.test(around)) return
  report(
    target,
    cjkQuotes,
    `Unmatched \`${mark.character}\` in Chinese text: Hong Kong quotes with \`「」\` and \`『』\` (this one would be \`${expected}\`)`,
    mark.offset,
    mark.end
  )
}
