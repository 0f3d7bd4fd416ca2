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
  '\u2069': 'pop directional isolate'
}

const invisible = /[\u00AD\u180E\u200B\u2060-\u2064\uFEFF]/
const direction = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/
/** Controls (but tab and line ends), noncharacters, lone surrogates and U+FFFD. */
const broken = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFD\uFFFE\uFFFF\p{Noncharacter_Code_Point}]|\p{Surrogate}/u

const anyUnprintable = new RegExp(`${invisible.source}|${direction.source}|${broken.source}`, 'gu')

/**
 * The unprintable characters of `text`, in order. `allowed` are characters the caller
 * lets through (a line end in a label).
 */
export function findUnprintable(text: string, allowed: RegExp = /[\t\n\r]/): Unprintable[] {
  const found: Unprintable[] = []
  for (const match of text.matchAll(anyUnprintable)) {
    const character = match[0]
    if (allowed.test(character)) continue
    const kind = invisible.test(character) ? 'invisible' : direction.test(character) ? 'direction' : 'broken'
    const code = codeOf(character)
    const label =
      kind !== 'broken' ? `invisible character ${code} (${names[character] ?? 'invisible operator'})`
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
