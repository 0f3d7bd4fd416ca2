/**
 * A signatory's names with the language each is written in: the tag their printed span
 * carries, which chooses its font (Hong Kong forms for a Chinese name, Japanese forms for a
 * Japanese one) and what a screen reader voices it as.
 */
import { scriptOf, typographyOf, type Typography } from '../fonts/scripts.js'
import type { Signatory } from './signatories-schema.js'

/** One name as printed. */
export interface NamePart {
  text: string
  lang: string
}

/** A language of the publication with its typography, as names are matched to them. */
export interface KnownLanguage {
  lang: string
  typography: Typography | undefined
}

/** Tags used when the publication has no language of a name's script. */
const defaultTag: Record<Typography, string> = { latin: 'en', chinese: 'zh-Hant-HK', japanese: 'ja', korean: 'ko' }

/** The signatory's names, in the order printed: `name`, then `name-zh`. */
export function nameParts(signatory: Signatory, languages: readonly KnownLanguage[]): NamePart[] {
  const parts: NamePart[] = []
  if (signatory.name) parts.push({ text: signatory.name, lang: signatory.lang ?? languageOfName(signatory.name, languages) })
  if (signatory['name-zh']) parts.push({ text: signatory['name-zh'], lang: firstOf('chinese', languages) })
  return parts
}

/** The language of a name whose entry does not say: by its letters. */
export function languageOfName(name: string, languages: readonly KnownLanguage[]): string {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(name)) return firstOf('japanese', languages)
  if (/\p{Script=Hangul}/u.test(name)) return firstOf('korean', languages)
  if (/\p{Script=Han}/u.test(name) && !/\p{Script=Latin}/u.test(name)) {
    // Han characters alone: Chinese when the publication has Chinese, else its Japanese.
    const chinese = languages.find((language) => language.typography === 'chinese')
    const japanese = languages.find((language) => language.typography === 'japanese')
    return (chinese ?? japanese)?.lang ?? defaultTag.chinese
  }
  return firstOf('latin', languages)
}

/** The publication's first language set with `typography`, or the usual tag for it. */
function firstOf(typography: Typography, languages: readonly KnownLanguage[]): string {
  return languages.find((language) => language.typography === typography)?.lang ?? defaultTag[typography]
}

/** The typography of a tag, from its script. */
export function typographyOfTag(tag: string): Typography | undefined {
  return typographyOf(scriptOf(tag))
}
