/**
 * Which writing system a language is written in, from its tag alone: `fr` and `de` in Latin
 * letters, `zh-Hant-HK` and `yue` in traditional Han characters, `ja` in Japanese. The
 * script chooses a language's fonts (fonts/fonts.json lists the scripts each family serves)
 * and its typography (the stylesheets' `:script(...)` rules, language-css.ts).
 */

/** An ISO 15924 script code as Unicode's likely-subtags data gives it: `Latn`, `Hant`, `Jpan`. */
export type ScriptCode = string

/**
 * The typography a script is set with. `latin`: words with spaces between, italic for
 * emphasis (Latin, Greek, Cyrillic). `chinese`: Han characters with emphasis dots under
 * them. `japanese`: kanji and kana, emphasis dots above. `korean`: Hangul with words kept
 * whole.
 */
export type Typography = 'latin' | 'chinese' | 'japanese' | 'korean'

/** The typography of each script the project can set; a script not listed has no typography here yet. */
const typographyOfScript: Record<ScriptCode, Typography> = {
  Latn: 'latin',
  Grek: 'latin',
  Cyrl: 'latin',
  Hant: 'chinese',
  Hans: 'chinese',
  Jpan: 'japanese',
  Kore: 'korean'
}

/** The typographies, in the order stylesheets and messages list them. */
export const typographies: readonly Typography[] = ['latin', 'chinese', 'japanese', 'korean']

/** The script `tag` is written in: the one it names (`zh-Hant-HK`), else its language's usual one (`fr` is Latn). */
export function scriptOf(tag: string): ScriptCode | undefined {
  // Asked for every element of a page (10,000 names on a signing sheet): each tag once.
  if (scripts.has(tag)) return scripts.get(tag)
  let script: ScriptCode | undefined
  try {
    script = new Intl.Locale(tag).maximize().script
  } catch {
    script = undefined
  }
  if (scripts.size < 1000) scripts.set(tag, script)
  return script
}

const scripts = new Map<string, ScriptCode | undefined>()

/** The typography a script is set with, or undefined for a script the project cannot set. */
export function typographyOf(script: ScriptCode | undefined): Typography | undefined {
  return script === undefined ? undefined : typographyOfScript[script]
}

/** Whether text in `tag` is set with CJK typography (no spaces between words, strict line breaking). */
export function isCjkTypography(typography: Typography | undefined): boolean {
  return typography === 'chinese' || typography === 'japanese' || typography === 'korean'
}

/** The script's name in English, for messages: `Japanese`, `Traditional Han`. */
export function scriptName(script: ScriptCode): string {
  try {
    return new Intl.DisplayNames('en', { type: 'script' }).of(script) ?? script
  } catch {
    return script
  }
}

/** The language's name in English, for messages and summaries: `French`, `Cantonese`. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames('en', { type: 'language' }).of(new Intl.Locale(tag).language) ?? tag
  } catch {
    return tag
  }
}

/**
 * Why `tag` cannot be set, or undefined when it can: a script the project has a font and a
 * typography for. `fontScripts` are the scripts fonts/fonts.json's families set.
 */
export function unsupportedLanguage(tag: string, fontScripts: readonly ScriptCode[]): string | undefined {
  const script = scriptOf(tag)
  const known = fontScripts.filter((code) => typographyOf(code)).map(scriptName).join(', ')
  if (!script) return `cannot tell which script \`${tag}\` is written in: add it to the tag (\`${tag}-Latn\` for Latin letters, say)`
  if (!typographyOf(script) || !fontScripts.includes(script)) {
    return `\`${tag}\` is written in ${scriptName(script)}, which the project has no font for (it has fonts for ${known}): fonts/README.md says how to add one`
  }
  return undefined
}
