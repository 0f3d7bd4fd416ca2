/**
 * The EPUB's cover image: the title in each of the edition's languages, typeset with the
 * project's fonts by the build's browser and captured as a PNG. Every book's cover is a
 * frame of one page, so the browser loads one page for all of them. Made from the publication,
 * so a new title or a new language gives a new cover with no drawing by hand.
 */
import { h } from 'hastscript'
import type { Printer } from '../../browser/printer.js'
import { joinedTitle, type Document } from '../../source/document.js'
import type { BuildFonts } from '../../fonts/font-subset.js'
import { printPage } from '../../markup/template.js'
import { cssLanguages } from '../../markup/language-css.js'

/** The cover's size in pixels: 2:3, as e-book shops and readers expect, and small as a PNG. */
const coverSize = { width: 1200, height: 1800 }

/** Renders the cover of each edition, in its `document`'s languages, to PNG bytes: one page load for all. */
export async function renderCovers(documents: Document[], fonts: BuildFonts, printer: Printer): Promise<Uint8Array[]> {
  const body = documents.map((document) =>
    h('section', { className: ['cover'] }, [
      h('div', { className: ['rule'] }),
      // Each title's length (--chars) sets a long one smaller, so that it stays on the cover.
      h('h1', document.languages.map(({ lang, title }) => h('span', { lang, style: `--chars: ${[...title.text].length}` }, title.text)))
    ])
  )
  const page = await printPage({
    stylesheet: 'epub-cover.css',
    values: { width: String(coverSize.width), height: String(coverSize.height) },
    body,
    lang: documents[0].languages[0].lang,
    title: joinedTitle(documents[0]),
    fonts,
    languages: cssLanguages(documents[0])
  })
  return printer.screenshots(page, coverSize, documents.length)
}
