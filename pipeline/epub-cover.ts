/**
 * The EPUB's cover image: the title in each of the edition's languages, typeset with the
 * project's fonts by the build's browser and captured as a PNG. Made from the publication,
 * so a new title or a new language gives a new cover with no drawing by hand.
 */
import { h } from 'hastscript'
import type { Printer } from './browser.js'
import { joinedTitle, type Document } from './document.js'
import type { BuildFonts } from './font-subset.js'
import { printPage } from './template.js'

/** The cover's size in pixels: 2:3, as e-book shops and readers expect, and small as a PNG. */
export const coverSize = { width: 1200, height: 1800 }

/** Renders the cover of the edition in `document`'s languages to PNG bytes. */
export async function renderCover(document: Document, fonts: BuildFonts, printer: Printer): Promise<Uint8Array> {
  const body = [
    h('div', { className: ['rule'] }),
    h('h1', document.languages.map(({ lang, title }) => h('span', { lang }, title.text)))
  ]
  const page = await printPage({
    stylesheet: 'epub-cover.css',
    values: { width: String(coverSize.width), height: String(coverSize.height) },
    body,
    lang: document.languages[0].lang,
    title: joinedTitle(document),
    fonts
  })
  return printer.screenshot(page, coverSize)
}
