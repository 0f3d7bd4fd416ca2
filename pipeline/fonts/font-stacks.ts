/**
 * Font stacks: the families each language's text is set in, first to last, as every
 * stylesheet's `font-family` and every font check (glyph-coverage) follows them.
 *
 * - A language's own family first, by its script (fonts/fonts.json): Source Serif 4 for
 *   Latin letters, Noto Serif HK for Chinese, Noto Serif JP for Japanese.
 * - Text in Latin letters then takes CJK punctuation and characters (《香港約章》 quoted in
 *   English) from the publication's CJK families, in the order of its languages; CJK text
 *   takes what its family lacks (Ą in a Polish name) from the Latin family.
 * - Then the publication's own fonts (source/fonts/), then the fallback family, which
 *   draws only what every family before it lacks: Hong Kong forms first, always.
 */
import type { FontFace, FontFamily, FontSet } from './fonts.js'
import { isCjkTypography, scriptOf, typographyOf, type ScriptCode } from './scripts.js'

/** A language of the build's text, with its script. */
export interface StackLanguage {
  lang: string
  script: ScriptCode
}

export interface FontStacks {
  /** The families of text in `lang` (one of the build's languages, or any other tag). */
  of(lang: string): string[]
  /** Every family the build may use, for text of no one language (page-margin boxes, the page's default). */
  all: string[]
  /** The families that only fill in for the others: the publication's own, then the fallback. */
  fillIns: string[]
}

/** The stacks for `languages` (the publication's, then its public names'), with `own` fonts. */
export function fontStacks(fonts: FontSet, languages: readonly StackLanguage[], own: readonly FontFace[] = []): FontStacks {
  const ownFamilies = [...new Set(own.map((face) => face.family))]
  const fallback = fonts.families.filter((family) => family.fallback).map((family) => family.family)
  const fillIns = [...ownFamilies, ...fallback]
  const familyOf = (script: ScriptCode | undefined): FontFamily | undefined =>
    fonts.families.find((family) => !family.fallback && script !== undefined && family.scripts.includes(script))
  const latin = familyOf('Latn')?.family
  const cjk = unique(
    languages.filter((language) => isCjkTypography(typographyOf(language.script))).map((language) => familyOf(language.script)?.family)
  )
  const of = (lang: string): string[] => {
    const script = languages.find((language) => language.lang === lang)?.script ?? scriptOf(lang)
    const own = familyOf(script)?.family
    const typography = typographyOf(script)
    // Letters of another script in CJK text (a Polish name in Chinese) in the Latin family.
    if (isCjkTypography(typography)) return unique([own, latin, ...fillIns])
    return unique([own ?? latin, ...(cjk.length > 0 ? cjk : [familyOf('Hant')?.family]), ...fillIns])
  }
  return { of, all: unique([latin, ...cjk, ...fillIns]), fillIns }
}

function unique(families: Array<string | undefined>): string[] {
  return [...new Set(families.filter((family): family is string => family !== undefined))]
}
