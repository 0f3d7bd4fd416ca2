/**
 * Merges TrueType fonts cut from one source font (the unicode-range slices of one family
 * and weight, each already subset) into one font file. EPUB readers do not all honour
 * `unicode-range`, so an EPUB carries one file per face; the slices share their design
 * (same unitsPerEm, vertical metrics, hinting programs), so only the glyphs, their
 * advances and the character map need combining:
 *
 * - glyf/loca: glyph 0 (.notdef) of the first slice, then every other glyph of each slice,
 *   with composite glyphs' component ids renumbered; long loca offsets.
 * - hmtx: one full metric per glyph; cmap: format 4 (BMP) and format 12 (all).
 * - head, hhea, maxp, OS/2: from the first slice, with bounds, maxima and Unicode ranges
 *   recomputed over all slices; name, gasp, prep, fpgm, cvt: from the first slice;
 *   post: version 3 (no glyph names, which would no longer match the glyph order).
 * - Layout and vertical tables (GSUB, GPOS, GDEF, BASE, vhea, vmtx, ...) are dropped: their
 *   glyph ids belong to one slice. Horizontal Chinese text needs none of them.
 *
 * A single slice is returned unchanged, layout tables and all.
 */
import * as fontkit from 'fontkit'

/** Tables copied from the first slice as they are. */
const keptAsIs = ['name', 'gasp', 'prep', 'fpgm', 'cvt ']

/** One font file from `slices` (TrueType sfnt bytes of one source font); see the module comment. */
export function mergeFonts(slices: Uint8Array[]): Uint8Array {
  if (slices.length === 0) throw new Error('mergeFonts() needs at least one font: pass the subset slices of one face')
  if (slices.length === 1) return slices[0]
  const fonts = slices.map(readTables)
  const unitsPerEm = new Set(fonts.map((tables) => view(tables.get('head')!).getUint16(18)))
  if (unitsPerEm.size > 1) throw new Error('mergeFonts() was given fonts with different unitsPerEm: merge only slices of one font')

  const glyphs: Uint8Array[] = []
  const metrics: Array<[advance: number, lsb: number]> = []
  const cmap = new Map<number, number>()
  fonts.forEach((tables, index) => {
    const font = fontkit.create(Buffer.from(slices[index])) as fontkit.Font
    const first = index === 0 ? 0 : 1
    const base = glyphs.length - first
    const renumber = (id: number) => (id === 0 ? 0 : base + id)
    for (let id = first; id < font.numGlyphs; id++) {
      glyphs.push(renumberComponents(glyphData(tables, id), renumber))
      metrics.push(horizontalMetric(tables, id))
    }
    for (const codePoint of font.characterSet) {
      if (!cmap.has(codePoint)) cmap.set(codePoint, renumber(font.glyphForCodePoint(codePoint).id))
    }
  })

  const out = new Map<string, Uint8Array>()
  const { glyf, loca } = glyphTables(glyphs)
  out.set('glyf', glyf)
  out.set('loca', loca)
  out.set('hmtx', hmtxTable(metrics))
  out.set('cmap', cmapTable(cmap))
  out.set('head', headTable(fonts))
  out.set('hhea', hheaTable(fonts, metrics.length))
  out.set('maxp', maxpTable(fonts, glyphs.length))
  out.set('OS/2', os2Table(fonts, cmap))
  out.set('post', postTable(fonts[0].get('post')!))
  for (const tag of keptAsIs) if (fonts[0].has(tag)) out.set(tag, fonts[0].get(tag)!)
  return writeSfnt(out)
}

type Tables = Map<string, Uint8Array>

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

function readTables(bytes: Uint8Array): Tables {
  const data = view(bytes)
  if (data.getUint32(0) !== 0x00010000) throw new Error('mergeFonts() takes TrueType-outline fonts (subset with targetFormat "sfnt")')
  const tables: Tables = new Map()
  for (let index = 0; index < data.getUint16(4); index++) {
    const record = 12 + index * 16
    const tag = String.fromCharCode(...bytes.subarray(record, record + 4))
    const offset = data.getUint32(record + 8)
    tables.set(tag, bytes.slice(offset, offset + data.getUint32(record + 12)))
  }
  return tables
}

function glyphData(tables: Tables, id: number): Uint8Array {
  const long = view(tables.get('head')!).getInt16(50) === 1
  const loca = view(tables.get('loca')!)
  const at = (index: number) => (long ? loca.getUint32(index * 4) : loca.getUint16(index * 2) * 2)
  return tables.get('glyf')!.slice(at(id), at(id + 1))
}

