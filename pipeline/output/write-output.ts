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
 * sees it, and the next build finishes the moves before it does anything else (commit.ts).
 * One killed earlier leaves only its staging folder, which the next build removes. So a
 * reader only ever sees a previous complete file or the new complete one, and the folder as
 * a whole is either the last build's or, once the record is gone, the new one's.
 *
 * An artifact's `file` may name a sub-folder (`web/fonts/x.woff2`).
 */
import { constants } from 'node:fs'
import { createHash, randomBytes } from 'node:crypto'
import { access, mkdir, open, readFile, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { OutputError } from '../errors.js'
import { writeFileAtomically, writeFlushed, type OpenFile } from './atomic-file.js'
import { checkInside, commitRecord, move, recoverOutput, safeFileName, stagingPrefix, type Commit } from './commit.js'

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
    if (error instanceof OutputError) throw error
    throw new OutputError(`Cannot put the files in place in ${folder}: ${whyNot(error)}. Run the build again to finish.`)
  }
  return entries
}

/** Throws when `file` could land outside the output folder: a fault in an edition, not in the text. */
function checkFileName(file: string) {
  if (!safeFileName(file)) throw new Error(`Artifact file name "${file}" must be a relative path without "." or ".." parts: fix the edition that made it`)
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
