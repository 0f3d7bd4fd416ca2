/**
 * The fonts of one build, cut down with HarfBuzz (subset-font) to the characters printed.
 *
 * Each face's TrueType file (10 MB for a Chinese weight) is cut once per build, to every
 * character of the source and every printable ASCII character: the build's subset. Chromium
 * lays out every page in that subset (four small files instead of four large ones or a
 * hundred unicode-range slices, and one font per face in each PDF); the web page and each
 * e-book get the subset cut again to exactly their own text, since they carry their fonts
 * and must carry nothing else (a private signatory's name leaves no glyph behind).
 *
 * A page or book with a character beyond the build's subset (from a template, say) gets a
 * subset of its own that adds it, so a font never lacks a character that the full face has.
 */
import subsetFont from 'subset-font'
import { aliasedCodePoints } from './font-dealias.js'
import type { FontStacks } from './font-stacks.js'
import { faceBytes, faceCmap, fontFaceRule, mayHold, type FontFace, type FontSet } from './fonts.js'

/** A face cut down to some characters: TrueType bytes. */
export interface SubsetFace {
  face: FontFace
  bytes: Uint8Array
  /** The characters it maps, each to the glyph id it had in the full face. */
  cmap: Map<number, number>
}

/** The @font-face rules and the files a page laid out by Chromium loads. */
export interface PageFonts {
  css: string
  assets: Map<string, Uint8Array>
}

/**
 * The OpenType features a browser or reader applies to horizontal or vertical text, kept
 * with the glyphs they reach: kerning, ligatures, marks, localised forms, and the CJK
 * punctuation spacing features (halt, chws, ...) that `text-spacing-trim` uses. Features
 * only a glyph picker applies (aalt, ruby, width variants) are dropped with their glyphs.
 */
const layoutFeatures = [
  'ccmp', 'locl', 'mark', 'mkmk', 'rlig', 'liga', 'clig', 'calt', 'rclt', 'curs', 'dist', 'kern',
  'halt', 'chws', 'palt', 'vert', 'vrt2', 'vhal', 'vchw', 'vpal', 'vkrn'
]

/**
 * Name table entries kept: the names (0-6) and, because the SIL Open Font Licence asks that
 * every copy carry it, the licence and its URL (13, 14).
 */
const preserveNameIds = [0, 1, 2, 3, 4, 5, 6, 13, 14]

/**
 * Characters every build's subset holds beside the source's: what CSS counters, list markers
 * and page labels print (printable ASCII), and the separators the editions put between a
 * publisher and a date, or two titles (· and —).
 */
const alwaysPrinted = [...Array.from({ length: 0x7f - 0x20 }, (_, index) => 0x20 + index), 0xb7, 0x2014]

/** Some of the build's printed text, in the language that sets it (undefined: no one language). */
export interface FontText {
  lang: string | undefined
  text: string
}

/** Characters nothing is drawn for, which no font needs: spaces, controls and format characters. */
const undrawn = /[\s\p{Cc}\p{Cf}]/u

export class BuildFonts {
  /** The faces of every family the build's stacks name, in fonts.json order, the publication's own before the fallback. */
  readonly faces: FontFace[]
  readonly stacks: FontStacks
  readonly #texts: FontText[]
  readonly #subset: Promise<SubsetFace[]>
  readonly #characters: Set<number>
  /** Subsets for pages with characters beyond the build's, by their sorted characters. */
  readonly #extended = new Map<string, Promise<SubsetFace[]>>()

  /**
   * Starts cutting every face to the characters of `texts` (what the published editions
   * print, by language) and printable ASCII. `stacks` says which families set each language.
   */
  constructor(fonts: FontSet, stacks: FontStacks, texts: FontText[], own: FontFace[] = []) {
    this.stacks = stacks
    this.#texts = texts
    const used = new Set([...stacks.all, ...texts.flatMap(({ lang }) => (lang === undefined ? [] : stacks.of(lang)))])
    const fallback = fonts.faces.filter((face) => face.fallback)
    this.faces = [...fonts.faces.filter((face) => !face.fallback), ...own, ...fallback].filter((face) => used.has(face.family))
    this.#characters = new Set([...alwaysPrinted, ...texts.flatMap(({ text }) => [...codePoints(text)])])
    this.#subset = this.#cutFaces(this.#characters, texts)
    this.#subset.catch(() => undefined)
  }

  /** Resolves when the build's subset is made (or rejects with why it could not be). */
  async ready(): Promise<void> {
    await this.#subset
  }

