/**
 * The order of pages on the sheets of a saddle-stitched booklet: sheets printed on
 * both sides, stacked, folded once down the middle and stapled on the fold.
 */

import type { PDFDocument } from 'pdf-lib'

/** A page number from 1, or `null` for a blank slot. */
export type Slot = number | null

/** One sheet: the pages on its front and back, left half then right half, as seen unrotated. */
export interface SheetPlan {
  /** The sheet's place in the stack, from 0 (the outside sheet, holding the covers). */
  index: number
  front: [Slot, Slot]
  back: [Slot, Slot]
}

/** The smallest multiple of 4 that holds `pageCount` pages (a folded sheet carries 4). */
function paddedPageCount(pageCount: number): number {
  return Math.max(4, Math.ceil(pageCount / 4) * 4)
}

/**
 * Where each of `pageCount` pages goes: sheet k of n padded pages has on its front
 * [n-2k, 2k+1] and on its back [2k+2, n-2k-1]. Blank pages go before the back cover
 * (the last page stays last), never after it.
 *
 * @example
 * saddleStitchOrder(6)
 * // [{ index: 0, front: [6, 1], back: [2, null] },
 * //  { index: 1, front: [null, 3], back: [4, 5] }]
 */
export function saddleStitchOrder(pageCount: number): SheetPlan[] {
  const n = paddedPageCount(pageCount)
  // Position p (1..n) in the folded booklet holds source page `slot(p)`.
  const slot = (p: number): Slot => {
    if (p < pageCount) return p
    if (p === n) return pageCount > 1 ? pageCount : null
    if (p === pageCount && pageCount === 1) return 1
    return null
  }
  return Array.from({ length: n / 4 }, (_, k) => ({
    index: k,
    front: [slot(n - 2 * k), slot(2 * k + 1)],
    back: [slot(2 * k + 2), slot(n - 2 * k - 1)]
  }))
}

/** Inserts blank pages into `pdf` before its last page (the back cover) up to a multiple of 4. */
export function padBeforeBackCover(pdf: PDFDocument): void {
  const count = pdf.getPageCount()
  const last = pdf.getPage(count - 1)
  for (let i = count; i < paddedPageCount(count); i++) pdf.insertPage(pdf.getPageCount() - 1, [last.getWidth(), last.getHeight()])
}
