/** WOFF2 with the null transform, made with Node's own Brotli: fontkit reads back every glyph. */
import * as fontkit from 'fontkit'
import subsetFont from 'subset-font'
import { describe, expect, it } from 'vitest'
import { faceBytes, loadFonts } from '../pipeline/fonts/fonts.js'
import { encodeWoff2, NotAnSfntError } from '../pipeline/fonts/woff2-encode.js'

describe('encodeWoff2()', () => {
  it('wraps a subset font so that its glyphs, outlines and advances read back the same', async () => {
    const fonts = await loadFonts()
    const face = fonts.faces.find((candidate) => candidate.family === 'Noto Serif HK')!
    const text = '港香約章'
    const sfnt = new Uint8Array(await subsetFont(Buffer.from(await faceBytes(face)), text, { targetFormat: 'sfnt' }))
    const woff2 = encodeWoff2(sfnt)
    expect(Buffer.from(woff2.subarray(0, 4)).toString('latin1')).toBe('wOF2')
    expect(woff2.length % 4).toBe(0)
    expect(woff2.length).toBeLessThan(sfnt.length)
    const original = fontkit.create(Buffer.from(sfnt)) as fontkit.Font
    const wrapped = fontkit.create(Buffer.from(woff2)) as fontkit.Font
    expect(wrapped.numGlyphs).toBe(original.numGlyphs)
    for (const character of text) {
      const codePoint = character.codePointAt(0)!
      expect(wrapped.glyphForCodePoint(codePoint).path.toSVG()).toBe(original.glyphForCodePoint(codePoint).path.toSVG())
      expect(wrapped.glyphForCodePoint(codePoint).advanceWidth).toBe(original.glyphForCodePoint(codePoint).advanceWidth)
    }
    expect(encodeWoff2(sfnt)).toEqual(woff2)
  })

  it('throws NotAnSfntError for anything but TrueType or OpenType bytes', async () => {
    expect(() => encodeWoff2(new TextEncoder().encode('wOF2 not a font at all'))).toThrow(NotAnSfntError)
  })
})
