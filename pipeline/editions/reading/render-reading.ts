/**
 * The A4 (or US Letter) reading edition: a title block, then each section with its
 * clauses side by side, one row per clause so that every pair starts at the same height;
 * then the sign-up criteria, the signatories and a colophon.
 */
import { h } from 'hastscript'
import type { Element } from 'hast'
import { joinedTitle, parallelTitle, type Document } from '../../source/document.js'
import type { BuildFonts } from '../../fonts/font-subset.js'
import { cloneContent, languageParts, parallelHeading, publisherAndDate, signatoryRoll } from '../../markup/parallel-html.js'
import type { Paper } from '../../pdf/paper.js'
import { localize } from '../../source/publication-schema.js'
import { cssString } from '../../markup/escape.js'
import { pageCountersInEvery, printPage } from '../../markup/template.js'
import type { PrintJob } from '../../browser/printer.js'
import { headingTitles } from '../../pdf/pdf-outline.js'
import { keepChineseEndingsTogether } from '../../markup/keep-chinese-endings.js'
import { keepHyphenatedWords } from '../../markup/keep-hyphenated.js'

/** Past this many signatories the reading edition prints their count; see signatoryRoll(). */
export const rollLimit = 600

/** Renders the reading edition to a print job for the browser, with its headings for the outline. */
export async function renderReading(document: Document, fonts: BuildFonts, paper: Paper): Promise<{ job: PrintJob; headings: string[] }> {
  const primary = document.languages[0].lang
  const body: Element[] = [
    h('header', { className: ['title-block'] }, [
      parallelHeading(document, 'h1', parallelTitle(document)),
    ]),
    ...document.sections.map((section) =>
      h('section', { className: ['section'], id: section.id }, [
        parallelHeading(document, 'h2', section.heading, { className: ['pair', 'section-heading'] }),
        ...section.clauses.map((clause) =>
          h('div', { className: ['pair', 'clause'], id: `clause-${clause.number}` }, [
            h('div', { className: ['number'] }, String(clause.number)),
            ...languageParts(document, clause.text, 'div', 'text')
          ])
        )
      ])
    ),
    ...(document.criteria
      ? [
          h('section', { className: ['criteria'], id: 'criteria' }, [
            parallelHeading(document, 'h2', document.criteria.heading, { className: ['pair', 'section-heading'] }),
            h(
              'div',
              { className: ['pair'] },
              [h('div', { className: ['number'] }), ...document.languages.map(({ lang }) =>
                h('ol', { lang, className: ['text'] }, document.criteria!.items.map((item) => h('li', cloneContent(item[lang]))))
              )]
            )
          ])
        ]
      : []),
    signatoryRoll(document, { limit: rollLimit }),
    h('footer', { className: ['colophon'] }, document.languages.map(({ lang }) =>
      h('p', { lang }, publisherAndDate(document, lang, localize(document.publication.rights, lang)))
    ))
  ]
  const page = await printPage({
    stylesheet: 'reading.css',
    values: { paper: paper.css, runningHead: cssString(joinedTitle(document, '  ·  ')), pageNumber: pageCountersInEvery(document.languages.map(({ labels }) => labels.pageOf)) },
    body: keepChineseEndingsTogether(keepHyphenatedWords(body)),
    lang: primary,
    title: joinedTitle(document),
    fonts
  })
  return {
    job: { ...page, pdf: { outline: true, tagged: true } },
    headings: headingTitles({ type: 'root', children: body })
  }
}
