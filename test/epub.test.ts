/**
 * The EPUB editions, built twice by the real command from a copy of the source (with one
 * signatory who asked not to be named), then checked as a reader's device gets them:
 * EPUBCheck, the package metadata, the navigation, the text and language of every clause,
 * the embedded fonts' character maps, the size, and the same bytes from both builds.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import * as fontkit from 'fontkit'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { allClauses, type Document } from '../pipeline/source/document.js'
import { loadDocument } from '../pipeline/source/load-document.js'
import { localize } from '../pipeline/source/publication-schema.js'
import { readSource } from '../pipeline/source/read-source.js'
import { built, privateNames } from './support/builds.js'
import { findBrowser } from '../pipeline/browser/find-browser.js'
import { projectRoot, squash, temporaryFolder, tool } from './support/run.js'

const hidden = privateNames.web
/** The shared builds' SOURCE_DATE_EPOCH (1700000000), which dates the books. */
const buildDate = '2023-11-14T22:13:20Z'
let document: Document
let books: Array<{ id: string; file: string; languages: string[]; zip: JSZip; bytes: Buffer }>
let secondBuild: Map<string, string>

beforeAll(async () => {
  document = loadDocument(await readSource((await built('private')).source))!
  const [first, second] = [(await built('private')).out, (await built('plain')).out]
  const manifest = async (out: string) =>
    (JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')).artifacts as Array<{ id: string; file: string; format: string; sha256: string }>).filter(
      (entry) => entry.format === 'epub'
    )
  secondBuild = new Map((await manifest(second)).map((entry) => [entry.id, entry.sha256]))
  books = await Promise.all(
    (await manifest(first)).map(async (entry) => {
      const bytes = await readFile(path.join(first, entry.file))
      const languages = entry.id === 'epub' ? document.languages.map(({ lang }) => lang) : [entry.id.replace(/^epub-/, '')]
      return { id: entry.id, file: path.join(first, entry.file), languages, zip: await JSZip.loadAsync(bytes), bytes }
    })
  )
}, 300_000)

const read = (zip: JSZip, name: string) => zip.file(name)!.async('string')
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
/** The text of XHTML: tags dropped, character references resolved. */
const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&(?:#x([0-9a-f]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/gi, (_, hex?: string, decimal?: string, name?: string) =>
      name ? entities[name] : String.fromCodePoint(hex ? parseInt(hex, 16) : Number(decimal))
    )