/** Composite glyphs name their components by glyph id: give them their new ids. */
function renumberComponents(glyph: Uint8Array, renumber: (id: number) => number): Uint8Array {
  if (glyph.length === 0 || view(glyph).getInt16(0) >= 0) return glyph
  const data = view(glyph)
  let offset = 10
  for (;;) {
    const flags = data.getUint16(offset)
    data.setUint16(offset + 2, renumber(data.getUint16(offset + 2)))
    offset += 4 + (flags & 0x0001 ? 4 : 2)
    if (flags & 0x0008) offset += 2
    else if (flags & 0x0040) offset += 4
    else if (flags & 0x0080) offset += 8
    if (!(flags & 0x0020)) return glyph
  }
}

function horizontalMetric(tables: Tables, id: number): [number, number] {
  const count = view(tables.get('hhea')!).getUint16(34)
  const hmtx = view(tables.get('hmtx')!)
  if (id < count) return [hmtx.getUint16(id * 4), hmtx.getInt16(id * 4 + 2)]
  return [hmtx.getUint16((count - 1) * 4), hmtx.getInt16(count * 4 + (id - count) * 2)]
}

function glyphTables(glyphs: Uint8Array[]) {
  const padded = glyphs.map((glyph) => (glyph.length + 3) & ~3)
  const glyf = new Uint8Array(padded.reduce((sum, length) => sum + length, 0))
  const loca = new Uint8Array((glyphs.length + 1) * 4)
  let offset = 0
  glyphs.forEach((glyph, index) => {
    view(loca).setUint32(index * 4, offset)
    glyf.set(glyph, offset)
    offset += padded[index]
  })
  view(loca).setUint32(glyphs.length * 4, offset)
  return { glyf, loca }
}

function hmtxTable(metrics: Array<[number, number]>): Uint8Array {
  const table = new Uint8Array(metrics.length * 4)
  metrics.forEach(([advance, lsb], index) => {
    view(table).setUint16(index * 4, advance)
    view(table).setInt16(index * 4 + 2, lsb)
  })
  return table
}

function cmapTable(map: Map<number, number>): Uint8Array {
  const pairs = [...map].sort((a, b) => a[0] - b[0])
  // Runs of consecutive characters with consecutive glyph ids become one segment or group.
  const runs: Array<{ start: number; end: number; glyph: number }> = []
  for (const [codePoint, glyph] of pairs) {
    const last = runs.at(-1)
    if (last && codePoint === last.end + 1 && glyph === last.glyph + (codePoint - last.start)) last.end = codePoint
    else runs.push({ start: codePoint, end: codePoint, glyph })
  }
  const bmp = runs.filter((run) => run.end <= 0xfffe)
  const segments = [...bmp, { start: 0xffff, end: 0xffff, glyph: 0 }]
  const count = segments.length
  const format4 = new Uint8Array(16 + count * 8)
  const f4 = view(format4)
  const searchRange = 2 ** Math.floor(Math.log2(count)) * 2
  ;[4, format4.length, 0, count * 2, searchRange, Math.log2(searchRange / 2), count * 2 - searchRange].forEach((value, index) =>
    f4.setUint16(index * 2, value)
  )
  segments.forEach((segment, index) => {
    f4.setUint16(14 + index * 2, segment.end)
    f4.setUint16(16 + count * 2 + index * 2, segment.start)
    f4.setUint16(16 + count * 4 + index * 2, segment.start === 0xffff ? 1 : (segment.glyph - segment.start + 0x10000) & 0xffff)
  })
  const format12 = new Uint8Array(16 + runs.length * 12)
  const f12 = view(format12)
  f12.setUint16(0, 12)
  f12.setUint32(4, format12.length)
  f12.setUint32(12, runs.length)
  runs.forEach((run, index) => {
    f12.setUint32(16 + index * 12, run.start)
    f12.setUint32(20 + index * 12, run.end)
    f12.setUint32(24 + index * 12, run.glyph)
  })
  const table = new Uint8Array(4 + 2 * 8 + format4.length + format12.length)
  const t = view(table)
  t.setUint16(2, 2)
  t.setUint16(4, 3), t.setUint16(6, 1), t.setUint32(8, 20)
  t.setUint16(12, 3), t.setUint16(14, 10), t.setUint32(16, 20 + format4.length)
  table.set(format4, 20)
  table.set(format12, 20 + format4.length)
  return table
}

