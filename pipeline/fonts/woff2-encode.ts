/**
 * Wraps a TrueType font (sfnt) as WOFF2 with the "null" transform: every table as it
 * is, all of them in one Brotli stream made by Node's own zlib. The WebAssembly encoder
 * that subset-font uses also rewrites the glyph table first; that saves a little more, but
 * took 1.3 s of a 4 s build for the web edition's fonts; this takes ~40 ms (Brotli quality 5:
 * quality 9 made the files 1% smaller for ten times the time).
 *
 * @example
 *   const woff2 = encodeWoff2(await subsetFont(ttf, 'text', { targetFormat: 'sfnt' }))
 */
import { brotliCompressSync, constants } from 'node:zlib'

/** The WOFF2 "known tags": a table's index here stands in for its four-letter tag. */
const knownTags = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT',
  'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH',
  'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar',
  'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill'
]

/** Thrown when the input is not a single TrueType or OpenType font. */
export class NotAnSfntError extends Error {
  override name = 'NotAnSfntError'
  constructor() {
    super('encodeWoff2() takes an sfnt font (TrueType or OpenType bytes); subset with targetFormat "sfnt" first')
  }
}

interface Table {
  tag: string
  data: Uint8Array
}

/** The WOFF2 bytes of `sfnt`. Deterministic: the same font gives the same bytes. */
export function encodeWoff2(sfnt: Uint8Array): Uint8Array {
  const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength)
  const flavor = view.getUint32(0)
  if (flavor !== 0x00010000 && flavor !== 0x4f54544f && flavor !== 0x74727565) throw new NotAnSfntError()
  const count = view.getUint16(4)
  const tables: Table[] = []
  for (let index = 0; index < count; index++) {
    const record = 12 + index * 16
    const tag = String.fromCharCode(...sfnt.subarray(record, record + 4))
    const offset = view.getUint32(record + 8)
    const length = view.getUint32(record + 12)
    if (tag !== 'DSIG') tables.push({ tag, data: sfnt.subarray(offset, offset + length) })
  }
  tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0))

  const directory = tables.flatMap(({ tag, data }) => {
    const known = knownTags.indexOf(tag)
    // glyf and loca say "null transform" with version 3; for every other table it is 0.
    const transform = tag === 'glyf' || tag === 'loca' ? 3 << 6 : 0
    const flags = [(known === -1 ? 63 : known) | transform]
    const tagBytes = known === -1 ? Array.from(tag, (character) => character.charCodeAt(0)) : []
    return [...flags, ...tagBytes, ...base128(data.length)]
  })
  const stream = concat(tables.map((table) => table.data))
  const compressed = brotliCompressSync(stream, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_FONT,
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_SIZE_HINT]: stream.length
    }
  })
  const sfntSize = 12 + 16 * tables.length + tables.reduce((sum, table) => sum + pad4(table.data.length), 0)
  const headerSize = 48
  const length = pad4(headerSize + directory.length + compressed.length)

  const out = new Uint8Array(length)
  const header = new DataView(out.buffer)
  header.setUint32(0, 0x774f4632) // 'wOF2'
  header.setUint32(4, flavor)
  header.setUint32(8, length)
  header.setUint16(12, tables.length)
  header.setUint32(16, sfntSize)
  header.setUint32(20, compressed.length)
  header.setUint16(24, 1) // version 1.0 of this file (any value; kept fixed for same bytes)
  out.set(directory, headerSize)
  out.set(compressed, headerSize + directory.length)
  return out
}

/** UIntBase128: seven bits a byte, most significant first, high bit set on all but the last. */
function base128(value: number): number[] {
  const bytes = [value & 0x7f]
  for (let rest = value >>> 7; rest > 0; rest >>>= 7) bytes.unshift((rest & 0x7f) | 0x80)
  return bytes
}

function pad4(length: number): number {
  return (length + 3) & ~3
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}