describe('the EPUB edition', () => {
  it('makes the bilingual book and one book per language of the source', () => {
    expect(books.map((book) => book.id)).toEqual(['epub', ...document.languages.map(({ lang }) => `epub-${lang}`)])
    expect(books.map((book) => path.basename(book.file))).toEqual(['charter.epub', ...document.languages.map(({ lang }) => `charter-${lang}.epub`)])
  })

  it('passes EPUBCheck with no errors and no warnings, every book', async () => {
    const reports = await Promise.all(
      // C1 only: EPUBCheck spends twice the processor time on compiling itself otherwise.
      books.map((book) => tool('java', ['-XX:TieredStopAtLevel=1', '-jar', '/usr/share/java/epubcheck.jar', book.file]).catch((error: { stdout?: string; stderr?: string }) => `${error.stdout}\n${error.stderr}`))
    )
    for (const report of reports) expect(report).toContain('Messages: 0 fatals / 0 errors / 0 warnings / 0 infos')
  }, 240_000)

  it('gives the same bytes from two builds, and keeps the bilingual book within 1.5 MB', () => {
    for (const book of books) expect(createHash('sha256').update(book.bytes).digest('hex')).toBe(secondBuild.get(book.id))
    expect(books[0].bytes.byteLength).toBeLessThanOrEqual(1.5 * 1024 * 1024)
  })

  it('starts with mimetype, stored, and dates every entry with the build date', async () => {
    for (const book of books) {
      expect(book.bytes.subarray(30, 38).toString()).toBe('mimetype')
      expect(book.bytes.readUInt16LE(8)).toBe(0) // compression method: stored
      for (const entry of Object.values(book.zip.files)) expect(entry.date.toISOString().slice(0, 10)).toBe(buildDate.slice(0, 10))
    }
  })

  it('writes the package metadata from publication.yaml and the source titles', async () => {
    for (const book of books) {
      const opf = await read(book.zip, 'OEBPS/content.opf')
      const languages = document.languages.filter(({ lang }) => book.languages.includes(lang))
      expect(opf).toContain(`xml:lang="${languages[0].lang}"`)
      expect([...opf.matchAll(/<dc:language>([^<]+)</g)].map((match) => match[1])).toEqual(book.languages)
      for (const { lang, title } of languages) {
        expect(opf).toContain(`xml:lang="${lang}">${title.text}</dc:title>`)
        expect(opf).toContain(`<dc:publisher xml:lang="${lang}">${localize(document.publication.publisher, lang)}</dc:publisher>`)
        expect(opf).toContain(`<dc:rights xml:lang="${lang}">${localize(document.publication.rights, lang)}</dc:rights>`)
      }
      const identifier = /<dc:identifier id="book-id">([^<]+)</.exec(opf)![1]
      if (book.id === 'epub') expect(identifier).toBe(document.publication.identifier)
      else expect(identifier).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(opf).toContain(`<meta property="dcterms:modified">${buildDate}</meta>`)
      expect(opf).toContain(`<dc:date>${document.publication.date}</dc:date>`)
      expect(opf).not.toContain('All rights reserved')
      for (const property of ['accessMode', 'accessModeSufficient', 'accessibilityFeature', 'accessibilityHazard', 'accessibilitySummary']) {
        expect(opf).toContain(`<meta property="schema:${property}"`)
      }
      expect(opf).toContain('properties="cover-image"')
    }
    const identifiers = await Promise.all(books.map(async (book) => /<dc:identifier[^>]*>([^<]+)</.exec(await read(book.zip, 'OEBPS/content.opf'))![1]))
    expect(new Set(identifiers).size).toBe(books.length)
  })

  it('lists the opening, every section in each language, the criteria and the signatories in the nav, with landmarks', async () => {
    for (const book of books) {
      const nav = await read(book.zip, 'OEBPS/toc.xhtml')
      const toc = /<nav epub:type="toc"[\s\S]*?<\/nav>/.exec(nav)![0]
      const entries = [...toc.matchAll(/<a href="([^"]+)">([\s\S]*?)<\/a>/g)].map((match) => [match[1], decode(match[2])])
      const languages = document.languages.filter(({ lang }) => book.languages.includes(lang))
      const both = (pick: (lang: string) => string) => languages.map(({ lang }) => pick(lang)).join(' ')
      expect(entries).toEqual([
        ['opening.xhtml', both((lang) => languages.find((language) => language.lang === lang)!.title.text)],
        ...document.sections.map((section) => [`${section.id}.xhtml`, both((lang) => section.heading[lang].text)]),
        ['criteria.xhtml', both((lang) => document.criteria!.heading[lang].text)],
        ['signatories.xhtml', both((lang) => languages.find((language) => language.lang === lang)!.labels.signatories)]
      ])
      const landmarks = /<nav epub:type="landmarks"[\s\S]*?<\/nav>/.exec(nav)![0]
      expect([...landmarks.matchAll(/epub:type="(\w+)"/g)].map((match) => match[1])).toEqual(['landmarks', 'cover', 'titlepage', 'bodymatter', 'backmatter'])
    }
  })

  it('holds the text of every clause in each language, in a block tagged with that language', async () => {
    for (const book of books) {
      const chapters = (await Promise.all(document.sections.map((section) => read(book.zip, `OEBPS/${section.id}.xhtml`)))).join('')
      for (const clause of allClauses(document)) {
        const block = new RegExp(`<div class="clause" id="clause-${clause.number}">([\\s\\S]*?)</div></div>`).exec(chapters)
        expect(block, `clause ${clause.number}`).not.toBeNull()
        const parts = [...block![1].matchAll(/<div lang="([^"]+)" class="text">([\s\S]*?)(?:<\/div>|$)/g)]
        expect(parts.map((part) => part[1])).toEqual(book.languages)
        for (const [, lang, html] of parts) expect(decode(html).replace(/\s+/g, ' ').trim()).toBe(clause.text[lang].text)
      }
      const criteria = await read(book.zip, 'OEBPS/criteria.xhtml')
      // Numbered, as in the charter.
      expect(criteria).toMatch(/<ol>\s*<li>/)
      for (const item of document.criteria!.items) {
        for (const lang of book.languages) expect(criteria).toContain(`<p lang="${lang}">${item[lang].text}</p>`)
      }
    }
  })

  it('names public signatories only', async () => {
    for (const book of books) {
      const roll = await read(book.zip, 'OEBPS/signatories.xhtml')
      for (const signatory of document.signatories.individuals.filter((person) => person.public)) expect(roll).toContain(signatory.name!)
      for (const name of Object.keys(book.zip.files)) expect(await read(book.zip, name)).not.toContain('PRIVATE-PERSON')
    }
  })

  it('embeds fonts whose character maps cover every character of the book, in both weights', async () => {
    for (const book of books) {
      const fonts = await Promise.all(
        Object.keys(book.zip.files)
          .filter((name) => name.endsWith('.ttf'))
          .map(async (name) => ({ name, font: fontkit.create(Buffer.from(await book.zip.file(name)!.async('uint8array'))) as fontkit.Font }))
      )
      const xhtml = await Promise.all(Object.keys(book.zip.files).filter((name) => name.endsWith('.xhtml')).map((name) => read(book.zip, name)))
      const text = xhtml.map((file) => decode(file.replace(/^[\s\S]*?<body>/, '').replace(/alt="([^"]*)"/g, '>$1<'))).join('')
      // Chinese characters and punctuation must come from the Hong Kong face itself.
      const chinese = Array.from(text).filter((character) => /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]/.test(character)).join('')
      // Every book has Latin letters (signatories' names, numbers); the English one has no
      // Chinese, and carries no Chinese face.
      expect(chinese.length > 0, book.id).toBe(book.id !== 'epub-en')
      expect(fonts.map(({ name }) => path.basename(name)).sort(), book.id).toEqual(
        chinese ? ['noto-serif-hk-400.ttf', 'noto-serif-hk-700.ttf', 'source-serif-4-400.ttf', 'source-serif-4-700.ttf'] : ['source-serif-4-400.ttf', 'source-serif-4-700.ttf']
      )
      for (const weight of [400, 700]) {
        const faces = fonts.filter(({ name }) => name.endsWith(`-${weight}.ttf`)).map(({ font }) => font)
        const han = fonts.find(({ name }) => name.endsWith(`noto-serif-hk-${weight}.ttf`))?.font
        const missing = [...new Set(Array.from(text))].filter((character) => /\S/.test(character) && !faces.some((font) => font.hasGlyphForCodePoint(character.codePointAt(0)!)))
        expect(missing, `${book.id}, weight ${weight}`).toEqual([])
        const missingChinese = [...new Set(Array.from(chinese))].filter((character) => /\S/.test(character) && !han?.hasGlyphForCodePoint(character.codePointAt(0)!))
        expect(missingChinese, `${book.id}, Chinese in weight ${weight}`).toEqual([])
      }
      const css = await read(book.zip, 'OEBPS/style.css')
      for (const { name } of fonts) expect(css).toContain(`src: url(${name.replace('OEBPS/', '')}) format('truetype')`)
      expect(css).not.toContain('unicode-range')
    }
  })

  it('has a cover made from the publication, a PNG the size readers expect', async () => {
    const cover = Buffer.from(await books[0].zip.file('OEBPS/cover.png')!.async('uint8array'))
    expect(cover.subarray(1, 4).toString()).toBe('PNG')
    expect([cover.readUInt32BE(16), cover.readUInt32BE(20)]).toEqual([1200, 1800])
    expect(cover.byteLength).toBeLessThan(150 * 1024)
    const page = await read(books[0].zip, 'OEBPS/cover.xhtml')
    expect(page).toContain(`alt="${document.languages.map(({ title }) => title.text).join(' · ')}"`)
  })
})

