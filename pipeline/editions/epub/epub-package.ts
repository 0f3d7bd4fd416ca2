/**
 * Packs an EPUB 3: epub-gen-memory renders our templates (templates/epub-package.opf,
 * epub-nav.xhtml, epub-chapter.xhtml, epub-style.css) with the book's metadata, chapters
 * and cover, and the files it renders are zipped once, here, so that the same source gives
 * the same bytes. Its own zip is never made: it would stamp every entry with the time of
 * the build and order them as its promises settle.
 */
import { File } from 'node:buffer'
import { EPub, type Options } from 'epub-gen-memory'
import type JSZip from 'jszip'
import { writeZip, type ZipEntry } from '../../output/zip-write.js'
import { joinedTitle, type Document } from '../../source/document.js'
import type { EpubContent } from './epub-content.js'
import { coverImageFile } from './epub-content.js'
import { epubFontCss, type EpubFont } from './epub-fonts.js'
import type { FontStacks } from '../../fonts/font-stacks.js'
import { cssLanguages, expandScripts } from '../../markup/language-css.js'
import { localize } from '../../source/publication-schema.js'
import { languageName } from '../../fonts/scripts.js'
import { fillTemplate, fontPlaceholders, readTemplate } from '../../markup/template.js'

/** Everything one EPUB is made of. */
export interface EpubBook {
  /** The Document in the edition's languages only. */
  document: Document
  content: EpubContent
  /** The font stacks, for the stylesheet's. */
  stacks: FontStacks
  embedded: EpubFont[]
  cover: Uint8Array
  /** The package's unique identifier (stable across builds). */
  identifier: string
  /** The build's date: `dcterms:modified` and every zip entry's date. */
  date: Date
}

/** Packs `book` into the bytes of an .epub file. */
export async function packageEpub(book: EpubBook): Promise<Uint8Array> {
  const { document, content } = book
  const [opf, nav, chapter, style] = await Promise.all(
    ['epub-package.opf', 'epub-nav.xhtml', 'epub-chapter.xhtml', 'epub-style.css'].map(readTemplate)
  )
  // An <img> in a chapter's body would make epub-gen-memory fetch it (a network request):
  // the only image, the cover, is placed by the chapter template instead.
  if (content.chapters.some((item) => /<img\b/i.test(item.html))) throw new Error('EPUB chapters must not hold <img>: place images through templates/epub-chapter.xhtml')
  const languages = document.languages.map(({ lang }) => lang)
  const each = (value: Document['publication']['publisher']) => dedupe(languages.map((lang) => ({ lang, text: localize(value, lang) })))
  const options = {
    title: joinedTitle(document),
    lang: languages[0],
    css: expandScripts(fillTemplate(style, { html: fontPlaceholders(book.stacks, cssLanguages(document), epubFontCss(book.embedded)) }), cssLanguages(document)),
    contentOPF: opf,
    tocXHTML: nav,
    chapterXHTML: chapter,
    cover: new File([book.cover], coverImageFile) as unknown as Options['cover'],
    prependChapterTitles: false,
    verbose: false,
    // Read by our templates only (epub-gen-memory passes unknown options through to them).
    book: {
      lang: languages[0],
      identifier: book.identifier,
      titles: document.languages.map(({ lang, title }) => ({ lang, text: title.text })),
      languages,
      creators: each(document.publication.publisher),
      publishers: each(document.publication.publisher),
      rights: each(document.publication.rights),
      date: document.publication.date,
      modified: book.date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      accessibility: accessibility(document),
      fonts: book.embedded,
      toc: content.toc,
      tocHeading: content.tocHeading,
      landmarks: content.landmarks
    }
  }
  const chapters = content.chapters.map((item) => ({
    id: item.id,
    title: item.title,
    filename: `${item.id}.xhtml`,
    // The chapter's XHTML goes in as `body`, which the template writes as it is: what is
    // given as `content` epub-gen-memory parses and writes again, every character past
    // ASCII as a reference (`&#x9999;`) and attributes it does not know dropped.
    content: '',
    body: item.html,
    coverImage: item.coverImage
  }))
  const epub = await new EPub(options as Options, chapters).render()
  return zipBook(epub, chapters.map((item) => `OEBPS/${item.filename}`), book)
}

