/**
 * The project's fonts and the build's subsets of them: the character maps read natively,
 * every page's characters covered, the layout features kept, one code point per glyph in
 * the Latin face, and nothing in a cut that its text does not use.
 */
import * as fontkit from 'fontkit'
import { describe, expect, it } from 'vitest'
import { readCmap } from '../pipeline/fonts/font-cmap.js'
import { aliasedCodePoints } from '../pipeline/fonts/font-dealias.js'
import { BuildFonts } from '../pipeline/fonts/font-subset.js'
import { faceBytes, loadFonts } from '../pipeline/fonts/fonts.js'

/** fontkit's map, without the U+FFFF it reports for the format 4 table's closing segment. */
function fontkitMap(bytes: Uint8Array): Map<number, number> {
  const font = open(bytes)
  return new Map(font.characterSet.filter((codePoint) => codePoint !== 0xffff).map((codePoint) => [codePoint, font.glyphForCodePoint(codePoint).id]))
}

const open = (bytes: Uint8Array) => fontkit.create(Buffer.from(bytes)) as fontkit.Font
const characters = (bytes: Uint8Array) => [...readCmap(bytes).keys()].map((codePoint) => String.fromCodePoint(codePoint)).join('')
/** The characters of `text` that the font maps, in order. */
const mapped = (bytes: Uint8Array, text: string) => Array.from(text).filter((character) => readCmap(bytes).has(character.codePointAt(0)!)).join('')

describe('the project’s fonts', () => {
  it('are two families in two weights, static TrueType, whose weights map the same characters', async () => {
    const fonts = await loadFonts()
    expect(fonts.faces.map((face) => face.slug)).toEqual(['source-serif-4-400', 'source-serif-4-700', 'noto-serif-hk-400', 'noto-serif-hk-700'])
    const maps = await Promise.all(fonts.faces.map(async (face) => readCmap(await faceBytes(face))))
    for (const face of fonts.faces) expect(Buffer.from((await faceBytes(face)).subarray(0, 4)).toString('hex'), face.slug).toBe('00010000')
    expect([...maps[1].keys()]).toEqual([...maps[0].keys()])
    expect([...maps[3].keys()]).toEqual([...maps[2].keys()])
  })

  it('have character maps that readCmap() reads as fontkit does', async () => {
    const fonts = await loadFonts()
    for (const face of fonts.faces.filter((candidate) => candidate.weight === 400)) {
      const bytes = await faceBytes(face)
      expect(readCmap(bytes), face.slug).toEqual(fontkitMap(bytes))
    }
  })
})

describe('BuildFonts', () => {
  it('gives a page one TrueType file per face, holding the source’s characters and printable ASCII', async () => {
    const fonts = new BuildFonts(await loadFonts(), '香港約章 Charter')
    const page = await fonts.forPage('<p lang="en">Charter</p><p lang="zh-Hant-HK">香港約章</p>')
    expect([...page.assets.keys()]).toEqual(['fonts/source-serif-4-400.ttf', 'fonts/source-serif-4-700.ttf', 'fonts/noto-serif-hk-400.ttf', 'fonts/noto-serif-hk-700.ttf'])
    expect(page.css).toContain(`@font-face{font-family:'Noto Serif HK';font-style:normal;font-weight:700;font-display:block;src:url(fonts/noto-serif-hk-700.ttf) format('truetype')}`)
    const han = page.assets.get('fonts/noto-serif-hk-400.ttf') as Uint8Array
    expect(mapped(han, '香港約章~龍')).toBe('香港約章~')
  })

  it('gives a page with a character beyond the build’s subset files that add it, named by what they add', async () => {
    const fonts = new BuildFonts(await loadFonts(), '香港')
    const page = await fonts.forPage('<p>香港龍</p><style>/* 鳳 is in a comment: never drawn */</style>')
    expect([...page.assets.keys()]).toContain('fonts/noto-serif-hk-400-9f8d.ttf')
    expect(mapped(page.assets.get('fonts/noto-serif-hk-400-9f8d.ttf') as Uint8Array, '香港龍鳳')).toBe('香港龍')
    const plain = await fonts.forPage('<p>香港</p>')
    expect(mapped(plain.assets.get('fonts/noto-serif-hk-400.ttf') as Uint8Array, '香港龍鳳')).toBe('香港')
  })

  it('keeps the layout features browsers apply, kerning and CJK punctuation spacing among them', async () => {
    const fonts = new BuildFonts(await loadFonts(), '「和平主義者」，而是 AVAST Type')
    const [latin, han] = await fonts.cut('「和平主義者」，而是 AVAST Type', fonts.faces.filter((face) => face.weight === 400))
    const features = (bytes: Uint8Array) => new Set(open(bytes).GPOS.featureList.map((feature: { tag: string }) => feature.tag))
    expect(features(latin.bytes).has('kern')).toBe(true)
    for (const tag of ['halt', 'chws']) expect(features(han.bytes).has(tag), tag).toBe(true)
  })

  it('cuts a book’s fonts to exactly its characters, leaving out a face that maps none', async () => {
    const fonts = new BuildFonts(await loadFonts(), 'Charter 香港約章')
    const cut = await fonts.cut('Charter', fonts.faces.filter((face) => face.role === 'latin'))
    expect(cut.map(({ face }) => face.slug)).toEqual(['source-serif-4-400', 'source-serif-4-700'])
    expect(characters(cut[0].bytes)).toBe('Caehrt')
    expect(await fonts.cut('香港', fonts.faces.filter((face) => face.role === 'latin'))).toEqual([])
    // The same text gives the same bytes.
    expect((await fonts.cut('Charter'))[0].bytes).toEqual(cut[0].bytes)
  })

  it('maps one code point per glyph in the Latin face: ’ without its twin ʼ', async () => {
    const fonts = new BuildFonts(await loadFonts(), 'Party’s Partyʼs')
    const page = await fonts.forPage('Party’s Partyʼs')
    expect(mapped(page.assets.get('fonts/source-serif-4-400.ttf') as Uint8Array, '’ʼ')).toBe('’')
  })
})

describe('aliasedCodePoints()', () => {
  it('drops the rarer twin of a shared glyph: ʼ (U+02BC) for ’ (U+2019), ⾃ for 自', () => {
    expect(aliasedCodePoints(new Map([[0x2019, 7], [0x02bc, 7], [0x41, 8]]))).toEqual([0x02bc])
    expect(aliasedCodePoints(new Map([[0x2f83, 9], [0x81ea, 9]]))).toEqual([0x2f83])
  })
})
