/**
 * mergeFonts() on real slices of Noto Serif HK (subset by HarfBuzz from the fontsource
 * files): one font whose every character has the same outline and advance as in its slice.
 */
import * as fontkit from 'fontkit'
import { describe, expect, it } from 'vitest'
import { mergeFonts } from '../pipeline/font-merge.js'
import { subsetFaces } from '../pipeline/font-subset.js'
import { loadFonts } from '../pipeline/fonts.js'

const open = (bytes: Uint8Array) => fontkit.create(Buffer.from(bytes)) as fontkit.Font

describe('mergeFonts()', () => {
  it('merges slices into one font with every character drawn as in its slice', async () => {
    const fonts = await loadFonts()
    const faces = fonts.faces.filter((face) => face.family === 'Noto Serif HK' && face.weight === 400)
    const text = '香港約章，自由民主「光復」ABC 123'
    const slices = await subsetFaces(fonts, text, 'sfnt', faces, { keepFeatures: [] })
    expect(slices.length).toBeGreaterThan(2)
    const merged = open(mergeFonts(slices.map((slice) => slice.bytes)))
    expect(merged.numGlyphs).toBe(1 + slices.reduce((sum, slice) => sum + open(slice.bytes).numGlyphs - 1, 0))
    for (const slice of slices) {
      const source = open(slice.bytes)
      for (const codePoint of slice.codePoints.filter((codePoint) => codePoint > 32)) {
        const [before, after] = [source.glyphForCodePoint(codePoint), merged.glyphForCodePoint(codePoint)]
        expect(after.id, String.fromCodePoint(codePoint)).not.toBe(0)
        expect(after.path.toSVG()).toBe(before.path.toSVG())
        expect(after.advanceWidth).toBe(before.advanceWidth)
      }
    }
    expect(merged.unitsPerEm).toBe(open(slices[0].bytes).unitsPerEm)
    expect(merged.familyName).toBe(open(slices[0].bytes).familyName)
    expect(Object.keys(merged.directory.tables)).not.toContain('GSUB')
  })

  it('returns a single slice as it is, layout tables and all', async () => {
    const fonts = await loadFonts()
    const [slice] = await subsetFaces(fonts, 'Charter', 'sfnt', fonts.faces.filter((face) => face.role === 'latin' && face.weight === 400))
    expect(mergeFonts([slice.bytes])).toBe(slice.bytes)
  })

  it('throws, naming the fix, when given no font or a font that is not TrueType', () => {
    expect(() => mergeFonts([])).toThrow('mergeFonts() needs at least one font')
    const notTrueType = new Uint8Array([0x77, 0x4f, 0x46, 0x32, ...new Array(60).fill(0)])
    expect(() => mergeFonts([notTrueType, notTrueType])).toThrow('mergeFonts() takes TrueType-outline fonts')
  })
})
