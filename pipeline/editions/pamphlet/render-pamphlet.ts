/**
 * The A5 (or half-letter) rally pamphlet: a cover with the title in every language, the
 * clauses with each language under the other (one clause, both languages, then the next),
 * the public signatories, and a back cover with the sign-up criteria, where to sign (link
 * and QR code, when the publication gives a link) and the colophon.
 */
import type { Element } from 'hast'
import { h } from 'hastscript'
import type { PrintJob } from '../../browser/printer.js'
import { joinedTitle, type Document } from '../../source/document.js'
import type { BuildFonts } from '../../fonts/font-subset.js'
import { keepChineseEndingsTogether } from '../../markup/keep-chinese-endings.js'
import { keepHyphenatedWords } from '../../markup/keep-hyphenated.js'
import { cloneContent, languageParts, publisherAndDate, signatoryRoll } from '../../markup/parallel-html.js'
import type { Paper } from '../../pdf/paper.js'
import { localize } from '../../source/publication-schema.js'
import { signQrCode } from './sign-qr-code.js'
import { printPage } from '../../markup/template.js'

/** The pamphlet's page: half the sheet it is imposed on (A5 for A4, half-letter for US Letter). */
/** Past this many signatories the pamphlet prints their count (about 60 names fit an A5 page). */
const rollLimit = 180

export interface PamphletPage {
  name: 'a5' | 'half-letter'
  /** The CSS `size` value. */
  css: string
  /** Height in mm, for the covers, which fill their page. */
  height: number
}

/** The pamphlet page that goes two-up on `paper`. */
export function pamphletPageFor(paper: Paper): PamphletPage {
  return paper.name === 'letter' ? { name: 'half-letter', css: '5.5in 8.5in', height: 215.9 } : { name: 'a5', css: '148mm 210mm', height: 210 }
}

const qrAsset = 'sign-qr.svg'

/** Renders the pamphlet to a print job for the browser. */
export async function renderPamphlet(document: Document, fonts: BuildFonts, paper: Paper): Promise<PrintJob> {
  const { publication } = document
  const signUrl = publication['sign-url']
  const qrCode = signUrl ? await signQrCode(signUrl) : undefined

  const body: Element[] = [
    h('section', { className: ['cover'] }, [
      h('div', { className: ['cover-panel'] }, [
        h('h1', document.languages.map(({ lang, title }) => h('span', { lang }, cloneContent(title))))
      ]),
      h('div', { className: ['cover-foot'] }, document.languages.map(({ lang }) => h('p', { lang }, localize(publication.publisher, lang))))
    ]),
    ...document.sections.map((section) =>
      h('section', { className: ['section'], id: section.id }, [
        h('h2', languageParts(document, section.heading, 'span')),
        ...section.clauses.map((clause) =>
          h('div', { className: ['clause'], id: `clause-${clause.number}` }, [
            h('div', { className: ['number'] }, String(clause.number)),
            ...languageParts(document, clause.text, 'div', 'text')
          ])
        )
      ])
    ),
    signatoryRoll(document, { limit: rollLimit }),
    h('section', { className: ['back-cover'] }, [
      ...(document.criteria
        ? [
            h('h2', languageParts(document, document.criteria.heading, 'span')),
            h('ol', { className: ['criteria'] }, document.criteria.items.map((item) => h('li', languageParts(document, item, 'span'))))
          ]
        : []),
      ...(signUrl
        ? [h('div', { className: ['sign'] }, [h('img', { src: qrAsset, alt: '' }), h('a', { href: signUrl, className: ['sign-url'] }, signUrl)])]
        : []),
      h('footer', { className: ['colophon'] }, document.languages.flatMap(({ lang }) => [
        h('p', { lang }, publisherAndDate(document, lang)),
        h('p', { lang }, localize(publication.rights, lang))
      ]))
    ])
  ]
  const page = pamphletPageFor(paper)
  const printed = await printPage({
    stylesheet: 'pamphlet.css',
    values: {
      page: page.css,
      // The page less its margins (pamphlet.css), less 1 mm so rounding never spills a page.
      coverHeight: `${page.height - 24 - 1}mm`,
      backHeight: `${page.height - 32 - 1}mm`
    },
    body: keepChineseEndingsTogether(keepHyphenatedWords(body)),
    lang: document.languages[0].lang,
    title: joinedTitle(document),
    fonts
  })
  const assets = new Map(printed.assets)
  if (qrCode) assets.set(qrAsset, qrCode)
  return { html: printed.html, assets, pdf: { outline: false, tagged: true } }
}
