/**
 * The signing sheet: the charter's title, what signing means and the sign-up criteria in
 * every language, then the signatory roll (organisations, then individuals, numbered),
 * then blank numbered rows to sign in by hand. Names are hast text nodes, so a name
 * holding `<`, `&` or quotes prints as written and never becomes HTML.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { PrintJob } from '../../browser/printer.js'
import { joinedTitle, type Document } from '../../source/document.js'
import type { BuildFonts } from '../../fonts/font-subset.js'
import type { Paper } from '../../pdf/paper.js'
import { criteriaItems } from '../../markup/criteria.js'
import { titleHeading } from '../../markup/headings.js'
import { cloneContent, labelLine } from '../../markup/language-parts.js'
import type { Layout } from '../../markup/layout.js'
import { signatoryName } from '../../markup/signatory-roll.js'
import type { Signatory } from '../../source/signatories-schema.js'
import { blankHeaderHeight, blankRowHeight, rollColumns, rollFontSize, rollGeometry, sheetMargins } from './signing-sheet-layout.js'
import { fitName, nameWidths, scaleStyle, type RollGeometry } from '../../markup/name-fit.js'
import type { SheetRoll } from './signing-sheet-roll.js'
import { cssString } from '../../markup/escape.js'
import { cssLanguages } from '../../markup/language-css.js'
import { pageCountersInEvery, printPage } from '../../markup/template.js'

export interface SheetOptions {
  /** Blank rows to sign in after the roll. */
  blankRows: number
  /** Add a contact column to the blank rows. */
  contact: boolean
  /** The roll holds signatories who are not public: say so on every page. */
  organisersCopy: boolean
  /** Start the blank rows on a page of their own. */
  rowsOnOwnPage?: boolean
  /** Link each blank row's number to `row/<n>`, so a trial print shows which page each row fell on. */
  markRows?: boolean
}

type Labels = Document['languages'][number]['labels']

/** The title's languages as parts of their own; the rest of the sheet is its own (tables). */
const layout: Layout = { headings: 'parts', number: 'div' }

/** The longest roll whose sheet is tagged for screen readers (see the end of renderSigningSheet). */
const taggedRoll = 1000

/** Renders the signing sheet to a print job for the browser. */
export async function renderSigningSheet(document: Document, fonts: BuildFonts, paper: Paper, roll: SheetRoll, options: SheetOptions): Promise<PrintJob> {
  const label = (pick: (labels: Labels) => string) => labelLine(document, pick)
  const widths = await nameWidths(fonts, roll.groups.flatMap((group) => group.list), document.languages)
  const perLanguage = (make: (lang: string, labels: Labels) => ElementContent[]) =>
    document.languages.map(({ lang, labels }) => h('div', { lang }, make(lang, labels)))

  const body: Element[] = [
    // Also in the body, bold as in the footer: a margin box only shows glyphs the body has loaded.
    ...(options.organisersCopy ? [h('div', { className: ['organisers-copy'] }, perLanguage((_, labels) => [{ type: 'text', value: labels.signingSheet.organisersCopy }]))] : []),
    h('header', { className: ['title-block'] }, [
      titleHeading(document, layout),
      h('p', { className: ['sheet-name'] }, label((labels) => labels.signingSheet.title))
    ]),
    h('section', { className: ['intro'] }, perLanguage((lang, labels) => [
      h('p', { className: ['meaning'] }, labels.signingSheet.meaning),
      ...(document.criteria
        ? [h('h2', cloneContent(document.criteria.heading[lang])), h('ol', criteriaItems(document, lang))]
        : [])
    ])),
    ...(roll.count > 0 ? [h('h2', { className: ['roll-heading'] }, [...label((labels) => labels.signatories), ` (${roll.count})`])] : []),
    ...roll.groups.map((group) => {
      const columns = rollColumns(group.list, paper, widths)
      return rollTable(group.list, group.first, label((labels) => labels[group.key]), rollGeometry(paper, columns), widths, document)
    }),
    ...(options.blankRows > 0 ? [blankTable(roll.count + 1, options, label)] : [])
  ]

  const pageOf = pageCountersInEvery(document.languages.map(({ labels }) => labels.pageOf))
  const joined = (pick: (labels: Labels) => string) => document.languages.map(({ labels }) => pick(labels)).join(' ')
  const page = await printPage({
    stylesheet: 'signing-sheet.css',
    values: {
      paper: paper.css,
      // Beside the page number, one line holds two languages' title and sheet name, not three:
      // with more, the head is the first language's, as the page under it gives every one.
      runningHead: cssString(
        document.languages.length <= 2
          ? `${joinedTitle(document, ' · ')}  —  ${joined((labels) => labels.signingSheet.title)}`
          : `${document.languages[0].title.text}  —  ${document.languages[0].labels.signingSheet.title}`
      ),
      pageNumber: pageOf,
      // One line per language, so that no line is wider than the page.
      footer: options.organisersCopy ? cssString(document.languages.map(({ labels }) => labels.signingSheet.organisersCopy).join('\n')) : 'none',
      margin: `${sheetMargins.top}mm ${sheetMargins.right}mm ${sheetMargins.bottom}mm ${sheetMargins.left}mm`,
      rowHeight: `${blankRowHeight}mm`,
      headerHeight: `${blankHeaderHeight}mm`,
      rollFontSize: `${rollFontSize}pt`
    },
    body,
    lang: document.languages[0].lang,
    title: `${joinedTitle(document)} · ${joined((labels) => labels.signingSheet.title)}`,
    fonts,
    languages: cssLanguages(document, roll.groups.flatMap((group) => group.list))
  })
  // Tagged, as the reading edition is, up to a roll of 1,000 names: at the charter's size
  // tagging costs nothing measurable (1.13 s against 1.14 s for the sheet alone), but at
  // 10,000 names it took the sheet from 4.3 s to 7.3 s and the whole build to 9.2 s (of an
  // aim of 10) and 1.37 GB (of 1.5). A roll that long is for a clipboard; its text still
  // copies and searches. (Chromium's table IDs are renumbered: structure-ids.ts.)
  return { ...page, pdf: { outline: false, tagged: roll.count <= taggedRoll } }
}

