/**
 * Characters that must never reach an edition, wherever they are written (prose, labels,
 * publication.yaml, names), and how to name each in a message: the invisible ones, which
 * split a word for copying and search or turn the text around (zero-width space, soft
 * hyphen, direction controls), and those that are not text at all (controls, noncharacters,
 * half a surrogate pair), which make an EPUB invalid XML that readers refuse to open.
 */

/** One unprintable character found in a text. */
export interface Unprintable {
  index: number
  character: string
  /** `invisible`: prints nothing; `direction`: reorders the text; `broken`: not text (or a lost character). */
  kind: 'invisible' | 'direction' | 'broken'
  /** What it is, for a message: `invisible character U+200B (zero-width space)`, `control character U+0007`. */
  label: string
  /** Why it must go, for a message. */
  why: string
}

const names: Record<string, string> = {
  '\u00AD': 'soft hyphen',
  '\u180E': 'Mongolian vowel separator',
  '\u200B': 'zero-width space',
  '\u2060': 'word joiner',
  '\uFEFF': 'zero-width no-break space',
  '\u200E': 'left-to-right mark',
  '\u200F': 'right-to-left mark',
  '\u061C': 'Arabic letter mark',
  '\u202A': 'left-to-right embedding',
  '\u202B': 'right-to-left embedding',
  '\u202C': 'pop directional formatting',
  '\u202D': 'left-to-right override',
  '\u202E': 'right-to-left override',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
  '\u200C': 'zero-width non-joiner',
  '\u200D': 'zero-width joiner',
  '\u2028': 'line separator',
  '\u2029': 'paragraph separator'
}

/** What an invisible character is, for a message. */
function nameOf(character: string): string {
  const codePoint = character.codePointAt(0)!
  if (names[character]) return names[character]
  if (codePoint >= 0xe0000 && codePoint <= 0xe007f) return 'tag character, which can spell a text no one sees'
  if ([0x115f, 0x1160, 0x3164, 0xffa0].includes(codePoint)) return 'Hangul filler'
  return 'a format character'
}

const direction = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u
/**
 * Everything Unicode says to draw nothing for (Default_Ignorable_Code_Point: zero-width
 * spaces and joiners, soft hyphen, tag characters that can spell a hidden text, fillers),
 * the interlinear annotation and musical format marks, and line and paragraph separators.
 * Variation selectors are not among them: they choose a glyph (a CJK character's variant).
 */
const invisible = /(?![\uFE00-\uFE0F\u{E0100}-\u{E01EF}])[\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB\u{1D173}-\u{1D17A}\u2028\u2029]/u
/** Controls (but tab and line ends), noncharacters, lone surrogates and U+FFFD. */
const broken = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFD\uFFFE\uFFFF\p{Noncharacter_Code_Point}]|\p{Surrogate}/u

const anyUnprintable = new RegExp(`${direction.source}|${invisible.source}|${broken.source}`, 'gu')

/**
 * Joiners and Mongolian's variation selectors are spelling in the scripts that use them
 * (a ZWNJ in Persian, a ZWJ in Devanagari, a selector after a Mongolian letter): there, between
 * two letters of such a script, they are left alone.
 */
const joinerUsers = /(?![\p{Script=Latin}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Greek}])[\p{L}\p{M}]/u
const spelling = (character: string, before: string | undefined) =>
  (/[\u200C\u200D]/.test(character) && before !== undefined && joinerUsers.test(before)) ||
  (/[\u180B-\u180F]/.test(character) && before !== undefined && /\p{Script=Mongolian}/u.test(before))

/**
 * The unprintable characters of `text`, in order. `allowed` are characters the caller
 * lets through (a line end in a label).
 */
export function findUnprintable(text: string, allowed: RegExp = /[\t\n\r]/): Unprintable[] {
  const found: Unprintable[] = []
  for (const match of text.matchAll(anyUnprintable)) {
    const character = match[0]
    if (allowed.test(character)) continue
    if (spelling(character, [...text.slice(Math.max(0, match.index - 2), match.index)].at(-1))) continue
    const kind = direction.test(character) ? 'direction' : invisible.test(character) ? 'invisible' : 'broken'
    const code = codeOf(character)
    const label =
      kind !== 'broken' ? `invisible character ${code} (${nameOf(character)})`
      : character === '\uFFFD' ? `replacement character ${code} (\uFFFD)`
      : /\p{Cc}/u.test(character) ? `control character ${code}`
      : /\p{Surrogate}/u.test(character) ? `lone surrogate ${code} (half of a character written in two parts)`
      : `noncharacter ${code}`
    const why =
      kind === 'invisible' ? 'it prints nothing, but splits the word for copying and search'
      : kind === 'direction' ? 'it is invisible but reorders what is printed'
      : character === '\uFFFD' ? 'the text was damaged when it was converted or copied: type the character it stands for'
      : 'it is not text, and e-book readers refuse a book holding it'
    found.push({ index: match.index, character, kind, label, why })
  }
  return found
}

/** `U+202E`. */
export function codeOf(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
}
