/**
 * `signatories`: mistakes in the signatory list that the schema lets through and print
 * would carry to every copy: the same signatory twice, a name with nothing visible in it,
 * and control or direction-changing characters in a name (invisible, but they reorder
 * or hide what is printed).
 */
import { location } from 'vfile-location'
import { report, type LintRule } from './lint-rule.js'
import { yamlStrings, type YamlString } from './yaml-strings.js'

const control = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u
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
      const bad = control.exec(string.value)
      if (string.value.replace(invisible, '') === '') {
        // A blank name the schema already reported (on this line) is not reported twice.
        if (!target.file.messages.some((message) => message.fatal && message.line === lineOf(string.offset))) {
          report(target, this, 'Unexpected empty name: write the name, or remove the entry', string.offset, end)
        }
      } else if (bad) {
        const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
        const at = string.raw.indexOf(bad[0])
        const start = at >= 0 ? string.offset + at : string.offset
        report(target, this, `Unexpected control character U+${code} in a name: it is invisible but changes what is printed; retype the name`, start, at >= 0 ? start + bad[0].length : end)
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
      report(
        target,
        this,
        `Unexpected second entry for “${at.value.trim()}”: the same name is at line ${lineOf(first.offset)}; remove one, or if these are two people tell them apart (add \`name-zh\`)`,
        at.offset,
        at.offset + at.raw.length
      )
    }
  }
}