/** What the EPUB Accessibility 1.1 metadata says, all of it true of the edition. */
function accessibility(document: Document) {
  // The glyph forms the book's own fonts keep, by its languages' scripts.
  const forms = [
    ...(document.languages.some((language) => language.typography === 'chinese') ? ['Hong Kong Chinese'] : []),
    ...(document.languages.some((language) => language.typography === 'japanese') ? ['Japanese'] : [])
  ]
  // Languages by name alone: ICU's region names ("Hong Kong SAR China") are not this book's to choose.
  const names = [...new Set(document.languages.map(({ lang }) => languageName(lang)))]
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]
  return {
    // The cover is an image; everything else is text, and the cover's alt text gives its words.
    modes: ['textual', 'visual'],
    sufficient: ['textual'],
    features: ['structuralNavigation', 'tableOfContents', 'readingOrder', 'alternativeText', 'displayTransformability'],
    hazards: ['none'],
    // Who claims the conformance: the publisher, from what the tests check (Ace, EPUBCheck).
    certifiedBy: localize(document.publication.publisher, document.languages[0].lang),
    summary:
      `The text of ${joinedTitle(document, ' / ')} in ${list}, every block tagged with its language. ` +
      'Headings, a table of contents and landmarks allow navigation; the reading order follows the text. ' +
      'The only image is the cover, which has a text alternative giving the title. ' +
      `The fonts for the text${forms.length > 0 ? `, including ${forms.join(' and ')} glyph forms,` : ''} are embedded, and text can be resized and restyled.`
  }
}

/**
 * The book's files as epub-gen-memory rendered them (from its archive in memory, never
 * zipped), zipped once in a fixed order with fixed dates: `mimetype` first and stored, the
 * package, navigation, stylesheet, chapters and cover, then the fonts. Its EPUB 2 toc.ncx,
 * which carries a random id, is left out.
 */
async function zipBook(epub: EPub, chapterPaths: string[], book: EpubBook): Promise<Uint8Array> {
  // epub-gen-memory keeps the rendered files in a JSZip of its own, not part of its typed API.
  const rendered = (epub as unknown as { zip: JSZip }).zip
  const take = async (name: string) => {
    const entry = rendered.file(name)
    if (!entry) throw new Error(`epub-gen-memory did not render ${name}: check its version against package.json`)
    return entry.async('uint8array')
  }
  const fixed = ['META-INF/container.xml', 'OEBPS/content.opf', 'OEBPS/toc.xhtml', 'OEBPS/style.css', ...chapterPaths, `OEBPS/${coverImageFile}`]
  const expected = new Set(['mimetype', ...fixed, 'OEBPS/toc.ncx'])
  const unexpected = Object.values(rendered.files).filter((entry) => !entry.dir && !expected.has(entry.name))
  if (unexpected.length > 0) throw new Error(`epub-gen-memory rendered unexpected files: ${unexpected.map((entry) => entry.name).join(', ')}`)

  const entries: ZipEntry[] = [{ name: 'mimetype', data: 'application/epub+zip', store: true }]
  for (const name of fixed) entries.push({ name, data: await take(name) })
  for (const font of book.embedded) entries.push({ name: `OEBPS/${font.href}`, data: font.bytes })
  // Apple Books sets a book in its own fonts unless told that the book's are to be used.
  entries.push({ name: 'META-INF/com.apple.ibooks.display-options.xml', data: appleDisplayOptions })
  return writeZip(entries, book.date)
}

const appleDisplayOptions = `<?xml version="1.0" encoding="UTF-8"?>
<display_options>
  <platform name="*">
    <option name="specified-fonts">true</option>
  </platform>
</display_options>
`

function dedupe(values: Array<{ lang: string; text: string }>) {
  return values.filter((value, index) => values.findIndex((other) => other.text === value.text) === index)
}
