/**
 * `charter verify`: checks a folder of editions against its manifest.json, so that a reader
 * who was sent a copy (or an editor about to upload one) can tell it is exactly what a build
 * made: every listed file there with its size and sha256, nothing else beside them, and no
 * build stopped half-way through writing it.
 */
import { createHash } from 'node:crypto'
import { lstat, readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { commitRecord, safeFileName, stagingPrefix } from './commit.js'

/** One way a folder differs from its manifest. */
export interface VerifyProblem {
  kind: 'missing' | 'changed' | 'link' | 'extra' | 'unfinished'
  /** `/`-separated, relative to the folder. */
  file: string
}

export interface VerifyResult {
  /** The files the manifest lists; undefined when there is no readable manifest. */
  listed: number | undefined
  problems: VerifyProblem[]
}

/** Files an operating system drops into folders by itself; never a build's, never a problem. */
const systemLitter = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini'])

/** Checks `folder` against its manifest.json. Never throws for what it finds. */
export async function verifyOutput(folder: string): Promise<VerifyResult> {
  let entries: Array<{ file: string; bytes: number; sha256: string }>
  try {
    const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as { artifacts?: unknown }
    if (!Array.isArray(manifest.artifacts)) return { listed: undefined, problems: [] }
    entries = manifest.artifacts.filter(
      (entry): entry is { file: string; bytes: number; sha256: string } =>
        typeof entry?.file === 'string' && safeFileName(entry.file) && typeof entry.sha256 === 'string' && typeof entry.bytes === 'number'
    )
    // A manifest naming files outside the folder (or nothing it could name) is no manifest.
    if (entries.length !== manifest.artifacts.length) return { listed: undefined, problems: [] }
  } catch {
    return { listed: undefined, problems: [] }
  }
  const problems: VerifyProblem[] = []
  for (const entry of entries) {
    const file = path.join(folder, ...entry.file.split('/'))
    // A link to a file elsewhere is not the file: a copy holds the files themselves.
    if ((await lstat(file).catch(() => undefined))?.isSymbolicLink()) {
      problems.push({ kind: 'link', file: entry.file })
      continue
    }
    const info = await stat(file).catch(() => undefined)
    if (!info?.isFile()) {
      problems.push({ kind: 'missing', file: entry.file })
      continue
    }
    const same = info.size === entry.bytes && createHash('sha256').update(await readFile(file)).digest('hex') === entry.sha256
    if (!same) problems.push({ kind: 'changed', file: entry.file })
  }
  const listed = new Set(['manifest.json', ...entries.map((entry) => entry.file)])
  for (const file of await filesUnder(folder)) {
    const name = file.split('/').at(-1)!
    if (listed.has(file) || systemLitter.has(name)) continue
    const unfinished = file === commitRecord || file.startsWith(stagingPrefix) || (file.startsWith(`${commitRecord}.`) && file.endsWith('.charter-tmp'))
    // A stopped build's staging folder is one problem, not one per file in it.
    if (unfinished && problems.some((problem) => problem.kind === 'unfinished' && problem.file === file.split('/')[0])) continue
    problems.push({ kind: unfinished ? 'unfinished' : 'extra', file: unfinished ? file.split('/')[0] : file })
  }
  return { listed: entries.length, problems }
}

/** Every file under `folder`, `/`-separated and relative, sorted. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}
