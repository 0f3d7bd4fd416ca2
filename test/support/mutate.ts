/**
 * Mutations of a source folder for the fuzz test: a seeded random number generator, and
 * edits of the kinds that broke builds before (markup, references, controls, YAML tricks,
 * long runs, cut or doubled text). The same seed gives the same mutants on every machine.
 */

/** A small, fast, seeded generator (mulberry32): the same seed, the same numbers. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

/** Pieces of text that have broken, or could break, a build when dropped into a source file. */
const tokens = [
  '&#x202E;', '&#x200B;', '&#x1F600;', '&#0;', '&#xD800;', '&lt;/style&gt;', '</style><link rel=preconnect href=https://127.0.0.1:9/>',
  '<script>x</script>', '<!-- c -->', '![i](http://127.0.0.1:9/i.png)', '[l](javascript:alert(1))', '[l](/etc/passwd)', '[^1]', '[x]: /y',
  '*', '**', '_', '`', '[', ']', '(', ')', '>', '#', '## ', '# ', '1. ', '- ', '---\n', '\n\n', '    ', '\t', '\\', '&', '"', "'", ':', '{', '}',
  '\u200B', '\u202E', '\uFFFD', '\u0007', '\r', '「', '」', '，', '丶', '...', '--', '😀', '𠀀', '龘',
  '"\\uD83D"', '"\\uFFFF"', '"\\0"', '&a [x]', '*a', '!!binary', '? ', 'public: false', '- name: Canary\n    public: false\n', 'lang: fr',
  '{page}', '{pages}', '9999999999. ', '0. ', '2147483648', 'https://example.org/' + 'a'.repeat(600),
  // The shapes of the attacks of issue 13, whole: an alias bomb, deep nesting, a flood of emphasis.
  `\nbomb: &a [${Array(60).fill('x').join(',')}]\nb2: &b [${Array(60).fill('*a').join(',')}]\nb3: [${Array(60).fill('*b').join(',')}]\n`,
  '>'.repeat(2500),
  '*_'.repeat(3000),
  Array.from({ length: 120 }, (_, depth) => `${'  '.repeat(depth)}- nested`).join('\n')
]

/** `text` with 1 to 3 random edits. */
export function mutate(text: string, random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
  const at = () => Math.floor(random() * (text.length + 1))
  const edits = 1 + Math.floor(random() * 3)
  for (let edit = 0; edit < edits; edit++) {
    const start = at()
    const kind = Math.floor(random() * 7)
    if (kind === 0) {
      // Cut a span.
      text = text.slice(0, start) + text.slice(Math.min(text.length, start + Math.floor(random() * 200)))
    } else if (kind === 1) {
      // Double a span.
      const span = text.slice(start, start + Math.floor(random() * 300))
      text = text.slice(0, start) + span + text.slice(start)
    } else if (kind === 2) {
      // A token, now and then many of it in a row.
      const token = pick(tokens)
      const times = random() < 0.15 ? 1 + Math.floor(random() * 3000) : 1
      text = text.slice(0, start) + token.repeat(times) + text.slice(start)
    } else if (kind === 3) {
      // Swap two lines.
      const lines = text.split('\n')
      const [a, b] = [Math.floor(random() * lines.length), Math.floor(random() * lines.length)]
      ;[lines[a], lines[b]] = [lines[b], lines[a]]
      text = lines.join('\n')
    } else if (kind === 4) {
      // Change one character's code.
      const code = text.charCodeAt(start) || 32
      text = text.slice(0, start) + String.fromCharCode((code + 1 + Math.floor(random() * 300)) % 0xd800) + text.slice(start + 1)
    } else if (kind === 5) {
      // Indent or unindent a line.
      const lines = text.split('\n')
      const line = Math.floor(random() * lines.length)
      lines[line] = random() < 0.5 ? ' '.repeat(1 + Math.floor(random() * 8)) + lines[line] : lines[line].trimStart()
      text = lines.join('\n')
    } else {
      // A line repeated: a long list, a long table of keys.
      const lines = text.split('\n')
      const line = Math.floor(random() * lines.length)
      const times = 1 + Math.floor(random() * 500)
      lines.splice(line, 0, ...Array(times).fill(lines[line]))
      text = lines.join('\n')
    }
  }
  return text
}
