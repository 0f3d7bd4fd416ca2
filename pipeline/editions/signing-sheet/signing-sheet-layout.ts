/**
 * The signing sheet's geometry, shared by its renderer and its CSS: page margins, the
 * height of a row to sign in, and how many columns the roll of names can take.
 */
import type { Signatory } from '../../source/signatories-schema.js'
import { mm, type Paper } from '../../pdf/paper.js'
import type { RollGeometry } from '../../markup/name-fit.js'

/** Page margins in mm; the title and page numbers sit in the top margin. */
export const sheetMargins = { top: 20, right: 15, bottom: 16, left: 15 }

/** Height of a row to sign in, in mm: a hand needs at least 9 mm to write a name. */
export const blankRowHeight = 10

/** Height of the blank rows' table header (two lines of labels), in mm. */
export const blankHeaderHeight = 11

/** Size of the roll's names, in pt. */
export const rollFontSize = 9.5

/** Width of the number cell before each name, in mm. */
const numberWidth = 10

/** More rows than one page can hold below the table header: enough to fill any page. */
export function rowsBeyondOnePage(paper: Paper): number {
  const height = paper.height / mm - sheetMargins.top - sheetMargins.bottom - blankHeaderHeight
  return Math.ceil(height / blankRowHeight) + 2
}

/**
 * Columns for a group of names: as many (up to four) as let nine names in ten sit in one
 * cell. A longer name takes two cells or more (never broken: name-fit.ts), so one long name
 * does not make the whole roll one name wide. `widths` are the names' widths in em.
 */
export function rollColumns(names: Signatory[], paper: Paper, widths: Map<Signatory, number>): number {
  if (names.length === 0) return 1
  const sorted = names.map((name) => widths.get(name) ?? 0).sort((a, b) => a - b)
  const typical = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))]
  for (const columns of [4, 3, 2]) {
    if (typical <= rollGeometry(paper, columns).columnEm) return columns
  }
  return 1
}

/**
 * The roll's cells with `columns` names to a row, in em of the names' size: a number cell
 * (10 mm), then the name, which may run into all but 1 mm of the 3 mm padding after it.
 */
export function rollGeometry(paper: Paper, columns: number): RollGeometry {
  const emMm = (rollFontSize / 72) * 25.4
  const lineMm = paper.width / mm - sheetMargins.left - sheetMargins.right
  return { columns, columnEm: (lineMm / columns - numberWidth - 1) / emMm, gapEm: (numberWidth + 1) / emMm }
}
