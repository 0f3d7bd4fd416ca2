/**
 * Where each language sits in the reading edition's rows (`.pair`: a clause, a heading, a
 * paragraph): the number in the first column, then two languages side by side, in
 * publication.yaml's order. A third language goes under the first two, across both columns
 * (a fourth beside it, and so on), so that no column is ever narrower than half the text
 * width: three columns on A4 portrait were 48 mm, and French set one word to a line.
 */
import type { LanguageInfo } from '../../source/document.js'

/** Languages side by side in a row of the grid. */
const perRow = 2

/** The grid's columns: the number's, then one per language side by side. */
export function readingColumns(languages: LanguageInfo[]): string {
  return `7mm ${Array.from({ length: Math.min(perRow, languages.length) }, () => '1fr').join(' ')}`
}

/** Rules placing each language's part (its element with `lang`, a child of `.pair`) in the grid. */
export function readingGrid(languages: LanguageInfo[]): string {
  const rows = Math.ceil(languages.length / perRow)
  const rules = languages.map(({ lang }, index) => {
    const row = Math.floor(index / perRow) + 1
    const alone = index === languages.length - 1 && index % perRow === 0 && languages.length > 1
    const column = alone ? '2 / -1' : String((index % perRow) + 2)
    const gap = row > 1 ? ' margin-top: 2.4mm;' : ''
    return `.pair > [lang="${lang}"] { grid-row: ${row}; grid-column: ${column};${gap} }`
  })
  return [`.pair > .number { grid-row: 1 / span ${rows}; grid-column: 1; }`, ...rules].join('\n')
}
