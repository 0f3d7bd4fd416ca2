/**
 * Names are never broken across lines: a name split over two lines is read back by
 * pdftotext as two pieces, and a search for it finds nothing. Each name (each of its
 * parts: `name`, `name-zh`) is kept on one line; one too wide for its column of the roll
 * takes two or more columns, and only one wider than the whole line is set smaller.
 */
import type { FontStacks } from '../fonts/font-stacks.js'
import type { BuildFonts } from '../fonts/font-subset.js'
import { textWidth } from '../fonts/text-width.js'
import { nameParts, type KnownLanguage } from '../source/names.js'
import type { Signatory } from '../source/signatories-schema.js'

/** How a roll's columns are laid out, in em of the names' size. */
export interface RollGeometry {
  columns: number
  /** Width of one column's text (less its number or marker). */
  columnEm: number
  /** Space between two columns, which a name that spans them gains. */
  gapEm: number
}

/** How one name sits in the roll: the columns it takes, and its size (1: as the rest). */
export interface NameFit {
  span: number
  scale: number
}

/** Room left for rounding, in em (kerning, which the widths leave out, only ever narrows a name of capitals and lower case). */
const slack = 0.1

/** The widest part of each signatory's name, in em. */
export async function nameWidths(fonts: Pick<BuildFonts, 'stacks' | 'faces'>, list: Signatory[], languages: readonly KnownLanguage[]): Promise<Map<Signatory, number>> {
  const widths = new Map<Signatory, number>()
  for (const signatory of list) {
    let widest = 0
    for (const part of nameParts(signatory, languages)) widest = Math.max(widest, await textWidth(fonts as BuildFonts, part.text, part.lang))
    widths.set(signatory, widest + slack)
  }
  return widths
}

/** Where a name `width` em wide fits in `geometry`. */
export function fitName(width: number, geometry: RollGeometry): NameFit {
  for (let span = 1; span <= geometry.columns; span++) {
    if (width <= span * geometry.columnEm + (span - 1) * geometry.gapEm) return { span, scale: 1 }
  }
  const line = geometry.columns * geometry.columnEm + (geometry.columns - 1) * geometry.gapEm
  // Rounded down to a tenth of a percent: the same size on every machine, never a hair too wide.
  return { span: geometry.columns, scale: Math.floor((line / width) * 1000) / 1000 }
}

/** A name part's size as a style, when it is set smaller to fit the line. */
export function scaleStyle(fit: NameFit | undefined): string | undefined {
  return fit && fit.scale < 1 ? `font-size: ${(fit.scale * 100).toFixed(1)}%` : undefined
}

export type { FontStacks }
