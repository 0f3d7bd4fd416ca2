/**
 * The project's fonts, as listed in fonts/fonts.json: @font-face rules that name local
 * files by a relative URL (`fonts/<file>.woff2`), and the map from those URLs to files on
 * disk. Read once per build; every edition and output takes what it needs from here.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Asset } from './browser.js'
import { FontPackageError } from './errors.js'
import { dealiasFont } from './font-dealias.js'

/** One font file: a weight of a family, covering `unicodeRange`. */
export interface FontFace {
  family: string
  role: 'latin' | 'han'
  weight: number
  /** The URL the CSS uses, relative to the page: `fonts/<name>.woff2`. */
  url: string
  /** Absolute path of the WOFF2 file. */
  file: string
  /** Inclusive code point ranges this file covers. */
  ranges: Array<[number, number]>
  unicodeRange: string
}

export interface FontSet {
  faces: FontFace[]
  /** @font-face rules for every face, with relative URLs. */
  css: string
  /**
   * URL (as in `css`) to the file the browser loads: the package's file, or for Latin
   * faces a copy without aliased code points (see font-dealias.ts), made when first asked.
   */
  files: Map<string, Asset>
  /** Family names by role, for templates' CSS custom properties. */
  families: Record<FontFace['role'], string>
}

interface FamilyEntry {
  family: string
  package: string
  role: FontFace['role']
  weights: number[]
}

/** Folder holding fonts.json (the project's fonts/, next to lib/ and pipeline/). */
export const fontsFolder = fileURLToPath(new URL('../fonts/', import.meta.url))

const require = createRequire(import.meta.url)

/** Reads fonts.json and every listed package's CSS. Throws FontPackageError if one is missing. */
export async function loadFonts(): Promise<FontSet> {
  const config = JSON.parse(await readFile(path.join(fontsFolder, 'fonts.json'), 'utf8')) as { families: FamilyEntry[] }
  const faces: FontFace[] = []
  for (const entry of config.families) {
    for (const weight of entry.weights) {
      let cssPath: string
      try {
        cssPath = require.resolve(`${entry.package}/${weight}.css`)
      } catch {
        throw new FontPackageError(entry.package)
      }
      const css = await readFile(cssPath, 'utf8')
      faces.push(...parseFontsourceCss(css, path.dirname(cssPath), entry, weight))
    }
  }
  const families = Object.fromEntries(config.families.map((entry) => [entry.role, entry.family])) as FontSet['families']
  return {
    faces,
    css: faces.map(fontFaceRule).join('\n'),
    files: new Map(faces.map((face): [string, Asset] => [face.url, face.role === 'latin' ? once(() => dealiasFont(face.file)) : face.file])),
    families
  }
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined
  return () => (made ??= make())
}

/** The @font-face rule for one face. */
export function fontFaceRule(face: FontFace): string {
  return `@font-face{font-family:'${face.family}';font-style:normal;font-weight:${face.weight};font-display:block;src:url(${face.url}) format('woff2');unicode-range:${face.unicodeRange}}`
}

/** Whether the project's fonts have a face of `role` covering `codePoint`. */
export function covers(fonts: FontSet, codePoint: number, role?: FontFace['role']): boolean {
  return fonts.faces.some(
    (face) => (role === undefined || face.role === role) && face.ranges.some(([low, high]) => codePoint >= low && codePoint <= high)
  )
}

function parseFontsourceCss(css: string, folder: string, entry: FamilyEntry, weight: number): FontFace[] {
  const faces: FontFace[] = []
  for (const block of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const body = block[1]
    if (!/font-style:\s*normal/.test(body)) continue
    const source = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(body)
    const range = /unicode-range:\s*([^;]+);/.exec(body)
    if (!source) continue
    const unicodeRange = range ? range[1].trim() : 'U+0-10FFFF'
    faces.push({
      family: entry.family,
      role: entry.role,
      weight,
      url: `fonts/${source[1]}`,
      file: path.join(folder, 'files', source[1]),
      ranges: parseUnicodeRange(unicodeRange),
      unicodeRange
    })
  }
  return faces
}

function parseUnicodeRange(value: string): Array<[number, number]> {
  return value.split(',').map((part) => {
    const [low, high] = part.trim().replace(/^U\+/i, '').split('-')
    if (low.includes('?')) return [parseInt(low.replace(/\?/g, '0'), 16), parseInt(low.replace(/\?/g, 'F'), 16)]
    return [parseInt(low, 16), parseInt(high ?? low, 16)]
  })
}