  /** The fonts for a page whose whole HTML, stylesheet included, is `html`. */
  async forPage(html: string): Promise<PageFonts> {
    // Comments in the stylesheet and the page are never drawn.
    const drawn = html.replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--[\s\S]*?-->/g, '')
    const { faces, suffix } = await this.#covering(codePoints(drawn))
    const url = (face: FontFace) => `fonts/${face.slug}${suffix}.ttf`
    return {
      css: faces.map((subset) => fontFaceRule(subset.face, url(subset.face), 'truetype', fillInRange(subset))).join('\n'),
      assets: new Map(faces.map(({ face, bytes }): [string, Uint8Array] => [url(face), bytes]))
    }
  }

  /**
   * Each of `faces` cut to exactly the characters of `text`, for a file that carries its own
   * fonts (the web page, an e-book). A face that maps none of them is left out.
   */
  async cut(text: string, faces: FontFace[] = this.faces): Promise<SubsetFace[]> {
    const wanted = codePoints(text)
    const { faces: subsets } = await this.#covering(wanted)
    const made = await Promise.all(subsets.filter(({ face }) => faces.includes(face)).map((subset) => cutFace(subset.face, subset.bytes, subset.cmap, wanted)))
    return made.filter((subset): subset is SubsetFace => subset !== undefined)
  }

  /** The build's subset if it holds every one of `wanted`, else a subset that adds them. */
  async #covering(wanted: Set<number>): Promise<{ faces: SubsetFace[]; suffix: string }> {
    const extra = [...wanted].filter((codePoint) => !this.#characters.has(codePoint)).sort((a, b) => a - b)
    if (extra.length === 0) return { faces: await this.#subset, suffix: '' }
    const key = String.fromCodePoint(...extra)
    let subset = this.#extended.get(key)
    if (!subset) {
      // Characters from a template or a list only one edition prints: in no one language.
      subset = this.#cutFaces(new Set([...this.#characters, ...extra]), [...this.#texts, { lang: undefined, text: key }])
      this.#extended.set(key, subset)
    }
    // Named by what they add, so the same page gets the same file names in every build.
    return { faces: await subset, suffix: `-${extra.map((codePoint) => codePoint.toString(16)).join('-')}` }
  }

  /**
   * The build's faces cut: each family of a language's own script to every one of
   * `characters` it maps (so a page may set any of them in any weight); a family that fills
   * in (the publication's own fonts, the fallback) to only what the families before it in a
   * stack lack, in the text that stack sets.
   */
  async #cutFaces(characters: Set<number>, texts: FontText[]): Promise<SubsetFace[]> {
    const fillIns = new Set(this.stacks.fillIns)
    const regular = await Promise.all(this.faces.map(async (face) => ({ face, cmap: face.fallback || fillIns.has(face.family) ? undefined : await faceCmap(face) })))
    const maps = new Map<string, Array<Map<number, number>>>()
    for (const { face, cmap } of regular) if (cmap) maps.set(face.family, [...(maps.get(face.family) ?? []), cmap])
    const mapped = (family: string, codePoint: number) => maps.get(family)?.some((cmap) => cmap.has(codePoint)) ?? false
    // Each language's characters once: a roll of 10,000 names is 10,000 texts of a few each.
    const byLanguage = new Map<string | undefined, Set<number>>()
    for (const { lang, text } of texts) {
      const set = byLanguage.get(lang) ?? new Set<number>()
      for (const character of text) set.add(character.codePointAt(0)!)
      byLanguage.set(lang, set)
    }
    const filled = new Map<FontFace, Set<number>>()
    for (const [lang, wanted] of byLanguage) {
      const stack = lang === undefined ? this.stacks.all : this.stacks.of(lang)
      for (const codePoint of [...wanted].sort((a, b) => a - b)) {
        if (undrawn.test(String.fromCodePoint(codePoint))) continue
        for (const family of stack) {
          if (!fillIns.has(family)) {
            if (mapped(family, codePoint)) break
            continue
          }
          const face = await this.#fillInFace(family, codePoint)
          if (!face) continue
          if (!filled.has(face)) filled.set(face, new Set())
          filled.get(face)!.add(codePoint)
          break
        }
      }
    }
    const made = await Promise.all(
      this.faces.map(async (face) => {
        const wanted = fillIns.has(face.family) ? filled.get(face) : characters
        return wanted ? cutFace(face, await faceBytes(face), await faceCmap(face), wanted) : undefined
      })
    )
    return made.filter((subset): subset is SubsetFace => subset !== undefined)
  }

  /** The face of a filling-in family that holds `codePoint` (of a family in slices, the slice whose range holds it). */
  async #fillInFace(family: string, codePoint: number): Promise<FontFace | undefined> {
    for (const face of this.faces) {
      if (face.family !== family || !mayHold(face, codePoint)) continue
      if ((await faceCmap(face)).has(codePoint)) return face
    }
    return undefined
  }
}

/** The characters of a filling-in face's subset, as its rule's unicode-range: the stack takes only those from it. */
function fillInRange(subset: SubsetFace): number[] | undefined {
  return subset.face.fallback || subset.face.bytes ? [...subset.cmap.keys()] : undefined
}

/**
 * `bytes` (the face's file, or a subset of it whose characters `cmap` lists) cut to those of
 * `wanted` that it maps; undefined when it maps none. A Latin face loses the rarer of two
 * characters that share a glyph (font-dealias.ts), so the PDF's text layer names the common one.
 */
async function cutFace(face: FontFace, bytes: Uint8Array, cmap: Map<number, number>, wanted: Set<number>): Promise<SubsetFace | undefined> {
  const kept = new Map<number, number>()
  for (const codePoint of [...wanted].sort((a, b) => a - b)) {
    const glyph = cmap.get(codePoint)
    if (glyph !== undefined) kept.set(codePoint, glyph)
  }
  if (face.scripts.includes('Latn')) for (const codePoint of aliasedCodePoints(kept)) kept.delete(codePoint)
  if (kept.size === 0) return undefined
  const font = await subsetFont(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), String.fromCodePoint(...kept.keys()), {
    targetFormat: 'sfnt',
    keepFeatures: layoutFeatures,
    preserveNameIds
  })
  return { face, bytes: new Uint8Array(font.buffer, font.byteOffset, font.byteLength), cmap: kept }
}

function codePoints(text: string): Set<number> {
  const set = new Set<number>()
  for (const character of text) set.add(character.codePointAt(0)!)
  return set
}
