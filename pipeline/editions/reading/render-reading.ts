/**
 * The A4 (or US Letter) reading edition: a title block, then each section with its
 * clauses side by side, one row per clause so that every pair starts at the same height;
 * then the sign-up criteria, the signatories and a colophon.
 */
import { h } from 'hastscript'
import type { Element } from 'hast'
import type { PrintJob } from '../../browser/printer.js'
import type { BuildFonts } from '../../fonts/font-subset.js'
import { preambleBlock, sectionBlock } from '../../markup/clauses.js'
import { readingColumns, readingGrid } from './reading-grid.js'
import { publisherAndDate } from '../../markup/colophon.js'
import { criteriaSection, criteriaSideBySide } from '../../markup/criteria.js'
import { cssString } from '../../markup/escape.js'
import { titleHeading } from '../../markup/headings.js'
import { keepHyphenatedWords } from '../../markup/keep-hyphenated.js'
import type { Layout } from '../../markup/layout.js'
import { fitName, nameWidths } from '../../markup/name-fit.js'
import { publicSignatories, signatoryRoll } from '../../markup/signatory-roll.js'
import type { Signatory } from '../../source/signatories-schema.js'
import { cssLanguages } from '../../markup/language-css.js'
import { pageCountersInEvery, printPage } from '../../markup/template.js'
import { headingTitles } from '../../pdf/pdf-outline.js'
import { mm, type Paper } from '../../pdf/paper.js'
import { joinedTitle, type Document } from '../../source/document.js'
import { localize } from '../../source/publication-schema.js'

/** Languages side by side, each clause and heading a row of the grid; headings as one line, which is what the bookmarks say. */
const layout: Layout = { headings: 'line', labelHeadings: true, pairs: true, number: 'div', printed: true }

/** Past this many signatories the reading edition prints their count; see signatoryRoll(). */
export const rollLimit = 600

/**
 * The roll's grid (reading.css: 18 mm side margins, 10 pt names, 3 columns 7 mm apart after
 * a 1.8 em indent for the numbers), and where each public name fits in it.
 */
async function rollFit(document: Document, fonts: BuildFonts, paper: Paper) {
  const em = (10 / 72) * 25.4
  const gap = 7 / em
  const line = (paper.width / mm - 36) / em - 1.8
  const geometry = { columns: 3, columnEm: (line - 2 * gap) / 3, gapEm: gap }
  const { organisations, individuals } = document.signatories
  const widths = await nameWidths(fonts, publicSignatories([...organisations, ...individuals]), document.languages)
  return (signatory: Signatory) => {
    const width = widths.get(signatory)
    return width === undefined ? undefined : { ...fitName(width, geometry), spanStyle: (span: number) => `grid-column: span ${span}` }
  }
}

/** Renders the reading edition to a print job for the browser, with its headings for the outline. */
export async function renderReading(document: Document, fonts: BuildFonts, paper: Paper): Promise<{ job: PrintJob; headings: string[] }> {
  const primary = document.languages[0].lang
  const body: Element[] = [
    h('header', { className: ['title-block'] }, [titleHeading(document, layout)]),
    ...preambleBlock(document, layout),
    ...document.sections.map((section) => sectionBlock(document, section, layout)),
    ...(document.criteria ? [criteriaSection(document, layout, criteriaSideBySide(document, layout))] : []),
    signatoryRoll(document, { limit: rollLimit, fit: await rollFit(document, fonts, paper) }),
    h('footer', { className: ['colophon'] }, document.languages.map(({ lang }) =>
      h('p', { lang }, publisherAndDate(document, lang, localize(document.publication.rights, lang)))
    ))
  ]
  const page = await printPage({
    stylesheet: 'reading.css',
    values: {
      paper: paper.css,
      runningHead: cssString(joinedTitle(document, '  ·  ')),
      pageNumber: pageCountersInEvery(document.languages.map(({ labels }) => labels.pageOf)),
      columns: readingColumns(document.languages),
      languageGrid: readingGrid(document.languages)
    },
    body: keepHyphenatedWords(body),
    lang: primary,
    title: joinedTitle(document),
    fonts,
    languages: cssLanguages(document)
  })
  return {
    job: { ...page, pdf: { outline: true, tagged: true } },
    headings: headingTitles({ type: 'root', children: body })
  }
}
