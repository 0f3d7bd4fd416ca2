/**
 * Any statement, in any languages: three sources that are not the charter's own text
 * (test/fixtures/three-languages: English, Chinese and French; japanese: Japanese and
 * English; statement: a preamble, prose, notes, emphasis, per-section numbering, Cantonese and
 * names with rare characters), each built once by the real command and read back as a reader's
 * tools read it: pdftotext and pdf.js with the spaces inside each line kept, pdffonts,
 * EPUBCheck, and the files inside the books and the web page.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { allNotes, type Document, type Fragment, type Parallel } from '../pipeline/source/document.js'
import { loadDocument } from '../pipeline/source/load-document.js'
import { nameParts } from '../pipeline/source/names.js'
import { readSource } from '../pipeline/source/read-source.js'
import { built, type BuildName } from './support/builds.js'
import { pdfFonts, pdfjsPagesText } from './support/pdf.js'
import { joinLines, paragraphsOf, searchable, wide, withoutFurniture } from './support/reader-text.js'
import { pdfPagesText, runCharter, tool } from './support/run.js'

interface Artifact {
  id: string
  file: string
  format: string
}

const fixtures = ['three-languages', 'japanese', 'statement'] as const satisfies readonly BuildName[]
const readers = [
  ['pdftotext', pdfPagesText],
  ['pdf.js', pdfjsPagesText]
] as const

/** Every piece of text a reader must find, in one language: title, preamble, headings, prose, clauses, notes, criteria. */
function fragmentsOf(document: Document, lang: string): Array<{ where: string; fragment: Fragment }> {
  const all: Array<[string, Parallel]> = [
    ['title', Object.fromEntries(document.languages.map((language) => [language.lang, language.title]))],
    ...document.preamble.map((prose, index): [string, Parallel] => [`preamble ${index + 1}`, prose.text]),
    ...document.sections.flatMap((section): Array<[string, Parallel]> => [
      [`${section.id} heading`, section.heading],
      ...section.intro.map((prose, index): [string, Parallel] => [`${section.id} prose ${index + 1}`, prose.text]),
      ...section.clauses.map((clause): [string, Parallel] => [clause.id, clause.text])
    ]),
    ...allNotes(document).map((note): [string, Parallel] => [`note ${note.number}`, note.text]),
    ...(document.criteria ? [['criteria', document.criteria.heading] as [string, Parallel], ...document.criteria.items.map((item, index): [string, Parallel] => [`criterion ${index + 1}`, item])] : [])
  ]
  return all.map(([where, parallel]) => ({ where, fragment: parallel[lang] }))
}

/** The public names, each as printed. */
const publicNames = (document: Document) =>
  [...document.signatories.organisations, ...document.signatories.individuals]
    .filter((signatory) => signatory.public)
    .flatMap((signatory) => nameParts(signatory, document.languages).map((part) => part.text))

