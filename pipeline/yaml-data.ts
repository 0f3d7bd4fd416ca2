/**
 * Reads YAML data (a file, or a Markdown file's front matter) against a zod schema.
 * Problems never throw: each becomes a vfile message at the offending key's line and
 * column, with a rule id, so a volunteer editing the file sees where to look.
 */
import { isNode, LineCounter, parseDocument } from 'yaml'
import type { VFile } from 'vfile'
import type { z } from 'zod'

/** Where the YAML text starts inside the file (front matter starts after `---`). */
export interface YamlOrigin {
  line: number
  column: number
  offset: number
}

const fileStart: YamlOrigin = { line: 1, column: 1, offset: 0 }

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
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const place = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset)
    return {
      line: origin.line + line - 1,
      column: line === 1 ? origin.column + col - 1 : col
    }
  }
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '')
      fail(file, `Cannot read the YAML: ${reason}`, place(error.pos[0]), 'yaml-syntax')
    }
    return undefined
  }
  const result = schema.safeParse(doc.toJS() ?? {})
  if (result.success) return result.data
  for (const issue of result.error.issues) {
    const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))
    // Point at the deepest node that exists: the key's value, or its parent when missing.
    let offset = 0
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true)
      if (isNode(node) && node.range) {
        offset = node.range[0]
        break
      }
    }
    const where = path.length > 0 ? `\`${path.join('.')}\`: ` : ''
    fail(file, `${where}${issue.message}`, place(offset), ruleId)
  }
  return undefined
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