/**
 * A group of the roll as a table, `geometry.columns` names a row, its heading repeated on
 * every page. A name too wide for its cell takes the cells after it (colspan), starting a
 * new row when the row has no room left; one wider than a whole row is set smaller.
 */
function rollTable(list: Signatory[], first: number, heading: ElementContent[], geometry: RollGeometry, widths: Map<Signatory, number>, document: Document): Element {
  const { columns } = geometry
  const rows: Element[] = []
  let cells: Element[] = []
  let used = 0
  const endRow = () => {
    // A short row gets empty cells, so that its rule runs the full width.
    for (; used < columns; used++) cells.push(h('td', { className: ['n'] }), h('td', { className: ['name'] }))
    rows.push(h('tr', cells))
    cells = []
    used = 0
  }
  list.forEach((signatory, index) => {
    const fit = fitName(widths.get(signatory) ?? 0, geometry)
    if (used + fit.span > columns) endRow()
    cells.push(
      h('td', { className: ['n'] }, String(first + index)),
      h('td', { className: ['name'], colSpan: fit.span > 1 ? fit.span * 2 - 1 : undefined, style: scaleStyle(fit) }, [
        ...signatoryName(signatory, document.languages),
        ...(signatory.public ? [] : [' ', h('span', { className: ['not-public'] }, ['(', ...labelLine(document, (labels) => labels.signingSheet.notPublic), ')'])])
      ])
    )
    used += fit.span
    if (used === columns) endRow()
  })
  if (used > 0) endRow()
  const cols = Array.from({ length: columns }, () => [h('col', { className: ['n'] }), h('col', { className: ['name'] })]).flat()
  return h('table', { className: ['roll', `columns-${columns}`] }, [
    h('colgroup', cols),
    h('thead', [h('tr', [h('th', { colSpan: columns * 2 }, heading)])]),
    h('tbody', rows)
  ])
}

/** Blank numbered rows to sign in by hand, numbered on from `first`. */
function blankTable(first: number, options: SheetOptions, label: (pick: (labels: Labels) => string) => ElementContent[]): Element {
  const columns: Array<[string, (labels: Labels) => string]> = [
    ['name', (labels) => labels.signingSheet.name],
    ['place', (labels) => labels.signingSheet.place],
    ...(options.contact ? [['contact', (labels: Labels) => labels.signingSheet.contact] as [string, (labels: Labels) => string]] : []),
    ['signature', (labels) => labels.signingSheet.signature],
    ['date', (labels) => labels.signingSheet.date]
  ]
  const rows = Array.from({ length: options.blankRows }, (_, index) => {
    const number = String(first + index)
    return h('tr', [
      h('td', { className: ['n'] }, options.markRows ? h('a', { href: `row/${number}` }, number) : number),
      ...columns.map(([key]) => h('td', { className: [key] }))
    ])
  })
  const classes = ['blank', options.contact ? 'with-contact' : 'without-contact', ...(options.rowsOnOwnPage ? ['own-page'] : [])]
  return h('table', { className: classes }, [
    h('colgroup', [h('col', { className: ['n'] }), ...columns.map(([key]) => h('col', { className: [key] }))]),
    h('thead', [h('tr', [h('th', { className: ['n'] }), ...columns.map(([key, pick]) => h('th', { className: [key] }, label(pick)))])]),
    h('tbody', rows)
  ])
}
