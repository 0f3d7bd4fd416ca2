/**
 * A publication's own fonts (`fonts:` in publication.yaml, files in the source folder's
 * fonts/): TrueType files for characters no font of the project has, a rare character in a
 * name, say. They fill in after the project's fonts, as the fallback family does. Each is
 * checked before a browser sees it: a regular file, TrueType outlines (a CFF font prints as
 * Type 3), a character map that reads.
 */
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import path from 'node:path'
import type { VFile } from 'vfile'
import { readCmap } from '../fonts/font-cmap.js'
import { familySlug, fontSet, type FontFace } from '../fonts/fonts.js'
import type { Publication } from './publication-schema.js'
import { fail, placeOfPath } from './yaml-data.js'

/** A font file larger than this is not a font for a few names (a whole pan-CJK TrueType font is about 30 MB). */
const maxFontBytes = 64 * 1024 * 1024

/** Reads the publication's own fonts; problems are messages on publication.yaml at the font's line. */
export async function readOwnFonts(folder: string, publication: Publication, publicationFile: VFile): Promise<FontFace[]> {
  const faces: FontFace[] = []
  const projectFamilies = new Set(fontSet().families.map((family) => family.family.toLowerCase()))
  for (const [index, entry] of publication.fonts.entries()) {
    const place = placeOfPath(String(publicationFile.value), ['fonts', index, 'file'])
    const refuse = (reason: string) => fail(publicationFile, `Cannot use the font ${entry.file}: ${reason}`, place, 'own-font')
    const family = path.basename(entry.file, '.ttf')
    if (projectFamilies.has(family.toLowerCase()) || faces.some((face) => face.family.toLowerCase() === family.toLowerCase())) {
      refuse(`a font called ${family} is already used: rename the file`)
      continue
    }
    const bytes = await readFontFile(path.join(folder, entry.file))
    if (typeof bytes === 'string') {
      refuse(bytes)
      continue
    }
    const problem = trueTypeProblem(bytes)
    if (problem) {
      refuse(problem)
      continue
    }
    faces.push({ family, scripts: [], fallback: false, weight: 400, style: 'normal', file: entry.file, bytes, format: 'truetype', slug: `own-${familySlug(family)}` })
  }
  return faces
}

async function readFontFile(absolute: string): Promise<Uint8Array | string> {
  let handle
  try {
    handle = await open(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT' ? 'there is no such file in the source folder: put the .ttf file in its fonts/ folder' : `it cannot be read (${code})`
  }
  try {
    const info = await handle.stat()
    if (!info.isFile()) return 'it is not a regular file'
    if (info.size > maxFontBytes) return `it is too large (${info.size} bytes; at most ${maxFontBytes})`
    const buffer = await handle.readFile()
    if (buffer.length > maxFontBytes) return `it is too large (at most ${maxFontBytes} bytes)`
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  } finally {
    await handle.close()
  }
}

/** Why `bytes` is not a TrueType font the build can use, or undefined. */
function trueTypeProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length < 12) return 'it is not a font file'
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const tag = view.getUint32(0)
  const ascii = String.fromCharCode(...bytes.subarray(0, 4))
  if (ascii === 'OTTO') return 'it has PostScript (CFF) outlines, which Chromium prints as Type 3 fonts (blurred print, text that does not copy): use a TrueType version (.ttf with glyf outlines)'
  if (ascii === 'ttcf') return 'it is a font collection (several fonts in one file): use a single .ttf'
  if (ascii === 'wOFF' || ascii === 'wOF2') return 'it is a web font (WOFF): use the TrueType (.ttf) file'
  if (tag !== 0x00010000 && ascii !== 'true') return 'it is not a TrueType font'
  const tables = new Set<string>()
  const count = view.getUint16(4)
  if (12 + count * 16 > bytes.length) return 'the file is damaged (its table directory is cut short)'
  for (let index = 0; index < count; index++) {
    const record = 12 + index * 16
    const name = String.fromCharCode(...bytes.subarray(record, record + 4))
    const offset = view.getUint32(record + 8)
    const length = view.getUint32(record + 12)
    if (offset + length > bytes.length) return `the file is damaged (its ${name.trim()} table runs past its end)`
    tables.add(name)
  }
  if (!tables.has('glyf')) return 'it has no TrueType outlines (no glyf table)'
  try {
    if (readCmap(bytes).size === 0) return 'it maps no characters'
  } catch {
    return 'its character map cannot be read'
  }
  return undefined
}
