/**
 * Reads YAML data (a file, or a Markdown file's front matter) against a zod schema.
 * Problems never throw: each becomes a vfile message at the offending key's line and
 * column, with a rule id, so a volunteer editing the file sees where to look.
 */
import { isMap, isNode, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml'
import type { VFile } from 'vfile'
import type { z } from 'zod'

/** Where the YAML text starts inside the file (front matter starts after `---`). */
export interface YamlOrigin {
  line: number
  column: number
}

const fileStart: YamlOrigin = { line: 1, column: 1 }

/**
 * Parses `text` and validates it. Returns the typed value, or undefined after
 * adding messages (rule `yaml-syntax` or `ruleId`) to `file`.
 */
export function readYamlData<Schema extends z.ZodType>(
  file: VFile,
  text: string,
  schema: Schema,
  ruleId: string,
  origin: YamlOrigin = fileStart
): z.infer<Schema> | undefined {
  const lineCounter = new LineCounter()
  // Keys are checked for repeats below: the YAML library's own check compares every key with
  // every other, and a map of 200,000 keys took minutes.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false })
  const place = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset)
    return {
      line: origin.line + line - 1,
      column: line === 1 ? origin.column + col - 1 : col
    }
  }
  if (doc.errors.length > 0) {
    // The first error is the one to fix; the rest usually follow from it.
    const error = doc.errors[0]
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '')
      // The YAML library's own advice ("please use YAML.parseAllDocuments()") is for programmers.
      .replace(/^Source contains multiple documents.*$/, 'the file holds more than one document (a `---` line starts another): is it the right file?')
      .replace(/^Maximum call stack size exceeded$/, 'it is nested too deep (brackets or indentation inside one another, hundreds of levels)')
    fail(file, `Cannot read the YAML: ${reason}`, place(error.pos[0]), 'yaml-syntax')
    return undefined
  }
  const refused = unusedFeature(doc) ?? repeatedKey(doc)
  if (refused) {
    fail(file, `Cannot read the YAML: ${refused.reason}`, place(refused.offset), 'yaml-syntax')
    return undefined
  }
  const result = schema.safeParse(doc.toJS() ?? {})
  if (result.success) return result.data
  const unknownKeyPaths = new Set(
    result.error.issues.filter((issue) => issue.code === 'unrecognized_keys').map((issue) => issue.path.join('.'))
  )
  for (const issue of result.error.issues) {
    const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))
    // A misspelt key also fails the entry's own checks; the misspelling is the one to report.
    if (issue.code === 'custom' && unknownKeyPaths.has(path.join('.'))) continue
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const map = doc.getIn(path, true)
        const pair = isMap(map) ? map.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined
        const offset = isNode(pair?.key) && pair.key.range ? pair.key.range[0] : nodeOffset(doc, path)
        fail(file, `Unknown key \`${key}\`${where(path, ' in ')}: check its spelling`, place(offset), ruleId)
      }
      continue
    }
    // A key that is not there at all, whatever shape it should have had (a name, or one per language).
    const missing = path.length > 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_union') && doc.getIn(path) === undefined
    const reason = missing ? `Missing ${describePath(path)}` : `${where(path, '', ': ')}${issue.message}`
    fail(file, reason, place(nodeOffset(doc, path)), ruleId)
  }
  return undefined
}

/**
 * The first YAML feature charter's files have no use for, which would carry a value past
 * the checks: anchors and aliases (an aliased key was never checked, and three lines of
 * aliases held a billion values), explicit tags (`!!binary`), and YAML 1.1 (where `y`
 * means true and `<<` merges maps). Each value is written out, as it is printed.
 */
function unusedFeature(doc: Document): { reason: string; offset: number } | undefined {
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    return { reason: `the file says \`%YAML ${doc.directives.yaml.version}\`, whose rules differ (\`y\` means true): remove that line`, offset: 0 }
  }
  let found: { reason: string; offset: number } | undefined
  visit(doc, {
    Alias(_, node) {
      found = { reason: `an alias (\`*${node.source}\`) repeats a value written elsewhere: write the value out where it is used`, offset: node.range?.[0] ?? 0 }
      return visit.BREAK
    },
    Node(_, node) {
      if (node.anchor) found = { reason: `an anchor (\`&${node.anchor}\`) names a value to repeat: charter's files write each value out; remove it`, offset: node.range?.[0] ?? 0 }
      else if (node.tag) found = { reason: `a tag (\`${node.tag.replace('tag:yaml.org,2002:', '!!')}\`) gives a value a type: charter's files hold text, numbers and true or false; remove it`, offset: node.range?.[0] ?? 0 }
      return found ? visit.BREAK : undefined
    }
  })
  return found
}

/** The first key written twice in one map, with its second place; each map's keys in a Set. */
function repeatedKey(doc: Document): { reason: string; offset: number } | undefined {
  let found: { reason: string; offset: number } | undefined
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>()
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key
        if (!seen.has(key)) {
          seen.add(key)
          continue
        }
        found = { reason: `the key \`${String(key)}\` is written twice in the same place: keep one`, offset: isNode(pair.key) && pair.key.range ? pair.key.range[0] : 0 }
        return visit.BREAK
      }
      return undefined
    }
  })
  return found
}

/** Offset of the deepest node on `path` that exists: the value, or its parent when missing. */
function nodeOffset(doc: Document, path: Array<string | number>): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true)
    if (isNode(node) && node.range) return node.range[0]
  }
  return 0
}

/** `individuals.1.name` as a reader counts: `individuals, entry 2, name`; `labels.pageOf` stays. */
function describePath(path: Array<string | number>): string {
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `, entry ${key + 1}`
      return index === 0 ? key : typeof path[index - 1] === 'string' ? `.${key}` : `, ${key}`
    })
    .join('')
}

function where(path: Array<string | number>, before: string, after = ''): string {
  return path.length > 0 ? `${before}${describePath(path)}${after}` : ''
}

/** Adds an error (fatal message) to `file` without throwing. */
export function fail(
  file: VFile,
  reason: string,
  place: { line: number; column: number } | undefined,
  ruleId: string
): void {
  const message = file.message(reason, { place, ruleId, source: 'charter' })
  message.fatal = true
}

/** Line and column of the value at `path` in the YAML `text` (or of its nearest parent that exists). */
export function placeOfPath(text: string, path: Array<string | number>): YamlOrigin {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false })
  const { line, col } = lineCounter.linePos(nodeOffset(doc, path))
  return { line, column: col }
}
