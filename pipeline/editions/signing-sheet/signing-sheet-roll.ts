/**
 * Who the signing sheet names: organisations, then individuals, numbered on from one
 * group to the next. Signatories marked `public: false` are left out unless the sheet is
 * the organisers' own copy (`--include-private`).
 */
import { publicSignatories } from '../../markup/signatory-roll.js'
import type { Signatories, Signatory } from '../../source/signatories-schema.js'

export interface SheetRoll {
  groups: Array<{ key: 'organisations' | 'individuals'; list: Signatory[]; /** Number of its first name. */ first: number }>
  /** Names on the roll; blank rows are numbered from `count + 1`. */
  count: number
  /** Whether any name on the roll is not public. */
  holdsPrivate: boolean
}

/** The roll the sheet prints from `list`; `includePrivate` keeps signatories who are not public. */
export function sheetRoll(list: Signatories, includePrivate: boolean): SheetRoll {
  const pick = (list: Signatory[]) => (includePrivate ? list : publicSignatories(list))
  const groups: SheetRoll['groups'] = []
  let count = 0
  for (const key of ['organisations', 'individuals'] as const) {
    const names = pick(list[key])
    if (names.length === 0) continue
    groups.push({ key, list: names, first: count + 1 })
    count += names.length
  }
  const holdsPrivate = groups.some((group) => group.list.some((signatory) => !signatory.public))
  return { groups, count, holdsPrivate }
}
