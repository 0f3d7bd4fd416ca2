/**
 * The `epub` artifacts: the book in every language (`epub`, <slug>.epub) and one book per
 * language of the publication (`epub-<lang>`, <slug>-<lang>.epub). A third language file gives a
 * third single-language book with no change here.
 */
import { createHash } from 'node:crypto'
import type { Document } from '../../source/document.js'
import type { Edition, EditionContext } from '../edition.js'
import { cssLanguages } from '../../markup/language-css.js'
import { epubContent } from './epub-content.js'
import { renderCovers } from './epub-cover.js'
import { epubFonts } from './epub-fonts.js'
import { packageEpub } from './epub-package.js'
import type { Artifact } from '../../output/write-output.js'

export const epubEdition: Edition = {
  id: 'epub',
  async produce(context) {
    const { document } = context
    const books = [
      { id: 'epub', file: `${document.slug}.epub`, languages: document.languages.map(({ lang }) => lang) },
      ...document.languages.map(({ lang }) => ({ id: `epub-${lang}`, file: `${document.slug}-${lang}.epub`, languages: [lang] }))
    ]
    // One language needs no separate single-language book: it would be the same book.
    const wanted = document.languages.length > 1 ? books : books.slice(0, 1)
    const editions = wanted.map((book) => ({ ...book, document: { ...document, languages: document.languages.filter(({ lang }) => book.languages.includes(lang)) } }))
    const covers = renderCovers(editions.map((book) => book.document), context.fonts, context.printer)
    covers.catch(() => undefined)
    return Promise.all(editions.map((book, index) => makeBook(context, book, covers, index)))
  }
}

interface Book {
  id: string
  file: string
  languages: string[]
  /** The Document in the book's languages only. */
  document: Document
}

async function makeBook(context: EditionContext, book: Book, covers: Promise<Uint8Array[]>, index: number): Promise<Artifact> {
  const { document } = book
  const content = epubContent(document)
  const langs = cssLanguages(document).map(({ lang }) => lang)
  const italic = content.chapters.some((chapter) => /<em[\s>]/.test(chapter.html))
  const [embedded, cover] = await Promise.all([epubFonts(context.fonts, content.text, langs, italic), covers.then((list) => list[index])])
  const bilingual = book.languages.length === context.document.languages.length
  const identifier = bilingual ? context.document.publication.identifier : derivedIdentifier(context.document.publication.identifier, book.languages)
  const bytes = await packageEpub({ document, content, stacks: context.fonts.stacks, embedded, cover, identifier, date: context.date })
  return { id: book.id, file: book.file, format: 'epub', paper: null, pages: null, bytes }
}

/**
 * A single-language book is another book: readers that file books by identifier must not
 * take it for the bilingual one. Its identifier is a name-based UUID (version 5) made from
 * the publication's identifier and the language, so it too stays the same across builds.
 */
function derivedIdentifier(identifier: string, languages: string[]): string {
  const digest = createHash('sha1').update(`${identifier}#${languages.join('+')}`).digest()
  digest[6] = (digest[6] & 0x0f) | 0x50
  digest[8] = (digest[8] & 0x3f) | 0x80
  const hex = digest.subarray(0, 16).toString('hex')
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
