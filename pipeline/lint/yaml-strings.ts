/**
 * The string values of a YAML text with their offsets, for rules that look at what gets
 * printed (names, labels, the publisher) and not at keys or comments.
 */
import type { Root } from 'mdast'
import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml'

/** One string value: `raw` is its source text (quotes included) from `offset` in the file. */
export interface YamlString {
  value: string
  raw: string
  offset: number
  /** The key path to the value, e.g. `['individuals', 3, 'name']`. */
  path: Array<string | number>
}

/** The string values of `text`, a YAML text starting at `origin` in its file; none when it does not parse. */
export function yamlStrings(text: string, origin = 0): YamlString[] {
  const doc = parseDocument(text, { uniqueKeys: false })
  if (doc.errors.length > 0) return []
  const strings: YamlString[] = []
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (key === 'key' || typeof node.value !== 'string' || !node.range) return
      strings.push({
        value: node.value,
        raw: text.slice(node.range[0], node.range[1]),
        offset: origin + node.range[0],
        path: keyPath([...ancestors, node])
      })
    }
  })
  return strings
}

/** The keys and indexes leading to the last of `ancestors`. */
function keyPath(ancestors: readonly unknown[]): Array<string | number> {
  const path: Array<string | number> = []
  for (let index = 0; index < ancestors.length - 1; index++) {
    const parent = ancestors[index]
    const child = ancestors[index + 1]
    if (isSeq(parent)) path.push(parent.items.indexOf(child as Node))
    else if (isPair(child) && isScalar(child.key)) path.push(String(child.key.value))
  }
  return path
}

/** The string values of a language file's front matter (its labels), with offsets in the file. */
export function frontMatterStrings(text: string, tree: Root | undefined): YamlString[] {
  const frontMatter = tree?.children.find((node) => node.type === 'yaml')
  if (!frontMatter?.position) return []
  const body = text.indexOf('\n', frontMatter.position.start.offset!) + 1
  const value = (frontMatter as { value: string }).value
  return yamlStrings(text.slice(body, body + value.length), body)
}

/**
 * Where `character` of `string`'s value stands in the file: where it is typed, or at the
 * escape that writes it (`"\u202E"`, `\0`); else at the string's start.
 */
export function rawOffset(string: YamlString, character: string): number {
  const typed = string.raw.indexOf(character)
  if (typed >= 0) return string.offset + typed
  if (string.raw.startsWith('"')) {
    for (const escape of string.raw.matchAll(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/gu)) {
      const code = escape[1]
      const value = code.length > 1 ? String.fromCodePoint(parseInt(code.slice(1), 16)) : (yamlEscapes[code] ?? code)
      if (value === character) return string.offset + escape.index
    }
  }
  return string.offset
}

/** YAML's one-letter escapes in double quotes, by letter. */
const yamlEscapes: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029'
}

let privateCache: { text: string; ranges: Array<[number, number]> } | undefined

/**
 * Whether `offset` in the text of a signatory list lies inside an entry marked
 * `public: false`: messages about such an entry never quote the name, which would show it
 * in a terminal, a CI log or the preview's panel.
 */
export function privateEntryAt(text: string, offset: number): boolean {
  if (privateCache?.text !== text) {
    const ranges: Array<[number, number]> = []
    const doc = parseDocument(text, { uniqueKeys: false })
    if (isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        if (!isSeq(pair.value)) continue
        for (const entry of pair.value.items) {
          // Anything but a plain `true` (or none) counts as private: better a name unshown than shown.
          const flag = isMap(entry) ? (entry.get('public') as unknown) : true
          if (isMap(entry) && flag !== true && flag !== undefined && entry.range) ranges.push([entry.range[0], entry.range[1]])
        }
      }
    }
    privateCache = { text, ranges }
  }
  return privateCache.ranges.some(([start, end]) => offset >= start && offset < end)
}