for (const fixture of fixtures) {
  describe(`a source in other languages: ${fixture}`, () => {
    let document: Document
    let out: string
    let artifacts: Artifact[]
    const file = (id: string) => path.join(out, artifacts.find((artifact) => artifact.id === id)!.file)
    const pages = new Map<string, Promise<string[]>>()
    const read = (reader: (typeof readers)[number], id: string) => {
      const key = `${reader[0]} ${id}`
      if (!pages.has(key)) pages.set(key, reader[1](file(id)))
      return pages.get(key)!
    }

    beforeAll(async () => {
      const build = await built(fixture)
      document = loadDocument(await readSource(build.source))!
      out = build.out
      artifacts = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')).artifacts
    }, 300_000)

    it('builds every edition, its files named by the publication’s slug', () => {
      const languages = document.languages.map(({ lang }) => lang)
      expect(artifacts.filter((artifact) => artifact.format !== 'font' && !artifact.file.startsWith('web/fonts/')).map((artifact) => artifact.id).sort()).toEqual(
        ['reading', 'pamphlet', 'booklet', 'signing-sheet', 'epub', ...languages.map((lang) => `epub-${lang}`), 'web'].sort()
      )
      for (const artifact of artifacts) expect(artifact.file.startsWith(`${document.slug}`) || artifact.file.startsWith('web/')).toBe(true)
      expect(document.slug).not.toBe('charter')
    })

    for (const reader of readers) {
      for (const edition of ['reading', 'pamphlet']) {
        it(`gives ${reader[0]} every paragraph, note and public name of every language in the ${edition} edition, spaces kept`, async () => {
          const text = searchable(withoutFurniture(await read(reader, edition)).join('\n'))
          const missing: string[] = []
          for (const { lang } of document.languages)
            for (const { where, fragment } of fragmentsOf(document, lang))
              for (const paragraph of paragraphsOf(fragment)) if (!text.includes(paragraph)) missing.push(`${lang} ${where}: ${paragraph}`)
          for (const name of publicNames(document)) if (!text.includes(name)) missing.push(`name ${name}`)
          expect(missing.join('\n')).toBe('')
        })
      }

      it(`never breaks a name across lines, in ${reader[0]}'s reading of every PDF edition`, async () => {
        const broken: string[] = []
        for (const edition of ['reading', 'pamphlet', 'signing-sheet']) {
          const lines = (await read(reader, edition)).flatMap((page) => page.split('\n'))
          for (const name of publicNames(document)) if (!lines.some((line) => line.includes(name))) broken.push(`${edition}: ${name}`)
        }
        expect(broken.join('\n')).toBe('')
      })

      it(`copies no CJK line with a space between two characters, and ends no block on one character, in ${reader[0]}`, async () => {
        const spaced: string[] = []
        const alone: string[] = []
        const between = new RegExp(`${wide.source}[ \\t\\u00A0]+${wide.source}`, 'gu')
        // Spaces the source itself types between two such characters (さとう ゆい) are the text's.
        const typed = new Set(
          [...document.languages.flatMap(({ lang }) => fragmentsOf(document, lang).map(({ fragment }) => fragment.text)), ...publicNames(document)].flatMap((text) =>
            [...text.matchAll(between)].map((match) => match[0])
          )
        )
        for (const edition of ['reading', 'pamphlet', 'signing-sheet']) {
          for (const line of (await read(reader, edition)).flatMap((page) => page.split('\n'))) {
            if ([...line.matchAll(between)].some((match) => !typed.has(match[0]))) spaced.push(`${edition}: ${line}`)
            // One Han character and its marks: a paragraph's, title's or heading's last line, alone.
            if (/^\p{Script=Han}[\p{P}\u3000-\u303F\uFF00-\uFF65]*$/u.test(line.trim())) alone.push(`${edition}: ${line}`)
          }
        }
        expect([...spaced, ...alone].join('\n')).toBe('')
      })
    }

    it('prints in the project’s own TrueType fonts only, with a real italic wherever Latin text is emphasised', async () => {
      const latinEmphasis = document.languages
        .filter((language) => language.typography === 'latin')
        .some((language) => fragmentsOf(document, language.lang).some(({ fragment }) => JSON.stringify(fragment.hast).includes('"tagName":"em"')))
      for (const edition of ['reading', 'pamphlet', 'booklet', 'signing-sheet']) {
        const fonts = await pdfFonts(file(edition))
        for (const font of fonts) {
          expect(font.type, `${edition} ${font.name}`).toBe('CID TrueType')
          expect(font.name).toMatch(/^[A-Z]{6}\+(SourceSerif4|NotoSerifHK|NotoSerifJP|HanaMin)/)
        }
        if (edition !== 'signing-sheet') expect(fonts.some((font) => /SourceSerif4-.*Italic/.test(font.name)), edition).toBe(latinEmphasis)
      }
    })

    it('passes EPUBCheck with no errors and no warnings, every book', async () => {
      const books = artifacts.filter((artifact) => artifact.format === 'epub')
      const reports = await Promise.all(
        books.map((book) =>
          tool('java', ['-XX:TieredStopAtLevel=1', '-jar', '/usr/share/java/epubcheck.jar', path.join(out, book.file)]).catch(
            (error: { stdout?: string; stderr?: string }) => `${error.stdout}\n${error.stderr}`
          )
        )
      )
      for (const [index, report] of reports.entries()) expect(report, books[index].file).toContain('Messages: 0 fatals / 0 errors / 0 warnings / 0 infos')
    }, 240_000)

    it('holds every paragraph and note of its language in each language’s book, notes as EPUB footnotes', async () => {
      const missing: string[] = []
      for (const { lang } of document.languages) {
        const zip = await JSZip.loadAsync(await readFile(file(`epub-${lang}`)))
        const pagesXhtml = await Promise.all(
          Object.keys(zip.files)
            .filter((name) => name.endsWith('.xhtml'))
            .map((name) => zip.file(name)!.async('string'))
        )
        const xhtml = pagesXhtml.join('\n')
        const text = xhtml
          .replace(/<sup class="note-ref">.*?<\/sup>/g, '')
          .replace(/<\/(p|li|h\d|div|aside)>/g, '\n')
          .replace(/<[^>]+>/g, '')
          .replace(/&(?:#x([0-9a-f]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/gi, (_, hex?: string, decimal?: string, name?: string) =>
            name ? { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name.toLowerCase()]! : String.fromCodePoint(hex ? parseInt(hex, 16) : Number(decimal))
          )
        const found = text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).join('\n')
        for (const { where, fragment } of fragmentsOf(document, lang)) for (const paragraph of paragraphsOf(fragment)) if (!found.includes(paragraph)) missing.push(`${lang} ${where}: ${paragraph}`)
        for (const note of allNotes(document)) {
          expect(xhtml).toContain(`<aside epub:type="footnote" role="doc-footnote" id="note-${lang}-${note.number}"`)
          expect(xhtml).toContain(`epub:type="noteref">${note.number}</a>`)
          expect(xhtml).toContain(`<a href="#noteref-${lang}-${note.number}" class="note-number" role="doc-backlink">${note.number}</a>`)
        }
      }
      expect(missing.join('\n')).toBe('')
    })

    it('sets each language’s text in its language on the web page, notes included', async () => {
      const html = await readFile(path.join(out, 'web/index.html'), 'utf8')
      for (const { lang } of document.languages) {
        expect(html).toContain(`lang="${lang}"`)
        for (const note of allNotes(document)) expect(html).toContain(`id="note-${lang}-${note.number}"`)
      }
    })
  })
}

