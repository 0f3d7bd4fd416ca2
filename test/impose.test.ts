import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import {
  CreepTooLargeError,
  impose,
  InvalidImposeOptionError,
  NoPagesError,
  OverlayPageCountError,
  type ImposeOptions
} from '../pipeline/pdf/impose.js'
import { papers } from '../pipeline/pdf/paper.js'
import { temporaryFolder, tool } from './support/run.js'

const mm = 72 / 25.4
const a5 = [148 * mm, 210 * mm] as const
const halfLetter = [5.5 * 72, 8.5 * 72] as const

/** A synthetic booklet: page i says `page i`, centred across, near its top. */
async function booklet(count: number, [width, height]: readonly [number, number] = a5): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  for (let i = 1; i <= count; i++) {
    const page = pdf.addPage([width, height])
    const text = `page ${i}`
    page.drawText(text, { x: (width - font.widthOfTextAtSize(text, 24)) / 2, y: height - 80, size: 24, font })
  }
  return pdf.save()
}

interface Word { text: string; xMin: number; yMin: number; xMax: number; yMax: number }

/** The words of one page of `file`, with their boxes (points, y from the top), by pdftotext -bbox. */
async function words(file: string, page: number): Promise<Word[]> {
  const html = await tool('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'])
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
    ([, xMin, yMin, xMax, yMax, text]) => ({ text, xMin: +xMin, yMin: +yMin, xMax: +xMax, yMax: +yMax })
  )
}

/** The text of the left and right halves of one side, cropped with pdftotext -x -y -W -H. */
async function halves(file: string, page: number, width: number, height: number): Promise<[string, string]> {
  const crop = async (x: number) =>
    (await tool('pdftotext', ['-f', String(page), '-l', String(page), '-x', String(Math.round(x)), '-y', '0', '-W', String(Math.floor(width / 2)), '-H', String(Math.ceil(height)), file, '-']))
      .replace(/\s+/g, ' ').trim()
  return [await crop(0), await crop(width / 2)]
}

async function imposeToFile(count: number, options: Partial<ImposeOptions> = {}, size = a5) {
  const bytes = await impose(await booklet(count, size), { sheet: papers.a4, ...options })
  const file = path.join(await temporaryFolder('charter-impose-'), `booklet-${count}.pdf`)
  await writeFile(file, bytes)
  return { file, bytes, pdf: await PDFDocument.load(bytes) }
}

const label = (page: number | null) => (page === null ? '' : `page ${page}`)

