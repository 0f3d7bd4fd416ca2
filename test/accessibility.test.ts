/**
 * The PDFs as assistive technology reads them, through pdf.js's marked content and the
 * files' metadata: every character tagged or marked as an artifact (no running head read in
 * the middle of a sentence), XMP metadata with the PDF/UA identification, and bookmarks.
 *
 * veraPDF, the reference PDF/UA checker, cannot be installed on these machines. Of the
 * Matterhorn Protocol's checkpoints (PDF/UA-1), these tests cover:
 * - 01-005 (content neither tagged nor an artifact): 0 untagged characters, every page;
 * - 06-001, 06-002, 06-003 (XMP metadata stream, pdfuaid:part, dc:title);
 * - 07-001 (DisplayDocTitle);
 * - 11-001 to 11-006 in part: every Han character is under a CJK language's /Lang, inline
 *   ones included (a heading's Chinese half, a Chinese name); the document has its /Lang;
 * - the bookmarks, for navigation (a PDF/UA recommendation for long documents).
 * - 09 in part: each section's clauses are a list, L > LI > Lbl + LBody (the number, the text).
 * - 14-002, 14-003: the first heading is H1, and no heading skips a level.
 * They do not cover: the rest of 09 (a heading's languages are Divs inside it), Latin text's /Lang inside a CJK parent beyond Han, 19 (notes as Note), 28 (link annotations' Contents), 31
 * (fonts, but pdffonts checks embedding and Unicode maps elsewhere).
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { markArtifacts } from '../pipeline/pdf/artifacts.js'
import { loadDocument } from '../pipeline/source/load-document.js'
import { readSource } from '../pipeline/source/read-source.js'
import { built } from './support/builds.js'
import { isCjkTypography } from '../pipeline/fonts/scripts.js'
import { typographyOfTag } from '../pipeline/source/names.js'
import { pdfjsOutline, pdfjsTextByLanguage } from './support/pdf.js'
import { tool } from './support/run.js'

/** The characters of `file` outside any marked content, and inside artifacts, as pdf.js reads them. */
async function markedContent(file: string): Promise<{ untagged: string; artifact: number; tagged: number }> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(file)), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise
  let untagged = ''
  let artifact = 0
  let tagged = 0
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent({ includeMarkedContent: true })
    const open: string[] = []
    for (const item of content.items) {
      if ('type' in item && (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps')) open.push(item.tag ?? 'MCID')
      else if ('type' in item && item.type === 'endMarkedContent') open.pop()
      else if ('str' in item && item.str.trim() !== '') {
        const characters = [...item.str.replace(/\s/g, '')].length
        if (open.length === 0) untagged += item.str
        else if (open.includes('Artifact')) artifact += characters
        else tagged += characters
      }
    }
  }
  await pdf.destroy()
  return { untagged, artifact, tagged }
}

/** The XMP metadata packet of `file`, as pdfinfo gives it. */
const xmp = (file: string) => tool('pdfinfo', ['-meta', file])

const sources = [
  ['plain', 'charter'],
  ['statement', 'diaspora-declaration-2027'],
  ['three-languages', '2021-hong-kong-charter'],
  ['japanese', 'hong-kong-charter-ja']
] as const

