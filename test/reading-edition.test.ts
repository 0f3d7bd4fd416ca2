/**
 * The reading edition, built from the real source by the real command, read back as a
 * reader's tools read it: pdftotext, pdf.js (Firefox's viewer), pdffonts, pdfinfo.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Document } from '../pipeline/source/document.js'
import { loadDocument } from '../pipeline/source/load-document.js'
import { readSource } from '../pipeline/source/read-source.js'
import { pdfFonts, pdfjsInfo, pdfjsOutline, pdfjsPagesText, pdfjsTextByLanguage, pdfPageSizes, radicals } from './support/pdf.js'
import { built, longAddress } from './support/builds.js'
import { paragraphsOf, searchable, withoutFurniture } from './support/reader-text.js'
import { pdfPagesText, sourceFolder, squash } from './support/run.js'

let document: Document
let out: string
let pdf: string

beforeAll(async () => {
  document = loadDocument(await readSource(sourceFolder))!
  out = (await built('plain')).out
  pdf = path.join(out, 'charter-reading-a4.pdf')
})

const clauses = () => document.sections.flatMap((section) => section.clauses)

describe('the A4 reading edition', () => {
  for (const [reader, read] of [
    ['pdftotext', pdfPagesText],
    ['pdf.js', pdfjsPagesText]
  ] as const) {
    it(`gives every clause back to ${reader} in both languages as typed, spaces inside a line kept, without radicals`, async () => {
      // Only line ends are joined: nothing between two Chinese characters, one space between words.
      const text = searchable(withoutFurniture(await read(pdf)).join('\n'))
      const missing = clauses().flatMap((clause) =>
        Object.entries(clause.text)
          .filter(([, fragment]) => !paragraphsOf(fragment).every((paragraph) => text.includes(paragraph)))
          .map(([lang]) => `${clause.number} ${lang}`)
      )
      expect(missing).toEqual([])
      expect(clauses()).toHaveLength(25)
      expect(text.match(radicals)).toBeNull()
      expect(text).toContain('自1980年代')
      for (const item of document.criteria!.items) for (const fragment of Object.values(item)) expect(text).toContain(fragment.text)
      for (const signatory of document.signatories.individuals.filter((person) => person.public)) expect(text).toContain(signatory.name ?? signatory['name-zh']!)
    })
  }

  it('keeps each clause on one page, English and Chinese side by side', async () => {
    const pages = (await pdfPagesText(pdf)).map(searchable)
    for (const clause of clauses()) {
      const english = pages.findIndex((page) => page.includes(clause.text.en.text))
      const chinese = pages.findIndex((page) => page.includes(clause.text['zh-Hant-HK'].text))
      expect({ clause: clause.number, english }).toEqual({ clause: clause.number, english: chinese })
    }
  })

  it('embeds only the project’s fonts, as TrueType, with Unicode maps', async () => {
    const fonts = await pdfFonts(pdf)
    expect(fonts.length).toBeGreaterThan(2)
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+(SourceSerif4|NotoSerifHK)/)
      expect(font).toMatchObject({ type: 'CID TrueType', embedded: true, subset: true, unicode: true })
    }
    expect(fonts.some((font) => /SourceSerif4-Bold/.test(font.name))).toBe(true)
  })

  it('is A4 on every page, numbered "Page N of M" in both languages, with the title at the head of every page after the first', async () => {
    const sizes = await pdfPageSizes(pdf)
    const pages = await pdfPagesText(pdf)
    expect(sizes).toHaveLength(pages.length)
    for (const [width, height] of sizes) {
      expect(width).toBeCloseTo(595.3, 0)
      expect(height).toBeCloseTo(841.9, 0)
    }
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length} · 第 ${index + 1} 頁，共 ${pages.length} 頁`)
      if (index > 0) expect(page).toContain('2021 Hong Kong Charter · 2021 香港約章')
    })
  })

  it('carries the title in both languages, its language, publisher and fixed dates', async () => {
    const info = await pdfjsInfo(pdf)
    expect(info).toMatchObject({
      Title: '2021 Hong Kong Charter · 2021 香港約章',
      Language: 'en',
      Author: 'The signatories of the 2021 Hong Kong Charter',
      CreationDate: 'D:20231114221320Z',
      ModDate: 'D:20231114221320Z'
    })
    expect(String(info.Producer)).toMatch(/^charter/)
    const bytes = await readFile(pdf, 'latin1')
    expect(bytes).toMatch(/\/StructTreeRoot/)
    expect(bytes).toMatch(/\/Marked true/)
  })

  it('tags every clause with its language, so a screen reader voices the Chinese as Chinese', async () => {
    const text = Object.fromEntries(Object.entries(await pdfjsTextByLanguage(pdf)).map(([lang, words]) => [lang, squash(words)]))
    expect(Object.keys(text).sort()).toEqual(['en', 'zh-Hant-HK'])
    for (const clause of clauses()) {
      expect(text['zh-Hant-HK'], `clause ${clause.number}`).toContain(squash(clause.text['zh-Hant-HK'].text))
      expect(text.en, `clause ${clause.number}`).toContain(squash(clause.text.en.text))
    }
  })

  it('has a bookmark for the title and every section, in both languages', async () => {
    expect(await pdfjsOutline(pdf)).toEqual([
      '2021 Hong Kong Charter 2021 香港約章',
      ...document.sections.map((section) => `${section.heading.en.text} ${section.heading['zh-Hant-HK'].text}`),
      'Sign if you are: 符合以下條件者，歡迎聯署：',
      'Signatories 聯署名單',
      'Organizations 組織',
      'Individuals 個人'
    ])
  })

  it('is listed in manifest.json with its pages, size and sha256', async () => {
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'))
    const entry = manifest.artifacts.find((artifact: { id: string }) => artifact.id === 'reading')
    const bytes = await readFile(pdf)
    const { createHash } = await import('node:crypto')
    expect(entry).toEqual({
      id: 'reading',
      file: 'charter-reading-a4.pdf',
      format: 'pdf',
      paper: 'a4',
      pages: (await pdfPagesText(pdf)).length,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex')
    })
  })
})

describe('the US Letter reading edition', () => {
  it('is US Letter on every page, and no Chinese paragraph ends on a line of one character', async () => {
    const letterOut = (await built('letter')).out
    const sizes = await pdfPageSizes(path.join(letterOut, 'charter-reading-letter.pdf'))
    expect(sizes.length).toBeGreaterThan(3)
    for (const size of sizes) expect(size).toEqual([612, 792])
    // On Letter's measure five Chinese paragraphs ended on a line of one character and its
    // full stop (「神。」): Chinese typesetting keeps more than that together.
    const lines = (await pdfPagesText(path.join(letterOut, 'charter-reading-letter.pdf'))).join('\n').split('\n')
    expect(lines.filter((line) => /^\p{Script=Han}[。」）！？]$/u.test(line.trim()))).toEqual([])
  })
})

describe('--only', () => {
  it('writes the editions asked for and the manifest, nothing else', async () => {
    // The shared build `long-word` is made with --only reading.
    const out = (await built('long-word')).out
    expect((await readdir(out)).sort()).toEqual(['charter-reading-a4.pdf', 'manifest.json'])
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { artifacts: Array<{ id: string }> }
    expect(manifest.artifacts.map((entry) => entry.id)).toEqual(['reading'])
  })
})

describe('a word longer than a line', () => {
  it('breaks inside it, so the page keeps its size and no clause is lost', async () => {
    const file = path.join((await built('long-word')).out, 'charter-reading-a4.pdf')
    for (const [width, height] of await pdfPageSizes(file)) {
      expect(width).toBeCloseTo(595.3, 0)
      expect(height).toBeCloseTo(841.9, 0)
    }
    // Chromium shrank the whole page to fit the word, and clause 4's Chinese fell off it.
    const text = searchable(withoutFurniture(await pdfPagesText(file)).join('\n'))
    for (const clause of clauses()) expect(text, `clause ${clause.number}`).toContain(clause.text['zh-Hant-HK'].text)
    // Broken inside itself wherever the line ended: no line end to join it at.
    expect(squash(text)).toContain(longAddress)
  })
})
