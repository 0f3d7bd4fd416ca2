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
  const repeated = repeatedKey(doc)
  if (repeated) {
    fail(file, `Cannot read the YAML: the key \`${repeated.key}\` is written twice in the same place: keep one`, place(repeated.offset), 'yaml-syntax')
    return undefined
  }
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: maxAliases })
  } catch {
    // The only way toJS fails on a document that parsed: aliases that multiply (a "billion
    // laughs" of three lines held more values than memory).
    const alias = firstAlias(doc)
    fail(file, `Cannot read the YAML: its aliases (\`*name\`) repeat values too often, more than ${maxAliases} times: write the values out`, place(alias), 'yaml-syntax')
    return undefined
  }
  const result = schema.safeParse(data ?? {})
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

/** Aliases a file may use (`*name`, each counted as often as it expands): the source needs none. */
const maxAliases = 100

/** The first key written twice in one map, with its second place; each map's keys in a Set. */
function repeatedKey(doc: Document): { key: string; offset: number } | undefined {
  let found: { key: string; offset: number } | undefined
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>()
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key
        if (!seen.has(key)) {
          seen.add(key)
          continue
        }
        found = { key: String(key), offset: isNode(pair.key) && pair.key.range ? pair.key.range[0] : 0 }
        return visit.BREAK
      }
      return undefined
    }
  })
  return found
}

/** The offset of the document's first alias, or 0. */
function firstAlias(doc: Document): number {
  let offset = 0
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0
      return visit.BREAK
    }
  })
  return offset
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
