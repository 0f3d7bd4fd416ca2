/**
 * The project's fonts and the build's subsets of them: the character maps read natively,
 * every page's characters covered, the layout features kept, one code point per glyph in
 * the Latin face, and nothing in a cut that its text does not use.
 */
import * as fontkit from 'fontkit'
import { describe, expect, it } from 'vitest'
import { readCmap } from '../pipeline/fonts/font-cmap.js'
import { aliasedCodePoints } from '../pipeline/fonts/font-dealias.js'
import { fontStacks, type StackLanguage } from '../pipeline/fonts/font-stacks.js'
import { BuildFonts, type FontText } from '../pipeline/fonts/font-subset.js'
import { faceBytes, loadFonts } from '../pipeline/fonts/fonts.js'

const charterLanguages: StackLanguage[] = [{ lang: 'en', script: 'Latn' }, { lang: 'zh-Hant-HK', script: 'Hant' }]

/** The build's fonts for `texts` (a string: in no one language), with the charter's two languages unless told. */
async function buildFonts(texts: FontText[] | string, languages = charterLanguages): Promise<BuildFonts> {
  const fonts = await loadFonts()
  return new BuildFonts(fonts, fontStacks(fonts, languages), typeof texts === 'string' ? [{ lang: undefined, text: texts }] : texts)
}

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
  it('are a family per script in static TrueType, whose faces map the same characters, and a fallback in slices', async () => {
    const fonts = await loadFonts()
    const whole = fonts.faces.filter((face) => !face.fallback)
    expect(whole.map((face) => face.slug)).toEqual([
      'source-serif-4-400', 'source-serif-4-700', 'source-serif-4-400-italic', 'source-serif-4-700-italic',
      'noto-serif-hk-400', 'noto-serif-hk-700', 'noto-serif-jp-400', 'noto-serif-jp-700'
    ])
    expect(fonts.families.map(({ family, scripts }) => [family, scripts.join(' ')])).toEqual([
      ['Source Serif 4', 'Latn Grek Cyrl'], ['Noto Serif HK', 'Hant'], ['Noto Serif JP', 'Jpan'], ['HanaMin', '']
    ])
    for (const face of whole) expect(Buffer.from((await faceBytes(face)).subarray(0, 4)).toString('hex'), face.slug).toBe('00010000')
    for (const family of ['Source Serif 4', 'Noto Serif HK', 'Noto Serif JP']) {
      const maps = await Promise.all(whole.filter((face) => face.family === family).map(async (face) => [...readCmap(await faceBytes(face)).keys()]))
      for (const map of maps.slice(1)) expect(map, family).toEqual(maps[0])
    }
    // The fallback: TrueType outlines in WOFF2 slices, one per block of CJK Extensions A to F.
    const slices = fonts.faces.filter((face) => face.fallback)
    expect(slices.length).toBeGreaterThan(60)
    const extensionB = slices.find((face) => face.ranges!.some(([start, end]) => start <= 0x20bb7 && 0x20bb7 <= end))!
    const bytes = await faceBytes(extensionB)
    expect(Buffer.from(bytes.subarray(0, 4)).toString('hex')).toBe('00010000')
    expect(readCmap(bytes).has(0x20bb7)).toBe(true)
  })

  it('have character maps that readCmap() reads as fontkit does', async () => {
    const fonts = await loadFonts()
    for (const face of fonts.faces.filter((candidate) => candidate.weight === 400 && !candidate.fallback)) {
      const bytes = await faceBytes(face)
      expect(readCmap(bytes), face.slug).toEqual(fontkitMap(bytes))
    }
  })
})

