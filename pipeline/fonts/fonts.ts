/**
 * The project's fonts, as listed in fonts/fonts.json: for each family the scripts it sets
 * and one static TrueType file per weight and style from a pinned npm package, with all its
 * layout features; and a fallback family, in slices by Unicode block, that draws only what
 * the others lack (CJK Extension B to F, in names). Every edition takes its fonts from here,
 * cut down to the characters it prints (font-subset.ts); the files themselves are read once
 * per process.
 */
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { projectPath } from '../project.js'
import { FontPackageError } from '../errors.js'
import { readCmap } from './font-cmap.js'
import type { ScriptCode } from './scripts.js'

export type FontStyle = 'normal' | 'italic'

/** One weight and style of a family: a TrueType file (or a slice of a fallback family). */
export interface FontFace {
  family: string
  /** The scripts the family sets (ISO 15924); none for a fallback family. */
  scripts: ScriptCode[]
  /** A fallback family draws only characters the families before it in a stack lack. */
  fallback: boolean
  weight: number
  style: FontStyle
  /** Absolute path of the package's file; a publication's own font has its bytes instead. */
  file: string
  /** The bytes of a font that is not a package's file (a publication's own, from source/fonts/). */
  bytes?: Uint8Array
  /** How the file is stored: plain TrueType, or TrueType in WOFF2 (the fallback's slices). */
  format: 'truetype' | 'woff2'
  /** The face's file name in outputs and pages, without extension: `noto-serif-hk-400`. */
  slug: string
  /** A slice's code points, from its package's stylesheet: only these are looked for in it. */
  ranges?: Array<[number, number]>
}

/** A family as fonts.json lists it. */
export interface FontFamily {
  family: string
  scripts: ScriptCode[]
  fallback: boolean
}

export interface FontSet {
  /** Every face, in fonts.json order (the Latin family first). */
  faces: FontFace[]
  families: FontFamily[]
}

interface FamilyEntry {
  family: string
  package: string
  scripts?: ScriptCode[]
  fallback?: boolean
  /** `400`, `700 italic`, ... to the file's path inside the package. */
  files?: Record<string, string>
  /** A family in slices: the package's stylesheet that lists them, and which of its files to take. */
  slices?: { stylesheet: string; files: string }
}

/** Folder holding fonts.json (the project's fonts/, next to lib/ and pipeline/). */
export const fontsFolder = projectPath('fonts')

const require = createRequire(import.meta.url)

/** Reads fonts.json and finds every listed file (once per process). Throws FontPackageError if a package is missing. */
export async function loadFonts(): Promise<FontSet> {
  return fontSet()
}

let read: FontSet | undefined

/**
 * loadFonts(), at once: the browser's fontconfig is written from it before Chromium starts,
 * and nothing may stand between a build's start and that (a few kilobytes are read).
 */
export function fontSet(): FontSet {
  read ??= readFontSet()
  return read
}

/** The family's name as a file name: `Noto Serif HK` is `noto-serif-hk`. */
export function familySlug(family: string): string {
  return family.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}

function readFontSet(): FontSet {
  const config = JSON.parse(readFileSync(path.join(fontsFolder, 'fonts.json'), 'utf8')) as { families: FamilyEntry[] }
  const faces: FontFace[] = []
  for (const entry of config.families) {
    let folder: string
    try {
      folder = path.dirname(require.resolve(`${entry.package}/package.json`))
    } catch {
      throw new FontPackageError(entry.package)
    }
    const family = { family: entry.family, scripts: entry.scripts ?? [], fallback: entry.fallback === true }
    const slug = familySlug(entry.family)
    for (const [key, file] of Object.entries(entry.files ?? {})) {
      const [weight, style = 'normal'] = key.split(' ')
      const suffix = style === 'normal' ? '' : `-${style}`
      faces.push({ ...family, weight: Number(weight), style: style as FontStyle, file: path.join(folder, file), format: 'truetype', slug: `${slug}-${weight}${suffix}` })
    }
    if (entry.slices) faces.push(...slices(family, folder, entry.slices))
  }
  const families = config.families.map((entry) => ({ family: entry.family, scripts: entry.scripts ?? [], fallback: entry.fallback === true }))
  return { faces, families }
}

/**
 * A family split by Unicode block into WOFF2 files, as its package's stylesheet lists them
 * (`src: url(HanaMinB.CJK-...-01.woff2)` with its `unicode-range`): one face per file, which
 * a build reads only when it needs a character in its range.
 */
