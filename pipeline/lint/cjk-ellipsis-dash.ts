/**
 * `cjk-ellipsis-dash`: in Chinese text the ellipsis is a pair `……` and the dash a pair
 * `——`, each two ems wide. Flags `...`, `。。。`, a lone `…`, `--` and a lone `—` there.
 */
import { cjk, isChinese, report, type LintRule } from './lint-rule.js'
import { after, before, proseRuns } from './prose-runs.js'

const suspects = /\.{3,}|。{3,}|…+|-{2,}|—+/g

export const cjkEllipsisDash: LintRule = {
  id: 'cjk-ellipsis-dash',
  severity: 'error',
  fixable: true,
  check(target) {
    if (!isChinese(target.lang) || !target.tree) return
    for (const run of proseRuns(target.text, target.tree)) {
      for (const found of run.text.matchAll(suspects)) {
        const written = found[0]
        const dash = /[-—]/.test(written)
        if (written === '……' || written === '——') continue
        // Runs of pairs (`…………`) are deliberate; ASCII only counts beside Chinese text.
        if (/^[…—]+$/.test(written) && written.length % 2 === 0) continue
        const end = found.index + written.length
        const chinese = [before(run.text, found.index), after(run.text, end)].some((next) => next !== undefined && cjk.test(next))
        if (/^[.\-]/.test(written) && !chinese) continue
        const expected = dash ? '——' : '……'
        report(
          target,
          this,
          `Unexpected \`${written}\` in Chinese text, expected the ${dash ? 'dash' : 'ellipsis'} \`${expected}\` (two ${dash ? '—' : '…'})`,
          run.at(found.index),
          run.at(end),
          expected
        )
      }
    }
  }
}