describe('the reading edition and the pamphlet, for a screen reader', () => {
  for (const [build, slug] of sources) {
    it(`tags every character or marks it an artifact, and says PDF/UA-1 in its XMP metadata: ${build}`, async () => {
      const made = await built(build)
      const document = loadDocument(await readSource(made.source))!
      for (const edition of ['reading-a4', 'pamphlet-a5']) {
        const file = path.join(made.out, `${slug}-${edition}.pdf`)
        const content = await markedContent(file)
        expect(content.untagged, `${edition}: untagged text`).toBe('')
        expect(content.tagged).toBeGreaterThan(500)
        // The running heads and page numbers are the artifacts.
        if (edition === 'reading-a4') expect(content.artifact).toBeGreaterThan(0)

        // Every Han character under a CJK language's /Lang, inline ones too (a heading's Chinese half, a name).
        const byLanguage = await pdfjsTextByLanguage(file)
        for (const [lang, text] of Object.entries(byLanguage)) {
          if (isCjkTypography(typographyOfTag(lang))) continue
          expect(text.match(/\p{Script=Han}/gu)?.join('') ?? '', `Han characters under ${lang}`).toBe('')
        }

        const metadata = await xmp(file)
        expect(metadata).toContain('<pdfuaid:part>1</pdfuaid:part>')
        for (const { lang, title } of document.languages) expect(metadata).toContain(`<rdf:li xml:lang="${lang}">${title.text}</rdf:li>`)
        expect(metadata).toContain(`<dc:language><rdf:Bag>${document.languages.map(({ lang }) => `<rdf:li>${lang}</rdf:li>`).join('')}</rdf:Bag></dc:language>`)
        expect(metadata).toContain('<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>')
        expect(await tool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors')
      }
    })
  }

  it('tags each section’s clauses as a list, a list item per clause, its number the label and its text the body', async () => {
    const made = await built('plain')
    const document = loadDocument(await readSource(made.source))!
    for (const edition of ['reading-a4', 'pamphlet-a5']) {
      const pdf = await getDocument({ data: new Uint8Array(await readFile(path.join(made.out, `charter-${edition}.pdf`))), verbosity: 0 }).promise
      let items = 0
      let stray = 0
      let labelled = 0
      type Node = { role?: string; type?: string; children?: Node[] }
      const walk = (node: Node, parent?: string) => {
        if (node.role === 'LI') {
          items++
          if (parent !== 'L') stray++
          if ((node.children ?? []).map((child) => child.role ?? child.type).join(' + ') === 'Lbl + LBody') labelled++
        }
        for (const child of node.children ?? []) walk(child, node.role)
      }
      for (let number = 1; number <= pdf.numPages; number++) walk((await (await pdf.getPage(number)).getStructTree()) as Node)
      await pdf.destroy()
      // A clause that runs over a page is an item on both.
      expect(items, edition).toBeGreaterThanOrEqual(document.sections.flatMap((section) => section.clauses).length)
      expect(stray).toBe(0)
      // Each clause its number as the label and its text as the body.
      expect(labelled, edition).toBeGreaterThanOrEqual(document.sections.flatMap((section) => section.clauses).length)
    }
  })

  it('numbers its headings from H1 down, never skipping a level', async () => {
    for (const [build, slug] of sources) {
      for (const edition of ['reading-a4', 'pamphlet-a5']) {
        const pdf = await getDocument({ data: new Uint8Array(await readFile(path.join((await built(build)).out, `${slug}-${edition}.pdf`))), verbosity: 0 }).promise
        const levels: number[] = []
        type Node = { role?: string; children?: Node[] }
        const walk = (node: Node) => {
          const level = /^H([1-6])$/.exec(node.role ?? '')?.[1]
          if (level) levels.push(Number(level))
          for (const child of node.children ?? []) walk(child)
        }
        for (let number = 1; number <= pdf.numPages; number++) walk((await (await pdf.getPage(number)).getStructTree()) as Node)
        await pdf.destroy()
        expect(levels[0], `${build} ${edition}`).toBe(1)
        const skips = levels.filter((level, index) => index > 0 && level > levels[index - 1] + 1)
        expect(skips, `${build} ${edition}: ${levels.join(' ')}`).toEqual([])
      }
    }
  })

  it('gives the pamphlet bookmarks: the title, every section, the signatories and who may sign', async () => {
    const made = await built('plain')
    const document = loadDocument(await readSource(made.source))!
    const outline = await pdfjsOutline(path.join(made.out, 'charter-pamphlet-a5.pdf'))
    const both = (parallel: Record<string, { text: string }>) => document.languages.map(({ lang }) => parallel[lang].text).join(' ')
    expect(outline[0]).toBe('2021 Hong Kong Charter 2021 香港約章')
    for (const section of document.sections) expect(outline).toContain(both(section.heading))
    expect(outline).toContain(both(document.criteria!.heading))
    expect(outline).toContain('Signatories 聯署名單')
  })

  it('tags the signing sheet of a usual roll as the reading edition is, and leaves one of over 1,000 names untagged', async () => {
    const sheet = path.join((await built('plain')).out, 'charter-signing-sheet-a4.pdf')
    const content = await markedContent(sheet)
    expect(content.untagged).toBe('')
    expect(content.tagged).toBeGreaterThan(300)
    expect(await xmp(sheet)).toContain('<pdfuaid:part>1</pdfuaid:part>')
    // Its table's IDs named by their order, not by Chromium's DOM node count, which changed from build to build.
    const objects = await tool('qpdf', ['--qdf', '--object-streams=disable', sheet, '-'])
    expect(objects).not.toMatch(/\(node\d+\)/)
    expect(objects).toMatch(/\/ID \(id-0001\)/)
    const long = path.join((await built('sheet-long')).out, 'charter-signing-sheet-a4.pdf')
    expect((await markedContent(long)).tagged).toBe(0)
    expect(await xmp(long)).not.toContain('pdfuaid')
  })

  it('says the booklet is for printing, not for reading on screen, and claims nothing of it', async () => {
    const file = path.join((await built('booklet')).out, 'charter-booklet-a4.pdf')
    const metadata = await xmp(file)
    expect(metadata).not.toContain('pdfuaid')
    expect(metadata).toContain('Booklet for saddle-stitch: for printing, folding and stapling, not for reading on screen (its pages are in folding order, untagged). To read it, open charter-pamphlet, the same pages in order.')
  })
})

describe('markArtifacts()', () => {
  const encode = (text: string) => new TextEncoder().encode(text)
  const decode = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined)

  it('wraps text, paintings and images outside marked content, and leaves tagged content and clipping paths as they were', () => {
    const stream = [
      'q 1 0 0 1 0 0 cm',
      '/P <</MCID 0>> BDC BT /F1 10 Tf (Tagged \\(text\\)) Tj ET EMC',
      'BT /F1 8 Tf [(Page) -250 (1)] TJ ET',
      '0 0 10 10 re W n',
      '0 0 100 2 re f',
      '/Im1 Do',
      '/P <</MCID 1>> BDC 0 0 5 5 re f EMC',
      'Q'
    ].join('\n')
    expect(decode(markArtifacts(encode(stream)))).toBe(
      [
        'q 1 0 0 1 0 0 cm',
        '/P <</MCID 0>> BDC BT /F1 10 Tf (Tagged \\(text\\)) Tj ET EMC',
        '/Artifact BMC\nBT /F1 8 Tf [(Page) -250 (1)] TJ ET\nEMC',
        '0 0 10 10 re W n',
        '/Artifact BMC\n0 0 100 2 re f\nEMC',
        '/Artifact BMC\n/Im1 Do\nEMC',
        '/P <</MCID 1>> BDC 0 0 5 5 re f EMC',
        'Q'
      ].join('\n')
    )
  })

  it('changes nothing when everything is tagged, and leaves alone a stream with an inline image', () => {
    expect(markArtifacts(encode('/P <</MCID 0>> BDC BT (a) Tj ET EMC'))).toBeUndefined()
    expect(markArtifacts(encode('BT (a) Tj ET BI /W 1 /H 1 ID x EI'))).toBeUndefined()
  })
})