describe('the EPUB editions, as Ace by DAISY checks them (EPUB Accessibility 1.1, WCAG 2.2 AA)', () => {
  /** Ace's findings for `file`: one line per violation, with its rule, impact and place. */
  async function ace(file: string): Promise<string[]> {
    const reports = await temporaryFolder('charter-ace-')
    await tool(path.join(projectRoot, 'node_modules/.bin/ace-cli'), ['--silent', '--force', '--outdir', reports, file], { ...process.env, PUPPETEER_EXECUTABLE_PATH: findBrowser() })
    const report = JSON.parse(await readFile(path.join(reports, 'report.json'), 'utf8')) as {
      assertions: Array<{ 'earl:testSubject': { url: string }; assertions: Array<{ 'earl:test': { 'dct:title': string; 'earl:impact': string } }> }>
    }
    return report.assertions.flatMap((page) => page.assertions.map((each) => `${page['earl:testSubject'].url}: ${each['earl:test']['dct:title']} (${each['earl:test']['earl:impact']})`))
  }

  it('reports no violation in any book of the charter, nor in the other sources’ books of all their languages', async () => {
    const files: string[] = []
    for (const build of ['plain', 'three-languages', 'japanese', 'statement'] as const) {
      const out = (await built(build)).out
      const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { artifacts: Array<{ file: string; format: string }> }
      // Every book of the charter; of the other sources, the book of all their languages (the others are its parts).
      const books = manifest.artifacts.filter((entry) => entry.format === 'epub')
      files.push(...(build === 'plain' ? books : books.slice(0, 1)).map((entry) => path.join(out, entry.file)))
    }
    expect(files.length).toBe(3 + 1 + 1 + 1)
    // Two at a time: each run starts a browser of its own, and the machine has two cores.
    const found: string[] = []
    const queue = [...files]
    await Promise.all(
      [0, 1].map(async () => {
        for (let file = queue.shift(); file; file = queue.shift()) found.push(...(await ace(file)).map((line) => `${path.basename(file!)} ${line}`))
      })
    )
    expect(found.join('\n')).toBe('')
  }, 240_000)

  it('claims EPUB Accessibility 1.1 at WCAG 2.2 AA, with roles for its types and Apple’s use of its fonts', async () => {
    for (const book of books) {
      const opf = await read(book.zip, 'OEBPS/content.opf')
      expect(opf).toContain('<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>')
      expect(opf).toContain(`<meta property="a11y:certifiedBy">${localize(document.publication.publisher, book.languages[0])}</meta>`)
      expect(await read(book.zip, 'OEBPS/toc.xhtml')).toContain('<nav epub:type="toc" role="doc-toc" id="toc">')
      const chapter = await read(book.zip, `OEBPS/${document.sections[0].id}.xhtml`)
      expect(chapter).toMatch(/<section[^>]* epub:type="bodymatter chapter"[^>]* role="doc-chapter"|<section[^>]* role="doc-chapter"[^>]* epub:type="bodymatter chapter"/)
      expect(await read(book.zip, 'META-INF/com.apple.ibooks.display-options.xml')).toContain('<option name="specified-fonts">true</option>')
      // The cover's name in every language of the book, each part tagged with its own.
      const cover = await read(book.zip, 'OEBPS/cover.xhtml')
      expect(cover).toContain('aria-labelledby="cover-title"')
      const name = /<p id="cover-title" class="cover-title">([\s\S]*?)<\/p>/.exec(cover)![1]
      expect([...name.matchAll(/<span lang="([^"]+)">/g)].map((match) => match[1])).toEqual(book.languages)
      expect(await read(book.zip, 'OEBPS/toc.xhtml')).toMatch(/<a href="cover.xhtml" epub:type="cover">(<span lang="[^"]+">[^<]*<\/span> ?)+<\/a>/)
      expect(await read(book.zip, 'OEBPS/style.css')).toMatch(/\.clause \.number \{[^}]*break-after: avoid/)
    }
  })
})