/** Folds `field` (read and written as `type` at `offset`) of one table over all slices. */
function fold(fonts: Tables[], tag: string, fields: Array<[offset: number, type: 'u16' | 'i16' | 'u32', pick: (a: number, b: number) => number]>) {
  const table = fonts[0].get(tag)!.slice()
  for (const [offset, type, pick] of fields) {
    const read = (bytes: Uint8Array) =>
      type === 'u16' ? view(bytes).getUint16(offset) : type === 'i16' ? view(bytes).getInt16(offset) : view(bytes).getUint32(offset)
    const value = fonts.map((tables) => read(tables.get(tag)!)).reduce(pick)
    if (type === 'u16') view(table).setUint16(offset, value)
    else if (type === 'i16') view(table).setInt16(offset, value)
    else view(table).setUint32(offset, value >>> 0)
  }
  return table
}

function headTable(fonts: Tables[]): Uint8Array {
  const table = fold(fonts, 'head', [[36, 'i16', Math.min], [38, 'i16', Math.min], [40, 'i16', Math.max], [42, 'i16', Math.max]])
  view(table).setUint32(8, 0) // checkSumAdjustment: written by writeSfnt
  view(table).setInt16(50, 1) // long loca offsets
  return table
}

function hheaTable(fonts: Tables[], metrics: number): Uint8Array {
  const table = fold(fonts, 'hhea', [[10, 'u16', Math.max], [12, 'i16', Math.min], [14, 'i16', Math.min], [16, 'i16', Math.max]])
  view(table).setUint16(34, metrics)
  return table
}

function maxpTable(fonts: Tables[], numGlyphs: number): Uint8Array {
  const version1 = view(fonts[0].get('maxp')!).getUint32(0) === 0x00010000
  const maxima = version1 ? Array.from({ length: 13 }, (_, index): [number, 'u16', typeof Math.max] => [6 + index * 2, 'u16', Math.max]) : []
  const table = fold(fonts, 'maxp', maxima)
  view(table).setUint16(4, numGlyphs)
  return table
}

function os2Table(fonts: Tables[], cmap: Map<number, number>): Uint8Array {
  const or = (a: number, b: number) => (a | b) >>> 0
  const version = view(fonts[0].get('OS/2')!).getUint16(0)
  const table = fold(fonts, 'OS/2', [
    [42, 'u32', or], [46, 'u32', or], [50, 'u32', or], [54, 'u32', or],
    ...(version >= 1 ? ([[78, 'u32', or], [82, 'u32', or]] as const) : [])
  ] as Array<[number, 'u32', typeof or]>)
  const codePoints = [...cmap.keys()]
  view(table).setUint16(64, Math.min(0xffff, Math.min(...codePoints)))
  view(table).setUint16(66, Math.min(0xffff, Math.max(...codePoints)))
  return table
}

function postTable(post: Uint8Array): Uint8Array {
  const table = post.slice(0, 32)
  view(table).setUint32(0, 0x00030000)
  return table
}

function checksum(bytes: Uint8Array): number {
  const padded = new Uint8Array((bytes.length + 3) & ~3)
  padded.set(bytes)
  let sum = 0
  for (let offset = 0; offset < padded.length; offset += 4) sum = (sum + view(padded).getUint32(offset)) >>> 0
  return sum
}

function writeSfnt(tables: Tables): Uint8Array {
  const tags = [...tables.keys()].sort()
  const headerLength = 12 + tags.length * 16
  const length = tags.reduce((sum, tag) => sum + ((tables.get(tag)!.length + 3) & ~3), headerLength)
  const font = new Uint8Array(length)
  const data = view(font)
  const searchRange = 2 ** Math.floor(Math.log2(tags.length)) * 16
  data.setUint32(0, 0x00010000)
  data.setUint16(4, tags.length)
  data.setUint16(6, searchRange)
  data.setUint16(8, Math.log2(searchRange / 16))
  data.setUint16(10, tags.length * 16 - searchRange)
  let offset = headerLength
  tags.forEach((tag, index) => {
    const table = tables.get(tag)!
    const record = 12 + index * 16
    font.set(Array.from(tag, (character) => character.charCodeAt(0)), record)
    data.setUint32(record + 4, checksum(table))
    data.setUint32(record + 8, offset)
    data.setUint32(record + 12, table.length)
    font.set(table, offset)
    if (tag === 'head') tables.set('head', font.subarray(offset, offset + table.length))
    offset += (table.length + 3) & ~3
  })
  const head = tables.get('head')!
  view(head).setUint32(8, (0xb1b0afba - checksum(font)) >>> 0)
  return font
}
