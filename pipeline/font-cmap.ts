/**
 * Reads a font's character map (code point to glyph) straight from its bytes, WOFF2 or
 * TrueType. WOFF2's Brotli stream is opened with Node's own zlib: fontkit decodes it in
 * JavaScript, which cost a build 0.3 s for the glyph-coverage check and the alias check.
 */
import { brotliDecompressSync } from 'node:zlib'

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
      const [start, end, glyph] = [view.getUint32(at), view.getUint32(at + 4), view.getUint32(at + 8)]
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

/** The bytes of the font's `cmap` table. */
function cmapTable(font: Uint8Array): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength)
  if (view.getUint32(0) !== 0x774f4632) {
    for (let index = 0; index < view.getUint16(4); index++) {
      const record = 12 + index * 16
      if (view.getUint32(record) === 0x636d6170) return font.subarray(view.getUint32(record + 8), view.getUint32(record + 8) + view.getUint32(record + 12))
    }
    throw new Error('The font has no cmap table')
  }
  // WOFF2: walk the table directory to the cmap's place in the one compressed stream.
  const count = view.getUint16(12)
  let at = 48
  let streamOffset = 0
  let cmap: { offset: number; length: number } | undefined
  const base128 = () => {
    let value = 0
    for (;;) {
      const byte = font[at++]
      value = value * 128 + (byte & 0x7f)
      if (!(byte & 0x80)) return value
    }
  }
  for (let index = 0; index < count; index++) {
    const flags = font[at++]
    const known = flags & 0x3f
    const tag = known === 63 ? view.getUint32((at += 4) - 4) : known
    const transform = flags >> 6
    const length = base128()
    // glyf and loca are transformed unless their version is 3; other tables unless it is 0.
    const transformed = known === 10 || known === 11 ? transform !== 3 : transform !== 0
    const stored = transformed ? base128() : length
    if (tag === 0) cmap = { offset: streamOffset, length }
    streamOffset += stored
  }
  if (!cmap) throw new Error('The font has no cmap table')
  const stream = brotliDecompressSync(font.subarray(at, at + view.getUint32(20)))
  return stream.subarray(cmap.offset, cmap.offset + cmap.length)
}
