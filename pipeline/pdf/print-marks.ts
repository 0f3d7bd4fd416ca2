/**
 * Fold and trim marks on an imposed sheet: short hairlines at the top and bottom edges,
 * inside the part of the paper a home printer can reach (it leaves 3-5 mm unprinted).
 */
import { rgb, type PDFPage } from 'pdf-lib'
import { mm } from './paper.js'

export interface MarksGeometry {
  /** The landscape sheet, in points. */
  width: number
  height: number
  /** Where this sheet's open edges fall once the folded booklet is trimmed, in points from each side edge. */
  trimInset: number
}

/** How far the marks reach in from the top and bottom edges: 9 to 14 mm, below the manual-duplex instruction line. */
const markReach = { from: 9 * mm, to: 14 * mm }

/**
 * Draws a fold mark down the middle and, when the sheet sits inside the stack
 * (`trimInset` above 0), trim marks where its open edges will be cut.
 */
export function drawPrintMarks(side: PDFPage, { width, height, trimInset }: MarksGeometry): void {
  const xs = [width / 2]
  if (trimInset > 0) xs.push(trimInset, width - trimInset)
  for (const x of xs) {
    for (const [from, to] of [[height - markReach.from, height - markReach.to], [markReach.from, markReach.to]]) {
      side.drawLine({ start: { x, y: from }, end: { x, y: to }, thickness: 0.5, color: rgb(0, 0, 0) })
    }
  }
}
