/**
 * The one module that writes into the output folder, which moves from one build to the
 * next as a whole:
 *
 * 1. every new or changed file is written (and flushed to disk) into a staging folder
 *    inside the output folder, `.charter-staging-<id>/`; a full disk fails here, before
 *    anything is replaced;
 * 2. a commit record (`.charter-commit.json`) lists the files to move;
 * 3. each file is renamed into place, manifest.json last; then the record goes.
 *
 * A build killed during step 3 leaves the record: the next build (and `charter verify`)
 * sees it, and the next build finishes the moves before it does anything else. One killed
 * earlier leaves only its staging folder, which the next build removes. So a reader only
 * ever sees a previous complete file or the new complete one, and the folder as a whole is
 * either the last build's or, once the record is gone, the new one's.
 *
 * An artifact's `file` may name a sub-folder (`web/fonts/x.woff2`).
 */
import { constants } from 'node:fs'
import { createHash, randomBytes } from 'node:crypto'
import { access, lstat, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { OutputError } from '../errors.js'
import { writeFileAtomically, writeFlushed, type OpenFile } from './atomic-file.js'
import { processAlive } from '../system/process-alive.js'

/** One file the build made, in memory until written. */
export interface Artifact {
  /** Stable id used in manifest.json: `reading`, `epub`, `pamphlet`, ... */
  id: string
  /** File name inside the output folder, `/`-separated when in a sub-folder (`web/index.html`). */
  file: string
  format: 'pdf' | 'epub' | 'html' | 'woff2'
  paper: string | null
  pages: number | null
  bytes: Uint8Array
  /** Names people who asked not to be named (the organisers' copy): readable by its owner only (mode 0600). */
  private?: boolean
}

export interface ManifestEntry {
  id: string
  file: string
  format: Artifact['format']
  paper: string | null
  pages: number | null
  bytes: number
  sha256: string
}

/** The commit record of a build that is moving its files into place. */
export const commitRecord = '.charter-commit.json'
/** Staging folders start with this. */
export const stagingPrefix = '.charter-staging-'

interface Commit {
  /** The staging folder's name, inside the output folder. */
  staging: string
  /** Files to move from staging into place, in order (manifest.json last). */
  moves: string[]
  /** Files of the last build, in sub-folders, that this one did not make. */
  removals: string[]
}

/**
 * Makes sure `folder` exists and can be written before any work is done, so a build that
 * could not save its result fails at once; finishes what a killed build left. Throws OutputError.
 */
export async function prepareOutput(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true })
    await access(folder, constants.W_OK)
    await recoverOutput(folder)
  } catch (error) {
    if (error instanceof OutputError) throw error
    throw new OutputError(`Cannot write to the output folder ${folder}: ${whyNot(error)}. Choose another with --out DIR.`)
  }
}

/**
 * Finishes the moves of a build that was killed while making them, then removes the
 * staging folders of builds killed before theirs. Afterwards `folder` is one build's, whole.
 */
export async function recoverOutput(folder: string): Promise<void> {
  const record = await readFile(path.join(folder, commitRecord), 'utf8').catch(() => undefined)
  if (record !== undefined) {
    const commit = parseCommit(record)
    if (commit) await move(folder, commit)
    else await rm(path.join(folder, commitRecord), { force: true })
  }
  for (const name of await readdir(folder)) {
    // A commit record half written by a build killed at that moment.
    if (name.startsWith(`${commitRecord}.`) && name.endsWith('.charter-tmp')) await rm(path.join(folder, name), { force: true })
    // Another build writing into the same folder right now keeps its own.
    const owner = Number(/^\.charter-staging-(\d+)-/.exec(name)?.[1])
    if (name.startsWith(stagingPrefix) && !(owner !== process.pid && processAlive(owner))) {
      await rm(path.join(folder, name), { recursive: true, force: true })
    }
  }
}

/**
 * Writes every artifact, then manifest.json, as one move (see the top of this file); returns
 * the manifest entries. `openFile` is for tests.
 */
export async function writeOutput(folder: string, artifacts: Artifact[], openFile: OpenFile = open): Promise<ManifestEntry[]> {
  for (const artifact of artifacts) checkFileName(artifact.file)
  const previous = await previousFiles(folder)
  const entries = artifacts.map(
    (artifact): ManifestEntry => ({
      id: artifact.id,
      file: artifact.file,
      format: artifact.format,
      paper: artifact.paper,
      pages: artifact.pages,
      bytes: artifact.bytes.byteLength,
      sha256: createHash('sha256').update(artifact.bytes).digest('hex')
    })
  )
  const manifest = new TextEncoder().encode(JSON.stringify({ artifacts: entries }, null, 2) + '\n')
  const depth = (file: string) => file.split('/').length
  // Sub-folders first, so a page never names a font that is not there yet.
  const deepestFirst = [...artifacts].sort((a, b) => depth(b.file) - depth(a.file))
  const written = new Set(artifacts.map((artifact) => artifact.file))
  const commit: Commit = {
    staging: `${stagingPrefix}${process.pid}-${randomBytes(4).toString('hex')}`,
    moves: [],
    // Files the last build put in a sub-folder and this one did not make (a font the text
    // no longer uses) would otherwise linger in web/fonts/; top-level files are kept.
    removals: previous.filter((file) => file.includes('/') && !written.has(file))
  }
  const staging = path.join(folder, commit.staging)
  for (const artifact of artifacts) await checkInside(folder, artifact.file)
  for (const file of commit.removals) await checkInside(folder, file)
  try {
    for (const artifact of [...deepestFirst, { file: 'manifest.json', bytes: manifest, private: false }]) {
      // A file already holding these bytes is left alone: no rewrite, no flush to disk (the
      // preview rebuilds on every save, and most of the web edition's fonts do not change).
      // (The organisers' copy is always written again: an older one may be readable by all.)
      if (!artifact.private && (await holds(path.join(folder, artifact.file), artifact.bytes))) continue
      await writeFlushed(path.join(staging, artifact.file), artifact.bytes, artifact.private ? 0o600 : 0o666, openFile)
      commit.moves.push(artifact.file)
    }
    if (commit.moves.length > 0 || commit.removals.length > 0) await writeFileAtomically(path.join(folder, commitRecord), JSON.stringify(commit), { openFile })
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    throw new OutputError(`Cannot write the files into ${folder}: ${whyNot(error)}. Nothing in it was changed. Free some space, or choose another folder with --out DIR.`)
  }
  try {
    await move(folder, commit)
  } catch (error) {
    throw new OutputError(`Cannot put the files in place in ${folder}: ${whyNot(error)}. Run the build again to finish.`)
  }
  return entries
}

