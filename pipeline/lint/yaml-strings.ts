/**
 * The string values of a YAML text with their offsets, for rules that look at what gets
 * printed (names, labels, the publisher) and not at keys or comments.
 */
import { isPair, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml'

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
  const doc = parseDocument(text)
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
