/**
 * Packs an EPUB 3 with epub-gen-memory and our own templates (templates/epub-package.opf,
 * epub-nav.xhtml, epub-chapter.xhtml, epub-style.css), then re-zips it so that the same
 * source gives the same bytes. What epub-gen-memory still gets wrong is put right here:
 * it stamps every zip entry with the time of the build, writes an EPUB 2 toc.ncx carrying
 * a random id, and orders entries as its promises settle. The re-zip writes `mimetype`
 * first and stored, then every entry in a fixed order, each dated `date`.
 */
import { File } from 'node:buffer'
import { EPub, type Options } from 'epub-gen-memory'
import JSZip from 'jszip'
import { writeZip, type ZipEntry } from '../../output/zip-write.js'
import { joinedTitle, type Document } from '../../source/document.js'
import type { EpubContent } from './epub-content.js'
import { coverImageFile } from './epub-content.js'
import { epubFontCss, type EpubFont } from './epub-fonts.js'
import type { FontRole } from '../../fonts/fonts.js'
import { localize } from '../../source/publication-schema.js'
import { cssString } from '../../markup/escape.js'
import { fillTemplate, readTemplate } from '../../markup/template.js'

/** Everything one EPUB is made of. */
export interface EpubBook {
  /** The Document in the edition's languages only. */
  document: Document
  content: EpubContent
  /** Family names by role, for the stylesheet's font stacks. */
  families: Record<FontRole, string>
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
    css: fillTemplate(style, {
      html: { fonts: epubFontCss(book.embedded), latin: cssString(book.families.latin), han: cssString(book.families.han) }
    }),
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
      accessibility: accessibility(languages, book.embedded.some((font) => font.role === 'han')),
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
    content: item.html,
    coverImage: item.coverImage
  }))
  // Rendered, then zipped without compression: the re-zip below compresses every entry once.
  const epub = await new EPub(options as Options, chapters).render()
  const generated = await epub.generateAsync({ type: 'uint8array', compression: 'STORE' })
  return rezip(generated, [...chapters.map((item) => `OEBPS/${item.filename}`)], book)
}

/** What the EPUB Accessibility 1.1 metadata says, all of it true of the edition. */
function accessibility(languages: string[], hongKongGlyphs: boolean) {
  const names = new Intl.DisplayNames('en', { type: 'language' })
  // Languages by name alone: ICU's region names ("Hong Kong SAR China") are not this book's to choose.
  const list = [...new Set(languages.map((lang) => names.of(new Intl.Locale(lang).language) ?? lang))].join(' and ')
  return {
    // The cover is an image; everything else is text, and the cover's alt text gives its words.
    modes: ['textual', 'visual'],
    sufficient: ['textual'],
    features: ['structuralNavigation', 'tableOfContents', 'readingOrder', 'alternativeText', 'displayTransformability'],
    hazards: ['none'],
    summary:
      `The text of the charter in ${list}, every block tagged with its language. ` +
      'Headings, a table of contents and landmarks allow navigation; the reading order follows the text. ' +
      'The only image is the cover, which has a text alternative giving the title. ' +
      `The fonts for the text${hongKongGlyphs ? ', including Hong Kong Chinese glyph forms,' : ''} are embedded, and text can be resized and restyled.`
  }
}

/** Re-zips `generated` in a fixed order with fixed dates; drops toc.ncx, adds the fonts. */
async function rezip(generated: Uint8Array, chapterPaths: string[], book: EpubBook): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(generated)
  const take = async (name: string) => {
    const entry = source.file(name)
    if (!entry) throw new Error(`epub-gen-memory did not write ${name}: check its version against package.json`)
    return entry.async('uint8array')
  }
  const fixed = ['META-INF/container.xml', 'OEBPS/content.opf', 'OEBPS/toc.xhtml', 'OEBPS/style.css', ...chapterPaths, `OEBPS/${coverImageFile}`]
  const expected = new Set(['mimetype', ...fixed, 'OEBPS/toc.ncx'])
  const unexpected = Object.values(source.files).filter((entry) => !entry.dir && !expected.has(entry.name))
  if (unexpected.length > 0) throw new Error(`epub-gen-memory wrote unexpected files: ${unexpected.map((entry) => entry.name).join(', ')}`)

  const entries: ZipEntry[] = [{ name: 'mimetype', data: 'application/epub+zip', store: true }]
  for (const name of fixed) entries.push({ name, data: name.endsWith('.xhtml') ? readableText(await take(name)) : await take(name) })
  for (const font of book.embedded) entries.push({ name: `OEBPS/${font.href}`, data: font.bytes })
  return writeZip(entries, book.date)
}

/**
 * epub-gen-memory's serialiser writes every non-ASCII character as a reference (`&#x9999;`):
 * valid, but three times the size and unreadable to anyone who opens the file. Characters
 * from U+00A0 up are written back as themselves; markup characters are all below that.
 */
function readableText(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes).replace(/&#x([0-9a-f]+);/gi, (reference, hex: string) => {
    const codePoint = parseInt(hex, 16)
    return codePoint >= 0xa0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff) ? String.fromCodePoint(codePoint) : reference
  })
}

function dedupe(values: Array<{ lang: string; text: string }>) {
  return values.filter((value, index) => values.findIndex((other) => other.text === value.text) === index)
}
