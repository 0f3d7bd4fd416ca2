/**
 * `signatories`: mistakes in the signatory list that the schema lets through and print
 * would carry to every copy: the same signatory twice, a name with nothing visible in it,
 * and control or direction-changing characters in a name (invisible, but they reorder
 * or hide what is printed).
 */
import { location } from 'vfile-location'
import { report, type LintRule } from './lint-rule.js'
import { findUnprintable } from './unprintable.js'
import { privateEntryAt, rawOffset, yamlStrings, type YamlString } from './yaml-strings.js'
const invisible = /[\s\p{Cc}\p{Cf}]/gu

export const signatories: LintRule = {
  id: 'signatories',
  severity: 'error',
  fixable: false,
  check(target) {
    if (target.kind !== 'signatories') return
    const place = location(target.text)
    const lineOf = (offset: number) => place.toPoint(offset)?.line
    const entries = new Map<string, YamlString[]>()
    for (const string of yamlStrings(target.text)) {
      const [list, index, field] = string.path
      if (typeof index !== 'number' || (field !== 'name' && field !== 'name-zh')) continue
      const end = string.offset + string.raw.length
      // In a name even a tab or a line end is a slip: it prints as a gap.
      const bad = findUnprintable(string.value, /$^/)[0]
      if (string.value.replace(invisible, '') === '') {
        // A blank name the schema already reported (on this line) is not reported twice.
        if (!target.file.messages.some((message) => message.fatal && message.line === lineOf(string.offset))) {
          report(target, this, 'Unexpected empty name: write the name, or remove the entry', string.offset, end)
        }
      } else if (bad) {
        const start = rawOffset(string, bad.character)
        const typed = string.raw.includes(bad.character)
        // (A lost character's own advice says what to type.)
        const reason = `Unexpected ${bad.label} in a name: ${bad.why}${bad.character === '\uFFFD' ? '' : '; retype the name'}`
        report(target, this, reason, start, typed ? start + bad.character.length : end)
      }
      const key = `${String(list)}/${index}`
      entries.set(key, [...(entries.get(key) ?? []), string])
    }

    const seen = new Map<string, YamlString>()
    for (const written of entries.values()) {
      // A blank name is reported above; it says nothing about who signed.
      const names = written.filter((name) => name.value.replace(invisible, '') !== '')
      if (names.length === 0) continue
      const identity = names
        .map((name) => `${name.path[2]}=${name.value.normalize('NFKC').replace(invisible, ' ').replace(/ +/g, ' ').trim().toLowerCase()}`)
        .sort()
        .join('\n')
      const first = seen.get(identity)
      if (!first) {
        seen.set(identity, names[0])
        continue
      }
      const at = names[0]
      // A private name is never quoted: the message shows in terminals, CI logs and the preview.
      const hidden = privateEntryAt(target.text, at.offset) || privateEntryAt(target.text, first.offset)
      const who = hidden ? 'the name on this line (not public, so not shown here)' : `“${at.value.trim()}”`
      report(
        target,
        this,
        `Unexpected second entry for ${who}: the same name is at line ${lineOf(first.offset)}; remove one, or if these are two people tell them apart (add \`name-zh\`)`,
        at.offset,
        at.offset + at.raw.length
      )
    }
  }
}
