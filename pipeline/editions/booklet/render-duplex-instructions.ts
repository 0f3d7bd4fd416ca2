/**
 * One line of instruction for each side of a manually duplexed booklet, printed at the
 * sheet's top edge (above the pamphlet's top margin), so whoever feeds the stack back in
 * can tell which sheet is which. Printed through the browser like every text, in the
 * project's fonts, as one landscape page per side: `impose()` lays them over the sheets.
 */
import { h } from 'hastscript'
import type { PrintJob } from '../../browser/printer.js'
import type { BuildFonts } from '../../fonts/font-subset.js'
import type { Paper } from '../../pdf/paper.js'
import { printPage } from '../../markup/template.js'

export interface DuplexFiles {
  fronts: string
  backs: string
}

/** The instruction lines of every front (or every back) of `sheets` sheets. */
export function duplexInstructions(side: 'fronts' | 'backs', sheets: number, files: DuplexFiles): string[] {
  return Array.from({ length: sheets }, (_, k) =>
    side === 'fronts'
      ? `Sheet ${k + 1} of ${sheets}, front. When every front is printed, put the stack back in the tray to print its blank sides with ${files.backs}.`
      : `Sheet ${k + 1} of ${sheets}, back: it belongs behind the front of sheet ${k + 1}. Stack sheet 1 outside, fold in half and staple on the fold.`
  )
}

/** A print job of one landscape `paper` page per line, each line at the top edge. */
export async function renderDuplexInstructions(lines: string[], fonts: BuildFonts, paper: Paper): Promise<PrintJob> {
  const page = await printPage({
    stylesheet: 'duplex-instructions.css',
    values: { width: String(paper.height), height: String(paper.width) },
    body: lines.map((line) => h('div', { className: ['side'] }, [h('p', line)])),
    lang: 'en',
    title: 'Instructions',
    fonts,
    languages: [{ lang: 'en', typography: 'latin' }]
  })
  return { ...page, pdf: { outline: false, tagged: false } }
}