/**
 * Makes the moves of `commit` that are not made yet, the removals, then removes its record
 * and staging folder. Every path is checked first: the record and the folder's contents may
 * be anyone's (a shared or synced folder), and a link inside it (`web` → a folder elsewhere)
 * would have the moves write, and the removals delete, outside the output folder.
 */
async function move(folder: string, commit: Commit): Promise<void> {
  const staging = path.join(folder, commit.staging)
  const info = await lstat(staging).catch(() => undefined)
  if (info && !info.isDirectory()) throw linkError(folder, commit.staging)
  for (const file of commit.moves) {
    await checkInside(folder, `${commit.staging}/${file}`)
    await checkInside(folder, file)
  }
  for (const file of commit.removals) await checkInside(folder, file)
  for (const file of commit.moves) {
    const from = path.join(staging, file)
    // Moved already, by the build that was killed.
    const moving = await lstat(from).catch(() => undefined)
    if (!moving) continue
    if (!moving.isFile()) throw linkError(folder, `${commit.staging}/${file}`)
    await mkdir(path.dirname(path.join(folder, file)), { recursive: true })
    await rename(from, path.join(folder, file))
  }
  for (const file of commit.removals) await rm(path.join(folder, file), { force: true })
  await flushFolder(folder)
  await rm(path.join(folder, commitRecord), { force: true })
  await rm(staging, { recursive: true, force: true })
}

/**
 * Throws OutputError when a folder on the way to `file` inside `folder` is a link or not a
 * folder: charter writes only into folders of its own.
 */
async function checkInside(folder: string, file: string): Promise<void> {
  const parts = file.split('/')
  for (let depth = 1; depth < parts.length; depth++) {
    const relative = parts.slice(0, depth).join('/')
    const info = await lstat(path.join(folder, ...parts.slice(0, depth))).catch(() => undefined)
    if (!info) return
    if (info.isSymbolicLink() || !info.isDirectory()) throw linkError(folder, relative)
  }
}

function linkError(folder: string, relative: string): OutputError {
  return new OutputError(
    `The output folder ${folder} holds ${relative}, a link or a file where charter keeps a folder: it writes only into folders of its own, never through a link (which could lead anywhere). Remove ${relative}, or choose another folder with --out DIR.`
  )
}

/** A commit record, if it is one this module wrote (names checked: it is read back from disk). */
function parseCommit(text: string): Commit | undefined {
  try {
    const value = JSON.parse(text) as Partial<Commit>
    const names = [...(value.moves ?? []), ...(value.removals ?? [])]
    if (typeof value.staging !== 'string' || !value.staging.startsWith(stagingPrefix) || value.staging.includes('/') || value.staging.includes('\\')) return undefined
    if (!Array.isArray(value.moves) || !Array.isArray(value.removals) || !names.every((name) => typeof name === 'string' && safeFileName(name))) return undefined
    return value as Commit
  } catch {
    return undefined
  }
}

/** Throws when `file` could land outside the output folder: a fault in an edition, not in the text. */
function checkFileName(file: string) {
  if (!safeFileName(file)) throw new Error(`Artifact file name "${file}" must be a relative path without "." or ".." parts: fix the edition that made it`)
}

/** Whether `file` is a relative `/`-separated path that stays inside its folder. */
export function safeFileName(file: string): boolean {
  return !(file === '' || file.startsWith('/') || file.includes('\\') || /^[a-zA-Z]:/.test(file) || file.split('/').some((part) => part === '' || part === '.' || part === '..'))
}

/** Whether `file` exists and holds exactly `bytes`. */
async function holds(file: string, bytes: Uint8Array): Promise<boolean> {
  const info = await stat(file).catch(() => undefined)
  if (!info?.isFile() || info.size !== bytes.byteLength) return false
  return (await readFile(file)).equals(bytes)
}

/** The files listed in the output folder's manifest.json by the last build, if any. */
async function previousFiles(folder: string): Promise<string[]> {
  try {
    const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as { artifacts?: Array<{ file?: unknown }> }
    const files = (manifest.artifacts ?? []).map((entry) => entry.file).filter((file): file is string => typeof file === 'string')
    return files.filter(safeFileName)
  } catch {
    return []
  }
}

/** Flushes a folder's entries (the renames) to the disk, where the system can (not Windows). */
async function flushFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined)
  await handle?.sync().catch(() => undefined)
  await handle?.close()
}

/** Why a folder cannot be written, in words, with the system's code for whoever helps. */
function whyNot(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  const words: Record<string, string> = {
    EEXIST: 'it is a file, not a folder',
    ENOTDIR: 'part of the path is a file, not a folder',
    EACCES: 'you do not have permission to write there',
    EPERM: 'you do not have permission to write there',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'your disk quota is used up'
  }
  return code ? `${words[code] ?? 'the system refused'} (${code})` : String(error)
}
