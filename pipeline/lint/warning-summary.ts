/**
 * What `charter build` says about lint warnings: one line per file with the count per
 * rule, and where to see them. The full list is `charter check`'s job; a build that prints
 * the same kept slips (the signed text's 丶) in full every time teaches people to skip it.
 */
import type { VFile } from 'vfile'
import { lintRules } from './index.js'

const lintRuleIds = new Set(lintRules.map((rule) => rule.id))

/** Takes the lint warnings off `files` (errors and other messages stay) and returns their summary lines. */
export function takeLintWarnings(files: VFile[]): string[] {
  const lines: string[] = []
  for (const file of files) {
    const counts = new Map<string, number>()
    file.messages = file.messages.filter((message) => {
      if (message.fatal !== false || !lintRuleIds.has(message.ruleId ?? '')) return true
      counts.set(message.ruleId!, (counts.get(message.ruleId!) ?? 0) + 1)
      return false
    })
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0)
    if (total === 0) continue
    const rules = [...counts].map(([rule, count]) => `${count} ${rule}`).join(', ')
    lines.push(`${file.path}: ${total} ${total === 1 ? 'warning' : 'warnings'} (${rules})`)
  }
  return lines
}