function slices(family: FontFamily, folder: string, { stylesheet, files }: { stylesheet: string; files: string }): FontFace[] {
  const css = readFileSync(path.join(folder, stylesheet), 'utf8')
  const wanted = new RegExp(files)
  const faces: FontFace[] = []
  for (const rule of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const file = /url\(["']?([^"')]+\.woff2)["']?\)/.exec(rule[1])?.[1]
    const range = /unicode-range:\s*([^;}]+)/.exec(rule[1])?.[1]
    if (!file || !range || !wanted.test(file) || file.includes('/')) continue
    faces.push({
      ...family,
      weight: 400,
      style: 'normal',
      file: path.join(folder, file),
      format: 'woff2',
      slug: `${familySlug(family.family)}-${familySlug(file.replace(/\.woff2$/, '').replace(/^[^.]*\./, ''))}`,
      ranges: unicodeRanges(range)
    })
  }
  return faces
}

/** `U+20000-203ff, U+2A6A5` as code point ranges. */
function unicodeRanges(value: string): Array<[number, number]> {
  return value.split(',').map((part) => {
    const [start, end = start] = part.trim().replace(/^u\+/i, '').split('-')
    return [parseInt(start, 16), parseInt(end, 16)] as [number, number]
  })
}

/** Whether `face` may hold `codePoint`: a slice only what its range names, any other face anything. */
export function mayHold(face: FontFace, codePoint: number): boolean {
  return !face.ranges || face.ranges.some(([start, end]) => codePoint >= start && codePoint <= end)
}

const bytesRead = new Map<string, Promise<Uint8Array>>()
const cmaps = new Map<string, Promise<Map<number, number>>>()

/** The face's TrueType bytes (a WOFF2 slice unpacked), read once per process. */
export function faceBytes(face: FontFace): Promise<Uint8Array> {
  if (face.bytes) return Promise.resolve(face.bytes)
  let bytes = bytesRead.get(face.file)
  if (!bytes) {
    bytes = readFile(face.file).then(async (buffer) => {
      const file = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
      if (face.format === 'truetype') return file
      // A CommonJS package: its functions are on `default` once bundled.
      const woff2 = (await import('wawoff2')) as typeof import('wawoff2') & { default?: typeof import('wawoff2') }
      // Copied out: the result is a view of the WebAssembly memory, which the next unpacking reuses.
      return new Uint8Array(await (woff2.decompress ?? woff2.default!.decompress)(file))
    })
    bytes.catch(() => bytesRead.delete(face.file))
    bytesRead.set(face.file, bytes)
  }
  return bytes
}

/** The face's character map (code point to glyph), read once per process. */
export function faceCmap(face: FontFace): Promise<Map<number, number>> {
  if (face.bytes) return Promise.resolve(ownCmap(face.bytes))
  let cmap = cmaps.get(face.file)
  if (!cmap) {
    cmap = faceBytes(face).then(readCmap)
    cmaps.set(face.file, cmap)
  }
  return cmap
}

const ownCmaps = new WeakMap<Uint8Array, Map<number, number>>()

function ownCmap(bytes: Uint8Array): Map<number, number> {
  let cmap = ownCmaps.get(bytes)
  if (!cmap) ownCmaps.set(bytes, (cmap = readCmap(bytes)))
  return cmap
}

/**
 * An @font-face rule naming one face's file by a URL relative to the page or stylesheet;
 * with `codePoints`, only those characters are taken from it (a fallback's subset).
 */
export function fontFaceRule(face: FontFace, url: string, format: 'truetype' | 'woff2', codePoints?: number[]): string {
  const range = codePoints ? `;unicode-range:${unicodeRange(codePoints)}` : ''
  return `@font-face{font-family:'${face.family}';font-style:${face.style};font-weight:${face.weight};font-display:block;src:url(${url}) format('${format}')${range}}`
}

/** Code points as a CSS unicode-range: `U+20BB7,U+2A6A5-2A6A6`. */
export function unicodeRange(codePoints: number[]): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b)
  const ranges: string[] = []
  for (let index = 0; index < sorted.length; index++) {
    const start = sorted[index]
    while (index + 1 < sorted.length && sorted[index + 1] === sorted[index] + 1) index++
    const end = sorted[index]
    ranges.push(start === end ? `U+${start.toString(16).toUpperCase()}` : `U+${start.toString(16).toUpperCase()}-${end.toString(16).toUpperCase()}`)
  }
  return ranges.join(',')
}
