/**
 * The project's fonts, as listed in fonts/fonts.json: for each family and weight one static
 * TrueType file from a pinned npm package, with all its layout features. Every edition takes
 * its fonts from here, cut down to the characters it prints (font-subset.ts); the files
 * themselves are read once per process.
 */
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { projectPath } from '../project.js'
import { FontPackageError } from '../errors.js'
import { readCmap } from './font-cmap.js'

export type FontRole = 'latin' | 'han'

/** One weight of a family: a TrueType file. */
export interface FontFace {
  family: string
  role: FontRole
  weight: number
  /** Absolute path of the package's TrueType file. */
  file: string
  /** The face's file name in outputs and pages, without extension: `noto-serif-hk-400`. */
  slug: string
}

export interface FontSet {
  /** Every face, in fonts.json order (the Latin family first). */
  faces: FontFace[]
  /** Family names by role, for the stylesheets' font stacks. */
  families: Record<FontRole, string>
}

interface FamilyEntry {
  family: string
  package: string
  role: FontRole
  /** Weight to the file's path inside the package. */
  files: Record<string, string>
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
 * and nothing may stand between a build's start and that (a few hundred bytes are read).
 */
export function fontSet(): FontSet {
  read ??= readFontSet()
  return read
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
    const slug = entry.family.toLowerCase().replace(/[^a-z0-9]+/g, '-')
    for (const [weight, file] of Object.entries(entry.files)) {
      faces.push({ family: entry.family, role: entry.role, weight: Number(weight), file: path.join(folder, file), slug: `${slug}-${weight}` })
    }
  }
  const families = Object.fromEntries(config.families.map((entry) => [entry.role, entry.family])) as FontSet['families']
  return { faces, families }
}

const bytesRead = new Map<string, Promise<Uint8Array>>()
const cmaps = new Map<string, Promise<Map<number, number>>>()

/** The face's TrueType file, read once per process. */
export function faceBytes(face: FontFace): Promise<Uint8Array> {
  let bytes = bytesRead.get(face.file)
  if (!bytes) {
    bytes = readFile(face.file).then((buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength))
    bytes.catch(() => bytesRead.delete(face.file))
    bytesRead.set(face.file, bytes)
  }
  return bytes
}

/** The face's character map (code point to glyph), read once per process. */
export function faceCmap(face: FontFace): Promise<Map<number, number>> {
  let cmap = cmaps.get(face.file)
  if (!cmap) {
    cmap = faceBytes(face).then(readCmap)
    cmaps.set(face.file, cmap)
  }
  return cmap
}

/** An @font-face rule naming one face's file by a URL relative to the page or stylesheet. */
export function fontFaceRule(face: FontFace, url: string, format: 'truetype' | 'woff2'): string {
  return `@font-face{font-family:'${face.family}';font-style:normal;font-weight:${face.weight};font-display:block;src:url(${url}) format('${format}')}`
}
