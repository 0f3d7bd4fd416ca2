/**
 * The signing sheet's geometry, shared by its renderer and its CSS: page margins, the
 * height of a row to sign in, and how many columns the roll of names can take.
 */
import type { Signatory } from '../../source/signatories-schema.js'
import { mm, type Paper } from '../../pdf/paper.js'

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
 * Columns for a group of names: as many (up to four) as let nine names in ten sit on one
 * line. The rest wrap inside their cell, so one long name does not make the whole roll
 * one name wide.
 */
export function rollColumns(names: Signatory[], paper: Paper): number {
  if (names.length === 0) return 1
  const widths = names.map(nameWidth).sort((a, b) => a - b)
  const typical = widths[Math.min(widths.length - 1, Math.floor(widths.length * 0.9))]
  const emMm = (rollFontSize / 72) * 25.4
  const lineMm = paper.width / mm - sheetMargins.left - sheetMargins.right
  for (const columns of [4, 3, 2]) {
    if (typical * emMm <= lineMm / columns - numberWidth - 3) return columns
  }
  return 1
}

/** A name's printed width in em, estimated: Han characters are 1 em, Latin ones about 0.55. */
function nameWidth(signatory: Signatory): number {
  const text = [signatory.name, signatory['name-zh']].filter(Boolean).join(' ')
  let width = 0
  for (const character of text) width += (character.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.55
  return width
}
