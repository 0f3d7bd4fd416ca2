/** readCmap() gives the same code point to glyph map as fontkit, for WOFF2 and TrueType files. */
import { readFile } from 'node:fs/promises'
import * as fontkit from 'fontkit'
import { describe, expect, it } from 'vitest'
import { readCmap } from '../pipeline/font-cmap.js'
import { aliasedCodePoints } from '../pipeline/font-dealias.js'
import { subsetFaces } from '../pipeline/font-subset.js'
import { loadFonts } from '../pipeline/fonts.js'

/** fontkit's map, without the U+FFFF it reports for the format 4 table's closing segment. */
function fontkitMap(bytes: Uint8Array): Map<number, number> {
  const font = fontkit.create(Buffer.from(bytes)) as fontkit.Font
  return new Map(font.characterSet.filter((codePoint) => codePoint !== 0xffff).map((codePoint) => [codePoint, font.glyphForCodePoint(codePoint).id]))
}

describe('readCmap()', () => {
  it('reads every WOFF2 file of the project’s regular weight as fontkit does', async () => {
    const fonts = await loadFonts()
    const faces = fonts.faces.filter((face) => face.weight === 400)
    expect(faces.length).toBeGreaterThan(100)
    for (const face of faces) {
      const bytes = await readFile(face.file)
      expect(readCmap(bytes), face.url).toEqual(fontkitMap(bytes))
    }
  })

  it('reads TrueType (sfnt) subsets too', async () => {
    const fonts = await loadFonts()
    const [subset] = await subsetFaces(fonts, '香港約章', 'sfnt', fonts.faces.filter((face) => face.role === 'han' && face.weight === 700))
    expect(readCmap(subset.bytes)).toEqual(fontkitMap(subset.bytes))
  })
})

describe('aliasedCodePoints()', () => {
  it('drops the rarer twin of a shared glyph: ʼ (U+02BC) for ’ (U+2019), ⾃ for 自', () => {
    expect(aliasedCodePoints(new Map([[0x2019, 7], [0x02bc, 7], [0x41, 8]]))).toEqual([0x02bc])
    expect(aliasedCodePoints(new Map([[0x2f83, 9], [0x81ea, 9]]))).toEqual([0x2f83])
  })
})
