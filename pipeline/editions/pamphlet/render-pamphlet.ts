/**
 * The A5 (or half-letter) rally pamphlet: a cover with the title in every language, the
 * clauses with each language under the other (one clause, both languages, then the next),
 * the public signatories, and a back cover with the sign-up criteria, where to sign (link
 * and QR code, when the publication gives a link) and the colophon.
 */
import type { Element } from 'hast'
import { toString } from 'hast-util-to-string'
import { h } from 'hastscript'
import type { PrintJob } from '../../browser/printer.js'
import { joinedTitle, type Document } from '../../source/document.js'
import type { BuildFonts } from '../../fonts/font-subset.js'
import { keepHyphenatedWords } from '../../markup/keep-hyphenated.js'
import { preambleBlock, sectionBlock } from '../../markup/clauses.js'
import { publisherAndDate } from '../../markup/colophon.js'
import { criteriaByCriterion } from '../../markup/criteria.js'
import { sectionHeading, titleHeading } from '../../markup/headings.js'
import type { Layout } from '../../markup/layout.js'
import { fitName, nameWidths } from '../../markup/name-fit.js'
import { publicSignatories, signatoryRoll } from '../../markup/signatory-roll.js'
import type { Signatory } from '../../source/signatories-schema.js'
import type { Paper } from '../../pdf/paper.js'
import { localize } from '../../source/publication-schema.js'
import { signQrCode } from './sign-qr-code.js'
import { cssLanguages } from '../../markup/language-css.js'
import { printPage } from '../../markup/template.js'

/** Each language under the other, its parts apart: an A5 page is too narrow for columns. */
const layout: Layout = { headings: 'parts', number: 'div', printed: true }

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

/**
 * The roll's columns (pamphlet.css: 14 mm and 16 mm side margins, 9.5 pt names, 2 columns
 * 6 mm apart after a 1.6 em indent), and where each public name fits: one too wide for a
 * column goes across both (`column-span: all`).
 */
async function rollFit(document: Document, fonts: BuildFonts, paper: Paper) {
  const em = (9.5 / 72) * 25.4
  const gap = 6 / em
  const pageWidth = paper.name === 'letter' ? 139.7 : 148
  const line = (pageWidth - 30) / em - 1.6
  const geometry = { columns: 2, columnEm: (line - gap) / 2, gapEm: gap }
  const { organisations, individuals } = document.signatories
  const widths = await nameWidths(fonts, publicSignatories([...organisations, ...individuals]), document.languages)
  return (signatory: Signatory) => {
    const width = widths.get(signatory)
    return width === undefined ? undefined : { ...fitName(width, geometry), spanStyle: () => 'column-span: all' }
  }
}

/** Renders the pamphlet to a print job for the browser. */
export async function renderPamphlet(document: Document, fonts: BuildFonts, paper: Paper): Promise<PrintJob & { headings: string[] }> {
  const { publication } = document
  const signUrl = publication['sign-url']
  const qrCode = signUrl ? await signQrCode(signUrl) : undefined

  const body: Element[] = [
    h('section', { className: ['cover'] }, [
      h('div', { className: ['cover-panel'] }, [withLengths(titleHeading(document, layout))]),
      h('div', { className: ['cover-foot'] }, document.languages.map(({ lang }) => h('p', { lang }, localize(publication.publisher, lang))))
    ]),
    ...preambleBlock(document, layout),
    ...document.sections.map((section) => sectionBlock(document, section, layout)),
    signatoryRoll(document, { limit: rollLimit, fit: await rollFit(document, fonts, paper) }),
    h('section', { className: ['back-cover'] }, [
      ...(document.criteria ? [sectionHeading(document, document.criteria.heading, layout), criteriaByCriterion(document, 'span', { className: ['criteria'] })] : []),
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
    body: keepHyphenatedWords(body),
    lang: document.languages[0].lang,
    title: joinedTitle(document),
    fonts,
    languages: cssLanguages(document)
  })
  const assets = new Map(printed.assets)
  if (qrCode) assets.set(qrAsset, qrCode)
  // Bookmarks: one per heading, named in every language ("Our community 我哋嘅社群").
  return { html: printed.html, assets, pdf: { outline: true, tagged: true }, headings: outlineTitles(body) }
}

/** Each heading's text, its languages' parts joined by a space, in order: the bookmarks' titles. */
function outlineTitles(body: Element[]): string[] {
  const titles: string[] = []
  const walk = (node: Element) => {
    if (/^h[1-6]$/.test(node.tagName)) {
      const parts = node.children.filter((child): child is Element => child.type === 'element' && typeof child.properties.lang === 'string')
      const text = parts.length > 0 ? parts.map((part) => toString(part).trim()).join(' ') : toString(node)
      titles.push(text.replace(/\s+/g, ' ').trim())
      return
    }
    for (const child of node.children) if (child.type === 'element') walk(child)
  }
  for (const node of body) walk(node)
  return titles
}

/**
 * The cover's title with each language's length in characters (`--chars`), by which its
 * stylesheet sets a long title smaller: a title of 60 Chinese characters ran off the cover.
 */
function withLengths(title: Element): Element {
  return {
    ...title,
    children: title.children.map((child) =>
      child.type === 'element' && typeof child.properties.lang === 'string'
        ? { ...child, properties: { ...child.properties, style: `--chars: ${[...toString(child)].length}` } }
        : child
    )
  }
}
