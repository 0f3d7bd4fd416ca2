/**
 * Applies the fixes that lint messages carry (`expected`: the replacement of the text at
 * the message's place) to the original text, by offsets: every other byte stays as it was,
 * and nothing is re-serialised. Fixed files are written to a temporary file beside them and
 * renamed over the original, so an interrupted fix never leaves half a file.
 */
import { stat } from 'node:fs/promises'
import type { VFile } from 'vfile'
import { writeFileAtomically } from '../output/atomic-file.js'
import { lintRules } from './index.js'

interface Edit {
  start: number
  end: number
  replacement: string
}

const fixable = new Set(lintRules.filter((rule) => rule.fixable).map((rule) => rule.id))

/** The fixes on `file`, in order, leaving out any that overlaps one before it (the next pass takes it). */
export function fixesOf(file: VFile): Edit[] {
  const edits: Edit[] = []
  for (const message of file.messages) {
    const start = message.place && 'start' in message.place ? message.place.start.offset : undefined
    const end = message.place && 'end' in message.place ? message.place.end.offset : undefined
    if (!fixable.has(message.ruleId ?? '') || message.expected?.length !== 1 || start === undefined || end === undefined) continue
    edits.push({ start, end, replacement: message.expected[0] })
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end)
  let reached = -1
  return edits.filter((edit) => {
    if (edit.start < reached || (edit.start === reached && edit.start === edit.end)) return false
    reached = edit.end
    return true
  })
}

/** `text` with `edits` (sorted, not overlapping) applied. */
export function applyEdits(text: string, edits: Edit[]): string {
  let result = ''
  let at = 0
  for (const edit of edits) {
    result += text.slice(at, edit.start) + edit.replacement
    at = edit.end
  }
  return result + text.slice(at)
}

/** Writes `text` to `file` (relative to the working folder), keeping its mode, atomically. */
export async function replaceFile(file: string, text: string): Promise<void> {
  await writeFileAtomically(file, text, { mode: (await stat(file)).mode & 0o7777 })
}
