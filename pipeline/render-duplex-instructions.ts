/**
 * One line of instruction for each side of a manually duplexed booklet, printed at the
 * sheet's top edge (above the pamphlet's top margin), so whoever feeds the stack back in
 * can tell which sheet is which. Printed through the browser like every text, in the
 * project's fonts, as one landscape page per side: `impose()` lays them over the sheets.
 */
import { h } from 'hastscript'
import type { PrintJob } from './browser.js'
import type { FontSet } from './fonts.js'
import type { Paper } from './paper.js'
import { cssString, fillTemplate, toHtml } from './template.js'

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

const css = `
{{fonts}}
@page { size: {{width}}pt {{height}}pt; margin: 0; }
html, body { margin: 0; background: transparent; }
.side { height: {{height}}pt; break-after: page; position: relative; overflow: hidden; }
.side:last-child { break-after: auto; }
p { position: absolute; top: 4.5mm; left: 0; right: 0; margin: 0; text-align: center;
    font: 6.5pt {{latin}}; color: #555; font-synthesis: none; }
`

/** A print job of one landscape `paper` page per line, each line at the top edge. */
export function renderDuplexInstructions(lines: string[], fonts: FontSet, paper: Paper): PrintJob {
  const values = {
    fonts: fonts.css,
    width: String(paper.height),
    height: String(paper.width),
    latin: cssString(fonts.families.latin)
  }
  const body = lines.map((line) => h('div', { className: ['side'] }, [h('p', line)]))
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Instructions</title><style>${fillTemplate(css, { html: values })}</style></head><body>${toHtml(body)}</body></html>`
  return { html, assets: fonts.files, pdf: { outline: false, tagged: false } }
}