describe('the statement: what next year’s text brings', () => {
  let document: Document
  let out: string
  beforeAll(async () => {
    const build = await built('statement')
    document = loadDocument(await readSource(build.source))!
    out = build.out
  }, 300_000)

  it('numbers clauses again in each section, and prints a note’s number after its sentence', async () => {
    const numbers = document.sections.map((section) => section.clauses.map((clause) => clause.number))
    expect(numbers.filter((each) => each.length > 0).every((each) => each[0] === 1)).toBe(true)
    expect(document.sections.some((section) => section.clauses.length === 0)).toBe(true)
    for (const reader of readers) {
      const text = joinLines((await reader[1](path.join(out, `${document.slug}-reading-a4.pdf`))).join('\n'))
      expect(text, reader[0]).toContain('six years after the Charter of 2021.¹')
      expect(text, reader[0]).toContain('之後六年，一齊作出呢份宣言。¹')
    }
  })

  it('draws a dot beside each emphasised Chinese or Japanese character (a painted shape, never typed)', async () => {
    for (const [build, lang] of [['statement', 'yue-Hant-HK'], ['japanese', 'ja'], ['three-languages', 'zh-Hant-HK']] as const) {
      const made = await built(build)
      const source = loadDocument(await readSource(made.source))!
      const emphasised = fragmentsOf(source, lang)
        .flatMap(({ fragment }) => JSON.stringify(fragment.hast).match(/"tagName":"em","properties":\{[^}]*\},"children":\[\{"type":"text","value":"[^"]*"/g) ?? [])
        .reduce((count, match) => count + [...match.replace(/.*"value":"/, '').replace(/"$/, '')].filter((character) => wide.test(character)).length, 0)
      for (const edition of ['reading', 'pamphlet']) {
        const pdf = path.join(made.out, `${source.slug}-${edition === 'reading' ? 'reading-a4' : 'pamphlet-a5'}.pdf`)
        const shadings = (await tool('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'])).match(/\/ShadingType/g)?.length ?? 0
        if (emphasised === 0) expect(shadings, `${build} ${edition}`).toBe(0)
        else expect(shadings, `${build} ${edition}`).toBeGreaterThanOrEqual(emphasised)
      }
      if (build !== 'three-languages') expect(emphasised, build).toBeGreaterThan(0)
    }
  })

  it('gives the same bytes for every public file when a private signatory’s name needs the fallback font', async () => {
    const [plain, withPrivate] = [await built('statement'), await built('statement-private')]
    const manifest = await readFile(path.join(plain.out, 'manifest.json'))
    expect(await readFile(path.join(withPrivate.out, 'manifest.json'))).toEqual(manifest)
    for (const artifact of JSON.parse(manifest.toString()).artifacts as Artifact[])
      expect((await readFile(path.join(withPrivate.out, artifact.file))).equals(await readFile(path.join(plain.out, artifact.file))), artifact.file).toBe(true)
  })

  it('takes a character from a font of the publication’s own before the fallback, and says so', async () => {
    const own = await built('statement-own-font')
    const check = await runCharter(['check', '--source', own.source])
    expect(check.code).toBe(0)
    expect(check.stderr).toMatch(/^8:15-8:17 +warning +Character `𠮷` \(U\+20BB7\) is not in Noto Serif HK or Source Serif 4: it prints in Names, a font that fills in, whose forms may differ +font-fallback/m)
    expect(check.stderr).toMatch(/^10:15-10:17 +warning +Character `𡈁` \(U\+21201\) is not in Noto Serif HK or Source Serif 4: it prints in HanaMin, a font that fills in, whose forms may differ +font-fallback/m)
    const fontsOf = async (out: string) => {
      const zip = await JSZip.loadAsync(await readFile(path.join(out, `${document.slug}.epub`)))
      return Object.keys(zip.files).filter((name) => name.startsWith('OEBPS/fonts/')).map((name) => name.slice('OEBPS/fonts/'.length))
    }
    const [withOwn, without] = [await fontsOf(own.out), await fontsOf(out)]
    expect(without).toContain('hanamin-cjk-unified-ideographs-extension-b-03.ttf')
    expect(withOwn).not.toContain('hanamin-cjk-unified-ideographs-extension-b-03.ttf')
    expect(withOwn).toContain('own-names.ttf')
    expect(withOwn).toContain('hanamin-cjk-unified-ideographs-extension-b-05.ttf')
    expect((await readdir(path.join(own.out, 'web/fonts'))).filter((name) => name.startsWith('own-'))).toEqual(['own-names.woff2'])
    expect(joinLines((await pdfjsPagesText(path.join(own.out, `${document.slug}-reading-a4.pdf`))).join('\n'))).toContain('陳𠮷文')
    for (const font of await pdfFonts(path.join(own.out, `${document.slug}-reading-a4.pdf`))) expect(font.type).toBe('CID TrueType')
  })

  it('prints the names the Hong Kong font lacks in the fallback font, and no more of it', async () => {
    const fonts = await pdfFonts(path.join(out, `${document.slug}-reading-a4.pdf`))
    expect(fonts.filter((font) => /HanaMin/.test(font.name)).length).toBeGreaterThan(0)
    const japanese = await pdfFonts(path.join((await built('japanese')).out, 'hong-kong-charter-ja-reading-a4.pdf'))
    expect(japanese.some((font) => /NotoSerifJP/.test(font.name))).toBe(true)
    expect(japanese.some((font) => /HanaMin/.test(font.name))).toBe(false)
  })
})
