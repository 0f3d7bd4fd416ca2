/**
 * Reads a TrueType font's character map (code point to glyph) straight from its bytes:
 * fontkit would parse the whole 10 MB Chinese face to answer the same question.
 */

/** Unicode's last code point: nothing past it is a character. */
const lastCodePoint = 0x10ffff

/** Code point to glyph id, from the font's Unicode cmap subtable (format 12, else 4). */
export function readCmap(font: Uint8Array): Map<number, number> {
  const cmap = cmapTable(font)
  const view = new DataView(cmap.buffer, cmap.byteOffset, cmap.byteLength)
  const subtables: Array<{ platform: number; encoding: number; offset: number; format: number }> = []
  for (let index = 0; index < view.getUint16(2); index++) {
    const record = 4 + index * 8
    const offset = view.getUint32(record + 4)
    subtables.push({ platform: view.getUint16(record), encoding: view.getUint16(record + 2), offset, format: view.getUint16(offset) })
  }
  const full = subtables.find((table) => table.format === 12 && (table.platform === 0 || (table.platform === 3 && table.encoding === 10)))
  const basic = subtables.find((table) => table.format === 4 && (table.platform === 0 || (table.platform === 3 && table.encoding === 1)))
  const map = new Map<number, number>()
  if (full) {
    const groups = view.getUint32(full.offset + 12)
    for (let group = 0; group < groups; group++) {
      const at = full.offset + 16 + group * 12
      const [start, end, glyph] = [view.getUint32(at), Math.min(view.getUint32(at + 4), lastCodePoint), view.getUint32(at + 8)]
      // A group past Unicode's last code point (a broken or hostile font) would loop 4 billion times.
      for (let codePoint = start; codePoint <= end; codePoint++) map.set(codePoint, glyph + codePoint - start)
    }
  } else if (basic) {
    const at = basic.offset
    const segments = view.getUint16(at + 6) / 2
    const ends = at + 14
    const starts = ends + segments * 2 + 2
    const deltas = starts + segments * 2
    const ranges = deltas + segments * 2
    for (let segment = 0; segment < segments; segment++) {
      const [end, start] = [view.getUint16(ends + segment * 2), view.getUint16(starts + segment * 2)]
      const [delta, rangeOffset] = [view.getInt16(deltas + segment * 2), view.getUint16(ranges + segment * 2)]
      for (let codePoint = start; codePoint <= end && codePoint !== 0xffff; codePoint++) {
        let glyph: number
        if (rangeOffset === 0) glyph = (codePoint + delta) & 0xffff
        else {
          const raw = view.getUint16(ranges + segment * 2 + rangeOffset + (codePoint - start) * 2)
          glyph = raw === 0 ? 0 : (raw + delta) & 0xffff
        }
        if (glyph !== 0) map.set(codePoint, glyph)
      }
    }
  }
  return map
}

/** The bytes of the font's `cmap` table (TrueType or OpenType, not WOFF). */
function cmapTable(font: Uint8Array): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength)
  for (let index = 0; index < view.getUint16(4); index++) {
    const record = 12 + index * 16
    if (view.getUint32(record) === 0x636d6170) return font.subarray(view.getUint32(record + 8), view.getUint32(record + 8) + view.getUint32(record + 12))
  }
  throw new Error('The font has no cmap table')
}

/** A font's horizontal advances: glyph id to width in em (from its hhea, hmtx and head tables). */
export function readAdvances(font: Uint8Array): (glyph: number) => number {
  const table = (tag: string) => {
    const view = new DataView(font.buffer, font.byteOffset, font.byteLength)
    const wanted = [...tag].reduce((value, character) => (value << 8) | character.charCodeAt(0), 0) >>> 0
    for (let index = 0; index < view.getUint16(4); index++) {
      const record = 12 + index * 16
      if (view.getUint32(record) === wanted) {
        const offset = view.getUint32(record + 8)
        return new DataView(font.buffer, font.byteOffset + offset, view.getUint32(record + 12))
      }
    }
    throw new Error(`The font has no ${tag} table`)
  }
  const unitsPerEm = table('head').getUint16(18)
  const metrics = table('hhea').getUint16(34)
  const hmtx = table('hmtx')
  const last = metrics > 0 ? hmtx.getUint16((metrics - 1) * 4) : 0
  return (glyph) => (glyph < metrics ? hmtx.getUint16(glyph * 4) : last) / unitsPerEm
}
