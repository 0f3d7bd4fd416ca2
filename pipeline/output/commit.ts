/**
 * The move of a build's files into the output folder, and its recovery: a commit record
 * (`.charter-commit.json`) lists the files waiting in a staging folder
 * (`.charter-staging-<pid>-<id>/`); they are renamed into place in order, manifest.json
 * last, then the record goes. A build killed during the moves leaves the record, and the
 * next build finishes them (recoverOutput) before anything else. The record and the folder
 * may be anyone's (a shared or synced folder): every path is checked before it is used.
 */
import { lstat, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { OutputError } from '../errors.js'
import { processAlive } from '../system/process-alive.js'

/** The commit record of a build that is moving its files into place. */
export const commitRecord = '.charter-commit.json'
/** Staging folders start with this. */
export const stagingPrefix = '.charter-staging-'

export interface Commit {
  /** The staging folder's name, inside the output folder. */
  staging: string
  /** Files to move from staging into place, in order (manifest.json last). */
  moves: string[]
  /** Files of the last build, in sub-folders, that this one did not make. */
  removals: string[]
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
 * Makes the moves of `commit` that are not made yet, the removals, then removes its record
 * and staging folder. Every path is checked first: the record and the folder's contents may
 * be anyone's (a shared or synced folder), and a link inside it (`web` → a folder elsewhere)
 * would have the moves write, and the removals delete, outside the output folder.
 */
export async function move(folder: string, commit: Commit): Promise<void> {
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
    await rename(from, path.join(folder, file)).catch((error: unknown) => {
      throw lockedFileError(error, file) ?? error
    })
  }
  for (const file of commit.removals) await rm(path.join(folder, file), { force: true })
  await flushFolder(folder)
  await rm(path.join(folder, commitRecord), { force: true })
  await rm(staging, { recursive: true, force: true })
}

/**
 * The error for a file another program holds open, which Windows will not let a file be
 * renamed over (EBUSY, or EPERM and EACCES there): a PDF open in a viewer. Undefined for
 * any other error. The build that follows finishes the move (the commit record stays).
 */
export function lockedFileError(error: unknown, file: string, platform: NodeJS.Platform = process.platform): OutputError | undefined {
  const code = (error as NodeJS.ErrnoException).code
  if (code !== 'EBUSY' && !(platform === 'win32' && (code === 'EPERM' || code === 'EACCES'))) return undefined
  return new OutputError(`${file} is open in another program, which keeps it from being replaced: close it in your PDF viewer (or e-book reader) and build again (${code}).`)
}

/**
 * Throws OutputError when a folder on the way to `file` inside `folder` is a link or not a
 * folder: charter writes only into folders of its own.
 */
export async function checkInside(folder: string, file: string): Promise<void> {
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

/** Whether `file` is a relative `/`-separated path that stays inside its folder. */
export function safeFileName(file: string): boolean {
  return !(file === '' || file.startsWith('/') || file.includes('\\') || /^[a-zA-Z]:/.test(file) || file.split('/').some((part) => part === '' || part === '.' || part === '..'))
}

/** Flushes a folder's entries (the renames) to the disk, where the system can (not Windows). */
async function flushFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined)
  await handle?.sync().catch(() => undefined)
  await handle?.close()
}
