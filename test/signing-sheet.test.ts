/** The signing sheet, built for real from a signatory list long enough for several pages. */
import { readFile, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { built, sheetList } from './support/builds.js'
import { runRefused } from './support/in-process.js'
import { pdfPagesText, projectRoot, runCharter, sourceFolder, squash, temporaryFolder, tool } from './support/run.js'

const list = path.join(projectRoot, sheetList)
const mm = 72 / 25.4

interface Entry {
  name?: string
  'name-zh'?: string
  public?: boolean
}

interface Word {
  text: string
  xMin: number
  yMin: number
  yMax: number
}

interface Page {
  width: number
  height: number
  words: Word[]
  text: string
}

/** Every page of a PDF: its size, its words with their boxes (pdftotext -bbox) and its text. */
async function readPages(file: string): Promise<Page[]> {
  const [bbox, texts] = await Promise.all([tool('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']), pdfPagesText(file)])
  const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
  return [...bbox.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page, index) => ({
    width: Number(page[1]),
    height: Number(page[2]),
    words: [...page[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((word) => ({
      xMin: Number(word[1]),
      yMin: Number(word[2]),
      yMax: Number(word[3]),
      text: unescape(word[4])
    })),
    text: texts[index]
  }))
}

/** The numbers of the roll and of the blank rows on a page, in reading order (row by row). */
function rowNumbers(page: Page): Word[] {
  // Below the page header, and on the first page below the roll's heading (the title holds "2021").
  const heading = page.words.find((word) => word.text === 'Signatories')
  const top = Math.max(20 * mm, heading?.yMax ?? 0)
  return page.words
    .filter((word) => /^\d+$/.test(word.text) && word.yMin > top)
    .sort((a, b) => Math.round(a.yMin) - Math.round(b.yMin) || a.xMin - b.xMin)
}

/** A name's parts as printed: a name given in both scripts may wrap between them, so each is checked. */
/** Blank rows (numbered past `count`) at least 9 mm apart, and no room left for another. */
function expectFilled(page: Page, count: number) {
  const blank = rowNumbers(page).filter((word) => Number(word.text) > count)
  const pitches = blank.slice(1).map((word, index) => word.yMin - blank[index].yMin)
  expect(pitches.length).toBeGreaterThan(0)
  for (const pitch of pitches) expect(pitch).toBeGreaterThanOrEqual(9 * mm)
  // Below the last row's number (which sits 1 mm above its row's rule) there is no room for
  // another row above the 16 mm bottom margin.
  const room = page.height - 16 * mm - blank.at(-1)!.yMax
  expect(room).toBeLessThan(Math.min(...pitches) + 2 * mm)
}

const printed = (entry: Entry) => [entry.name, entry['name-zh']].filter((part): part is string => Boolean(part)).map((part) => squash(part.normalize('NFC')))
const header = squash('2021 Hong Kong Charter · 2021 香港約章 — Signing sheet 聯署表格')
// pdftotext reads each column of the blank rows as a block, so each heading is checked apart.
const blankHeader = ['Name 姓名', 'City or country 城市或國家', 'Signature 簽署', 'Date 日期'].map(squash)
const rollHeaders = [squash('Organizations 組織'), squash('Individuals 個人')]

let everyone: Entry[]
let publicOnes: Entry[]
let privateOnes: Entry[]
let standard: Page[]
let organisers: Page[]
let organisersFile: string
let long: Page[]
let standardOut: string

beforeAll(async () => {
  const data = parse(await readFile(list, 'utf8')) as { organisations: Entry[]; individuals: Entry[] }
  everyone = [...data.organisations, ...data.individuals]
  publicOnes = everyone.filter((entry) => entry.public !== false)
  privateOnes = everyone.filter((entry) => entry.public === false)
  standardOut = (await built('sheet-list')).out
  organisersFile = path.join((await built('sheet-organisers')).out, 'charter-signing-sheet-organisers-letter.pdf')
  ;[standard, organisers, long] = await Promise.all([
    readPages(path.join(standardOut, 'charter-signing-sheet-a4.pdf')),
    readPages(organisersFile),
    readPages(path.join((await built('sheet-long')).out, 'charter-signing-sheet-a4.pdf'))
  ])
})

describe('the signing sheet', () => {
  it('names every public signatory of the list, and the roll runs over several pages', () => {
    const text = squash(standard.map((page) => page.text).join(''))
    expect(standard.length).toBeGreaterThanOrEqual(4)
    for (const part of publicOnes.flatMap(printed)) expect(text).toContain(part)
    expect(text).toContain(squash(`Signatories 聯署名單 (${publicOnes.length})`))
  })

  it('leaves out signatories who are not public', () => {
    const text = squash(standard.map((page) => page.text).join(''))
    expect(privateOnes.length).toBeGreaterThan(0)
    for (const part of privateOnes.flatMap(printed)) expect(text).not.toContain(part)
  })

  it('prints a name typed with combining accents composed, so it copies and searches as one word', () => {
    const text = standard.map((page) => page.text).join('')
    expect(text).toContain('Nguyễn Văn An')
    expect(text).not.toMatch(/\p{M}/u)
  })

  it('takes the --signatories list for the sheet only: the published editions keep the source\'s', async () => {
    const onlyInList = 'Marcus FUNG Wing Sze'
    expect(squash(standard.map((page) => page.text).join(''))).toContain(squash(onlyInList))
    expect(await readFile(path.join(sourceFolder, 'signatories.yaml'), 'utf8')).not.toContain(onlyInList)
    expect(squash(await tool('pdftotext', [path.join(standardOut, 'charter-reading-a4.pdf'), '-']))).not.toContain(squash(onlyInList))
    expect(await readFile(path.join(standardOut, 'web', 'index.html'), 'utf8')).not.toContain(onlyInList)
  })

  it('prints a name holding markup exactly as written', () => {
    const text = standard.map((page) => page.text).join('')
    expect(squash(text)).toContain(squash(`<b>Bold</b> & "Quoted" O'Brien`))
    expect(squash(text)).toContain('<script>alert(1)</script>')
    expect(squash(text)).toContain('李<小>明&「陳」')
    expect(squash(text)).toContain(squash('Friends of <Hong Kong> & Co.'))
  })

  it('has the title in the header and the right "page X of Y" on every page', () => {
    for (const pages of [standard, organisers]) {
      pages.forEach((page, index) => {
        const text = squash(page.text)
        expect(text, `page ${index + 1}`).toContain(header)
        expect(text, `page ${index + 1}`).toContain(`Page${index + 1}of${pages.length}`)
        expect(text, `page ${index + 1}`).toContain(`第${index + 1}頁，共${pages.length}頁`)
      })
    }
  })

  it('repeats the table header on every page: the roll group on roll pages, the columns on signing pages', () => {
    const count = publicOnes.length
    standard.forEach((page, index) => {
      const text = squash(page.text)
      const numbers = rowNumbers(page).map((word) => Number(word.text))
      if (numbers.some((number) => number <= count)) {
        expect(rollHeaders.some((heading) => text.includes(heading)), `page ${index + 1}`).toBe(true)
      }
      if (numbers.some((number) => number > count)) {
        for (const heading of blankHeader) expect(text, `page ${index + 1}`).toContain(heading)
      }
    })
  })

  it('fills the last page with blank rows at least 9 mm tall, numbered on from the roll', () => {
    const last = standard.at(-1)!
    const numbers = standard.flatMap(rowNumbers).map((word) => Number(word.text))
    const blank = rowNumbers(last).filter((word) => Number(word.text) > publicOnes.length)
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, index) => index + 1))
    expect(Number(blank[0].text)).toBe(publicOnes.length + 1)
    expectFilled(last, publicOnes.length)
    expect(squash(last.text)).not.toContain('Contact')
  })

  it('after a long roll (over 1,000 names), starts the rows on a page of their own and fills it', () => {
    const last = long.at(-1)!
    const numbers = long.flatMap(rowNumbers).map((word) => Number(word.text))
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, index) => index + 1))
    expect(Number(rowNumbers(last)[0].text)).toBe(1002)
    expect(rowNumbers(long.at(-2)!).at(-1)!.text).toBe('1001')
    expectFilled(last, 1001)
  })

  it('with --blank-rows, --contact, --include-private and --paper letter: those rows, that column, every name, marked', async () => {
    const count = everyone.length
    const numbers = organisers.flatMap(rowNumbers).map((word) => Number(word.text))
    expect(numbers).toEqual(Array.from({ length: count + 25 }, (_, index) => index + 1))
    const text = squash(organisers.map((page) => page.text).join(''))
    for (const part of everyone.flatMap(printed)) expect(text).toContain(part)
    expect(text.split(squash('(not public 不公開)')).length - 1).toBe(privateOnes.length)
    for (const page of organisers) {
      expect(squash(page.text)).toContain(squash('Organisers’ copy: it holds names that must not be published. Keep it safe.'))
      expect(page.width).toBeCloseTo(612, 0)
      expect(page.height).toBeCloseTo(792, 0)
    }
    for (const heading of [...blankHeader, squash('Contact 聯絡方法')]) expect(squash(organisers.at(-1)!.text)).toContain(heading)
    const fonts = await tool('pdffonts', [organisersFile])
    expect(fonts).not.toMatch(/Type 3/)
  })

  it('reports a malformed entry at its line and column, exits 1 and writes nothing', async () => {
    const folder = await temporaryFolder()
    await writeFile(
      path.join(folder, 'signatories.yaml'),
      ['individuals:', '  - name: Good Name', '  - nmae: Typo Name', '  - name-zh: 陳大文', '    public: "no"', '  - name: 1989', ''].join('\n')
    )
    const result = await runRefused(['build', '--source', sourceFolder, '--out', 'out', '--signatories', 'signatories.yaml'], { cwd: folder })
    expect(result.code).toBe(1)
    const lines = result.stderr.split('\n').map((line) => line.replace(/\s+/g, ' ').trim())
    const at = lines.indexOf('signatories.yaml')
    expect(lines.slice(at, at + 4)).toEqual([
      'signatories.yaml',
      '3:5 error Unknown key `nmae` in individuals, entry 2: check its spelling signatories-schema charter',
      '5:13 error individuals, entry 3, public: expected `true` or `false` signatories-schema charter',
      '6:11 error individuals, entry 4, name: expected a name as text: put it in quotes ("...") signatories-schema charter'
    ])
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(path.join(folder, 'out'))).toBe(false)
  })
})