describe('impose() method', () => {
  for (const count of [4, 8, 12, 16, 6]) {
    for (const duplex of ['long', 'short'] as const) {
      it(`lays ${count} pages in saddle-stitch order, backs ${duplex === 'long' ? 'turned 180°' : 'upright'} for a ${duplex}-edge flip`, async () => {
        const { file, pdf } = await imposeToFile(count, { duplex })
        const n = Math.ceil(count / 4) * 4
        // The padded booklet: pages 1..count-1, blanks, then the back cover last.
        const at = (p: number) => (p < count ? p : p === n ? count : null)
        expect(pdf.getPageCount()).toBe(n / 2)
        for (let k = 0; k < n / 4; k++) {
          const front = [at(n - 2 * k), at(2 * k + 1)]
          const back = [at(2 * k + 2), at(n - 2 * k - 1)]
          // Turned 180°, the back's right-hand page sits in the left half, upside down.
          const backSeen = duplex === 'long' ? [back[1], back[0]] : back
          expect(await halves(file, 2 * k + 1, 841.89, 595.28)).toEqual(front.map(label))
          expect(await halves(file, 2 * k + 2, 841.89, 595.28)).toEqual(backSeen.map(label))
          // The number stands near the top of an upright page and near the bottom of a turned one.
          for (const word of await words(file, 2 * k + 2)) {
            if (duplex === 'long') expect(word.yMin).toBeGreaterThan(595.28 / 2)
            else expect(word.yMax).toBeLessThan(595.28 / 2)
          }
        }
      })
    }
  }

  it('makes landscape A4 sheets of two A5 pages', async () => {
    const { pdf } = await imposeToFile(8)
    for (const page of pdf.getPages()) {
      expect(page.getWidth()).toBeCloseTo(841.89, 1)
      expect(page.getHeight()).toBeCloseTo(595.28, 1)
    }
  })

  it('makes landscape US Letter sheets of two half-letter pages', async () => {
    const bytes = await impose(await booklet(8, halfLetter), { sheet: papers.letter, duplex: 'short' })
    const file = path.join(await temporaryFolder('charter-impose-'), 'letter.pdf')
    await writeFile(file, bytes)
    const info = await tool('pdfinfo', ['-f', '1', '-l', '4', file])
    expect([...info.matchAll(/Page +\d+ size: +([\d.]+ x [\d.]+) pts/g)].map((match) => match[1])).toEqual(Array(4).fill('792 x 612'))
    expect(await halves(file, 1, 792, 612)).toEqual(['page 8', 'page 1'])
    expect(await halves(file, 4, 792, 612)).toEqual(['page 4', 'page 5'])
    // Half-letter pages fill their half exactly: page 1's number is centred in the right half.
    const [word] = await words(file, 1).then((all) => all.filter((w) => w.text === '1'))
    const page = await words(file, 1).then((all) => all.find((w) => w.text === 'page' && w.xMin > 396)!)
    expect((page.xMin + word.xMax) / 2).toBeCloseTo(396 + 198, 0)
  })

  it('moves each page toward the spine by creep × its sheet\'s distance from the outside', async () => {
    const creep = 0.5
    const plain = await imposeToFile(16, { duplex: 'short' })
    const crept = await imposeToFile(16, { duplex: 'short', creep })
    for (let side = 1; side <= 8; side++) {
      const sheet = Math.floor((side - 1) / 2)
      const [before, after] = await Promise.all([words(plain.file, side), words(crept.file, side)])
      for (const word of after.filter((w) => w.text !== 'page')) {
        const original = before.find((w) => w.text === word.text)!
        // Left half moves right, right half moves left: both toward the fold in the middle.
        const toward = original.xMin < 841.89 / 2 ? 1 : -1
        expect(word.xMin - original.xMin).toBeCloseTo(toward * sheet * creep * mm, 1)
        expect(word.yMin).toBeCloseTo(original.yMin, 1)
      }
    }
  })

  it('draws fold marks at the middle and trim marks where a crept sheet is cut', async () => {
    const { file } = await imposeToFile(8, { marks: true, creep: 1, duplex: 'short' })
    const png = path.join(path.dirname(file), 'marks')
    await tool('pdftoppm', ['-r', '72', '-gray', '-f', '3', '-l', '3', file, png])
    const ink = await darkColumns(`${png}-3.pgm`, 14 * mm)
    // Sheet 2 (index 1): fold at 421 pt; trim marks 1 mm (2.8 pt) in from each side edge.
    expect(ink).toEqual([3, 421, 839])
  })

  it('draws the overlay over each output page and keeps the text of both', async () => {
    const overlay = await booklet(4, [841.89, 595.28])
    const { file } = await imposeToFile(8, { sides: 'fronts', overlay: await onlyPages(overlay, 2) })
    expect(await tool('pdftotext', ['-f', '1', '-l', '1', file, '-'])).toMatch(/page 1[\s\S]*page 8|page 8[\s\S]*page 1/)
    expect((await words(file, 2)).map((w) => w.text).join(' ')).toContain('page 2')
  })

  it('writes only the fronts, or only the backs, for printers that print one side', async () => {
    const fronts = await imposeToFile(8, { sides: 'fronts' })
    const backs = await imposeToFile(8, { sides: 'backs', duplex: 'short' })
    expect(fronts.pdf.getPageCount()).toBe(2)
    expect(await halves(fronts.file, 2, 841.89, 595.28)).toEqual(['page 6', 'page 3'])
    expect(await halves(backs.file, 1, 841.89, 595.28)).toEqual(['page 2', 'page 7'])
  })

  it('writes the title, /Lang and fixed dates, and the same bytes every time', async () => {
    const metadata = { title: 'T · 標題', lang: 'en', author: 'A', subject: 'Booklet', keywords: ['en'], date: new Date('2026-11-26T00:00:00Z') }
    const source = await booklet(8)
    const [one, two] = await Promise.all([impose(source, { sheet: papers.a4, metadata }), impose(source, { sheet: papers.a4, metadata })])
    expect(Buffer.compare(Buffer.from(one), Buffer.from(two))).toBe(0)
    const file = path.join(await temporaryFolder('charter-impose-'), 'meta.pdf')
    await writeFile(file, one)
    const info = await tool('pdfinfo', [file])
    expect(info).toMatch(/Title: +T · 標題/)
    expect(info).toMatch(/CreationDate: +Thu Nov 26 00:00:00 2026/)
    expect(await tool('qpdf', ['--show-object=trailer', file])).toBeTruthy()
    expect(Buffer.from(one).toString('latin1')).toContain('/Lang (en)')
  })

  it('throws NoPagesError for a PDF with no pages', async () => {
    const empty = await (await PDFDocument.create()).save({ addDefaultPage: false })
    await expect(impose(empty, { sheet: papers.a4 })).rejects.toBeInstanceOf(NoPagesError)
  })

  it('throws InvalidImposeOptionError for a negative creep or an unknown duplex', async () => {
    const source = await booklet(4)
    await expect(impose(source, { sheet: papers.a4, creep: -1 })).rejects.toBeInstanceOf(InvalidImposeOptionError)
    await expect(impose(source, { sheet: papers.a4, duplex: 'sideways' as 'long' })).rejects.toBeInstanceOf(InvalidImposeOptionError)
  })

  it('throws CreepTooLargeError when the centre sheet would move more than a quarter page', async () => {
    await expect(impose(await booklet(100), { sheet: papers.a4, creep: 2 })).rejects.toBeInstanceOf(CreepTooLargeError)
  })

  it('throws OverlayPageCountError when the overlay does not match the output', async () => {
    await expect(impose(await booklet(8), { sheet: papers.a4, overlay: await booklet(3) })).rejects.toBeInstanceOf(OverlayPageCountError)
  })
})

async function onlyPages(bytes: Uint8Array, count: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes)
  while (pdf.getPageCount() > count) pdf.removePage(pdf.getPageCount() - 1)
  return pdf.save()
}

/** The x of each run of dark pixels in the top `band` points of a grey 72 dpi picture (PGM, from pdftoppm -gray). */
async function darkColumns(file: string, band: number): Promise<number[]> {
  const data = await readFile(file)
  const header = data.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/)!
  const width = Number(header[1])
  const pixels = data.subarray(header[0].length)
  const columns: number[] = []
  let previous = false
  for (let x = 0; x < width; x++) {
    let dark = false
    for (let y = 0; y < Math.round(band); y++) if (pixels[y * width + x] < 160) dark = true
    if (dark && !previous) columns.push(x)
    previous = dark
  }
  return columns
}