describe('BuildFonts', () => {
  it('gives a page one TrueType file per face, holding the source’s characters and printable ASCII', async () => {
    const fonts = await buildFonts('香港約章 Charter')
    const page = await fonts.forPage('<p lang="en">Charter</p><p lang="zh-Hant-HK">香港約章</p>')
    expect([...page.assets.keys()]).toEqual([
      'fonts/source-serif-4-400.ttf', 'fonts/source-serif-4-700.ttf', 'fonts/source-serif-4-400-italic.ttf', 'fonts/source-serif-4-700-italic.ttf',
      'fonts/noto-serif-hk-400.ttf', 'fonts/noto-serif-hk-700.ttf'
    ])
    expect(page.css).toContain(`@font-face{font-family:'Noto Serif HK';font-style:normal;font-weight:700;font-display:block;src:url(fonts/noto-serif-hk-700.ttf) format('truetype')}`)
    const han = page.assets.get('fonts/noto-serif-hk-400.ttf') as Uint8Array
    expect(mapped(han, '香港約章~龍')).toBe('香港約章~')
  })

  it('gives a page with a character beyond the build’s subset files that add it, named by what they add', async () => {
    const fonts = await buildFonts('香港')
    const page = await fonts.forPage('<p>香港龍</p><style>/* 鳳 is in a comment: never drawn */</style>')
    expect([...page.assets.keys()]).toContain('fonts/noto-serif-hk-400-9f8d.ttf')
    expect(mapped(page.assets.get('fonts/noto-serif-hk-400-9f8d.ttf') as Uint8Array, '香港龍鳳')).toBe('香港龍')
    const plain = await fonts.forPage('<p>香港</p>')
    expect(mapped(plain.assets.get('fonts/noto-serif-hk-400.ttf') as Uint8Array, '香港龍鳳')).toBe('香港')
  })

  it('keeps the layout features browsers apply, kerning and CJK punctuation spacing among them', async () => {
    const fonts = await buildFonts('「和平主義者」，而是 AVAST Type')
    const [latin, han] = await fonts.cut('「和平主義者」，而是 AVAST Type', fonts.faces.filter((face) => face.weight === 400 && face.style === 'normal'))
    const features = (bytes: Uint8Array) => new Set(open(bytes).GPOS.featureList.map((feature: { tag: string }) => feature.tag))
    expect(features(latin.bytes).has('kern')).toBe(true)
    for (const tag of ['halt', 'chws']) expect(features(han.bytes).has(tag), tag).toBe(true)
  })

  it('cuts a book’s fonts to exactly its characters, leaving out a face that maps none', async () => {
    const fonts = await buildFonts('Charter 香港約章')
    const latin = fonts.faces.filter((face) => face.family === 'Source Serif 4' && face.style === 'normal')
    const cut = await fonts.cut('Charter', latin)
    expect(cut.map(({ face }) => face.slug)).toEqual(['source-serif-4-400', 'source-serif-4-700'])
    expect(characters(cut[0].bytes)).toBe('Caehrt')
    expect(await fonts.cut('香港', latin)).toEqual([])
    // The same text gives the same bytes.
    expect((await fonts.cut('Charter'))[0].bytes).toEqual(cut[0].bytes)
  })

  it('maps one code point per glyph in the Latin face: ’ without its twin ʼ', async () => {
    const fonts = await buildFonts('Party’s Partyʼs')
    const page = await fonts.forPage('Party’s Partyʼs')
    expect(mapped(page.assets.get('fonts/source-serif-4-400.ttf') as Uint8Array, '’ʼ')).toBe('’')
  })
})

describe('font stacks and the fallback', () => {
  it('give each language its own family first, by its script', async () => {
    const fonts = await loadFonts()
    const stacks = fontStacks(fonts, [{ lang: 'fr', script: 'Latn' }, { lang: 'zh-Hant-HK', script: 'Hant' }, { lang: 'ja', script: 'Jpan' }])
    expect(stacks.of('fr')).toEqual(['Source Serif 4', 'Noto Serif HK', 'Noto Serif JP', 'HanaMin'])
    expect(stacks.of('zh-Hant-HK')).toEqual(['Noto Serif HK', 'Source Serif 4', 'HanaMin'])
    expect(stacks.of('ja')).toEqual(['Noto Serif JP', 'Source Serif 4', 'HanaMin'])
    // A tag the publication does not list (a name's) by its script.
    expect(stacks.of('yue')).toEqual(['Noto Serif HK', 'Source Serif 4', 'HanaMin'])
    expect(stacks.all).toEqual(['Source Serif 4', 'Noto Serif HK', 'Noto Serif JP', 'HanaMin'])
  })

  it('draw only what the language’s own family lacks from the fallback, in a slice that names its characters', async () => {
    // 𠮷 (U+20BB7) is not in Noto Serif HK; 陳 and 文 are.
    const fonts = await buildFonts([{ lang: 'zh-Hant-HK', text: '陳𠮷文' }])
    const page = await fonts.forPage('<p lang="zh-Hant-HK">陳𠮷文</p>')
    const slices = [...page.assets.keys()].filter((file) => file.includes('hanamin'))
    expect(slices).toEqual(['fonts/hanamin-cjk-unified-ideographs-extension-b-03.ttf'])
    expect(mapped(page.assets.get(slices[0])!, '陳𠮷文')).toBe('𠮷')
    expect(mapped(page.assets.get('fonts/noto-serif-hk-400.ttf')!, '陳𠮷文')).toBe('陳文')
    expect(page.css).toContain("font-family:'HanaMin';font-style:normal;font-weight:400;font-display:block;src:url(fonts/hanamin-cjk-unified-ideographs-extension-b-03.ttf) format('truetype');unicode-range:U+20BB7}")
    // Text the HK family covers needs no fallback at all.
    const plain = await buildFonts([{ lang: 'zh-Hant-HK', text: '陳文' }])
    expect([...(await plain.forPage('<p>陳文</p>')).assets.keys()].some((file) => file.includes('hanamin'))).toBe(false)
  })
})

describe('aliasedCodePoints()', () => {
  it('drops the rarer twin of a shared glyph: ʼ (U+02BC) for ’ (U+2019), ⾃ for 自', () => {
    expect(aliasedCodePoints(new Map([[0x2019, 7], [0x02bc, 7], [0x41, 8]]))).toEqual([0x02bc])
    expect(aliasedCodePoints(new Map([[0x2f83, 9], [0x81ea, 9]]))).toEqual([0x2f83])
  })
})
