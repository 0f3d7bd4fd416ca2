import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { PDFDocument, PDFName, PDFString } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadDocument } from '../pipeline/source/load-document.js'
import { readSource } from '../pipeline/source/read-source.js'
import { built, signUrl } from './support/builds.js'
import { searchable, withoutFurniture } from './support/reader-text.js'
import { pdfPagesText, sourceFolder, squash, tool } from './support/run.js'


/** The text of the left and right halves of one imposed side. */
async function halves(file: string, page: number, width: number, height: number, top = 0): Promise<[string, string]> {
  const crop = (x: number) =>
    tool('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), '-x', String(Math.round(x)), '-y', String(top), '-W', String(Math.floor(width / 2)), '-H', String(Math.ceil(height - top)), file, '-'])
  return [squash(await crop(0)), squash(await crop(width / 2))]
}

/** The characters of a text in code point order, to compare texts read in different orders. */
function letters(text: string): string {
  return [...text].sort().join('')
}

/** Every page's size in whole points, as pdfinfo reports it. */
async function sizes(file: string): Promise<string[]> {
  const info = await tool('pdfinfo', ['-f', '1', '-l', '999', file])
  return [...info.matchAll(/Page +\d+ size: +([\d.]+) x ([\d.]+) pts/g)].map((match) => `${Math.round(+match[1])} x ${Math.round(+match[2])}`)
}

/** The text along the top edge of one page (its first 25 points, 8.8 mm), between the corners where turned pages put their numbers. */
async function topEdge(file: string, page: number): Promise<string> {
  const text = await tool('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), '-x', '100', '-y', '0', '-W', '642', '-H', '25', file, '-'])
  return text.replace(/\s+/g, ' ').trim()
}

describe('the pamphlet and the booklet', () => {
  let out: string
  beforeAll(async () => {
    out = (await built('booklet')).out
  })

  it('sets the pamphlet on A5 pages, a multiple of 4, blank pages only just before the back cover', async () => {
    const file = path.join(out, 'charter-pamphlet-a5.pdf')
    const pages = await pdfPagesText(file)
    expect(pages.length % 4).toBe(0)
    // A5 is 419.5 x 595.3 pt; Chromium rounds page sizes to whole CSS pixels.
    expect(new Set(await sizes(file))).toEqual(new Set(['420 x 595']))
    const blanks = pages.flatMap((text, i) => (text.trim() === '' ? [i + 1] : []))
    const firstBlank = blanks[0] ?? pages.length
    expect(blanks).toEqual(Array.from({ length: pages.length - firstBlank }, (_, i) => firstBlank + i))
    expect(searchable(pages.at(-1)!)).toContain('Sign if you are:')
  })

  it('puts both titles on the cover, numbers the inner pages, and keeps every clause in both languages', async () => {
    const pages = await pdfPagesText(path.join(out, 'charter-pamphlet-a5.pdf'))
    expect(searchable(pages[0])).toContain('2021 Hong Kong Charter')
    expect(searchable(pages[0])).toContain('2021 香港約章')
    expect(pages[0]).not.toMatch(/^\s*1\s*$/m)
    for (let page = 2; page < pages.length && pages[page - 1].trim(); page++) expect(pages[page - 1]).toMatch(new RegExp(`^${page}$`, 'm'))
    const all = searchable(withoutFurniture(pages).join('\n'))
    for (const clause of ['Ever since the Sino-British negotiations', '自1980年代中英談判起', 'International communities shall not capitalize', '國際社會不應受惠於中共的人權侵害']) {
      expect(all).toContain(clause)
    }
  })

  it('breaks pages as a typesetter would: no heading split or left alone, no one-line widow, no hyphenated word split', async () => {
    const document = loadDocument(await readSource(sourceFolder))!
    const pages = await pdfPagesText(path.join(out, 'charter-pamphlet-a5.pdf'))
    const lines = pages.map((page) => page.split('\n').map((line) => line.trim()).filter(Boolean))
    for (const { heading } of document.sections) {
      const pageOf = (text: string) => lines.findIndex((page) => page.includes(text))
      const page = pageOf(heading.en.text)
      expect(page, heading.en.text).toBeGreaterThan(0)
      expect(pageOf(heading['zh-Hant-HK'].text), heading.en.text).toBe(page)
      // Something of the section follows its heading on that page (the page number comes last).
      expect(lines[page].indexOf(heading['zh-Hant-HK'].text), heading.en.text).toBeLessThan(lines[page].length - 2)
    }
    const typed = document.sections.flatMap((section) => section.clauses).flatMap((clause) => Object.values(clause.text).map((text) => text.text))
    const paragraphs = typed.map(squash)
    lines.forEach((page, index) => {
      const first = squash(page[0] ?? '')
      if (index === 0 || first === '') return
      // The first line of a page is never the whole rest of a paragraph begun on the page before.
      const widowed = paragraphs.find((paragraph) => paragraph.length > first.length && paragraph.endsWith(first))
      expect(widowed, `page ${index + 1} starts with the last line of a paragraph: ${page[0]}`).toBeUndefined()
    })
    // A clause's two languages on the same page, on A5 and on half-letter.
    const joined = pages.map(searchable)
    for (const clause of document.sections.flatMap((section) => section.clauses)) {
      const starts = joined.findIndex((page) => page.includes(clause.text.en.text.slice(0, 30)))
      const ends = joined.findIndex((page) => page.includes(clause.text['zh-Hant-HK'].text.slice(-12)))
      expect(ends, `clause ${clause.number}`).toBe(starts)
    }
    const text = pages.join('\n').replace(/\s+/g, ' ')
    const hyphenated = new Set(typed.flatMap((paragraph) => paragraph.match(/[\p{L}\p{N}’']+(?:-[\p{L}\p{N}’']+)+/gu) ?? []))
    expect([...hyphenated]).toContain('self-determination')
    for (const word of hyphenated) expect(text).toContain(word)
  })

  it('prints the sign-up criteria, the link and its QR code on the back cover, and no private signatory', async () => {
    const file = path.join(out, 'charter-pamphlet-a5.pdf')
    const pages = await pdfPagesText(file)
    const back = searchable(pages.at(-1)!)
    for (const text of ['Diasporic Hongkongers', '離散港人', '認同約章內容', signUrl]) expect(back).toContain(text)
    // Numbered, as in the charter.
    expect(back).toMatch(/1\. Diasporic Hongkongers ?離散港人 ?2\. Agree/)
    expect(pages.join('')).not.toContain('PRIVATE')
    // Left of the link text stands the QR code: a square about half black, half white.
    const html = await tool('pdftotext', ['-bbox', '-f', String(pages.length), '-l', String(pages.length), file, '-'])
    const [, xMin, yMin] = /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>https:/.exec(html)!.map(Number)
    const picture = path.join(path.dirname(file), 'back')
    await tool('pdftoppm', ['-r', '72', '-gray', '-f', String(pages.length), '-l', String(pages.length), '-singlefile', file, picture])
    const dark = await darkShare(`${picture}.pgm`, { left: 45, right: xMin - 20, top: yMin - 30, bottom: yMin + 30 })
    expect(dark).toBeGreaterThan(0.3)
    expect(dark).toBeLessThan(0.7)
  })

  it('uses only the project\'s fonts, none of them Type 3', async () => {
    for (const name of ['charter-pamphlet-a5.pdf', 'charter-booklet-a4.pdf', 'charter-booklet-a4-fronts.pdf']) {
      const lines = (await tool('pdffonts', [path.join(out, name)])).split('\n').slice(2).filter(Boolean)
      expect(lines.length).toBeGreaterThan(0)
      for (const line of lines) expect(line).toMatch(/^[A-Z]{6}\+(SourceSerif4|NotoSerifHK)\S*\s+CID TrueType/)
    }
  })

  it('imposes the pamphlet\'s pages in saddle-stitch order, backs turned for the default long-edge flip', async () => {
    const pamphlet = (await pdfPagesText(path.join(out, 'charter-pamphlet-a5.pdf'))).map(squash)
    const booklet = path.join(out, 'charter-booklet-a4.pdf')
    const n = pamphlet.length
    expect(await sizes(booklet)).toEqual(Array(n / 2).fill('842 x 595'))
    for (let k = 0; k < n / 4; k++) {
      expect(await halves(booklet, 2 * k + 1, 841.89, 595.28)).toEqual([pamphlet[n - 2 * k - 1], pamphlet[2 * k]])
      // Upside down, pdftotext reads the same text in another block order: compare the letters.
      const back = await halves(booklet, 2 * k + 2, 841.89, 595.28)
      expect(back.map(letters)).toEqual([pamphlet[n - 2 * k - 2], pamphlet[2 * k + 1]].map(letters))
    }
  })

  it('gives the booklet a title and the document language', async () => {
    const pdf = await PDFDocument.load(await readFile(path.join(out, 'charter-booklet-a4.pdf')), { updateMetadata: false })
    expect(pdf.getTitle()).toBe('2021 Hong Kong Charter · 2021 香港約章')
    expect((pdf.catalog.lookup(PDFName.of('Lang'), PDFString) as PDFString).decodeText()).toBe('en')
  })

  it('writes fronts and backs for manual duplex, each side with its instruction at the top edge', async () => {
    const pamphlet = (await pdfPagesText(path.join(out, 'charter-pamphlet-a5.pdf'))).map(squash)
    const n = pamphlet.length
    const fronts = await pdfPagesText(path.join(out, 'charter-booklet-a4-fronts.pdf'))
    const backs = await pdfPagesText(path.join(out, 'charter-booklet-a4-backs.pdf'))
    expect([fronts.length, backs.length]).toEqual([n / 4, n / 4])
    expect(await topEdge(path.join(out, 'charter-booklet-a4-fronts.pdf'), 1)).toBe(`Sheet 1 of ${n / 4}, front. When every front is printed, put the stack back in the tray to print its blank sides with charter-booklet-a4-backs.pdf.`)
    expect(await topEdge(path.join(out, 'charter-booklet-a4-backs.pdf'), 2)).toBe(`Sheet 2 of ${n / 4}, back: it belongs behind the front of sheet 2. Stack sheet 1 outside, fold in half and staple on the fold.`)
    // Below the instruction line, each half holds its pamphlet page; the turned pages'
    // numbers stand beside the line, in the corners, and are cut off with it.
    const [left, right] = await halves(path.join(out, 'charter-booklet-a4-backs.pdf'), 1, 841.89, 595.28, 25)
    const unnumbered = (page: number) => pamphlet[page - 1].replace(new RegExp(`${page}$`), '')
    expect([left, right].map(letters)).toEqual([unnumbered(n - 1), unnumbered(2)].map(letters))
  })

  it('makes the same bytes from the same source', async () => {
    const manifest = async (folder: string) => JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')).artifacts as Array<{ id: string; sha256: string }>
    const [one, two] = await Promise.all([manifest((await built('private')).out), manifest((await built('plain')).out)])
    for (const id of ['pamphlet', 'booklet']) {
      expect(one.find((entry) => entry.id === id)?.sha256).toBe(two.find((entry) => entry.id === id)?.sha256)
    }
  })
})

describe('the pamphlet and the booklet on US Letter', () => {
  it('sets half-letter pages two-up on landscape Letter sheets, backs upright with --duplex short', async () => {
    const out = (await built('letter')).out
    const pamphlet = (await pdfPagesText(path.join(out, 'charter-pamphlet-half-letter.pdf'))).map(squash)
    const booklet = path.join(out, 'charter-booklet-letter.pdf')
    const n = pamphlet.length
    expect(new Set(await sizes(path.join(out, 'charter-pamphlet-half-letter.pdf')))).toEqual(new Set(['396 x 612']))
    expect(await sizes(booklet)).toEqual(Array(n / 2).fill('792 x 612'))
    for (let k = 0; k < n / 4; k++) {
      expect(await halves(booklet, 2 * k + 1, 792, 612)).toEqual([pamphlet[n - 2 * k - 1], pamphlet[2 * k]])
      expect(await halves(booklet, 2 * k + 2, 792, 612)).toEqual([pamphlet[2 * k + 1], pamphlet[n - 2 * k - 2]])
    }
  }, 120_000)
})

/** The share of dark pixels in a box (points at 72 dpi) of a grey picture (PGM, from pdftoppm -gray). */
async function darkShare(file: string, box: { left: number; right: number; top: number; bottom: number }): Promise<number> {
  const data = await readFile(file)
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.toString('latin1', 0, 64))!
  const width = Number(header[1])
  const pixels = data.subarray(header[0].length)
  let dark = 0
  let all = 0
  for (let y = Math.round(box.top); y < box.bottom; y++) {
    for (let x = Math.round(box.left); x < box.right; x++, all++) if (pixels[y * width + x] < 128) dark++
  }
  return dark / all
}
