/**
 * The one module that writes into the output folder. Every file is written to a
 * temporary name in the same folder and renamed into place, so a reader (or a build
 * killed half-way) only ever sees a previous complete file or the new complete one.
 * manifest.json, written last, lists every artifact with its size and sha256.
 * An artifact's `file` may name a sub-folder (`web/fonts/x.woff2`); files in sub-folders
 * are written first, so a page never names a font that is not there yet.
 */
import { constants } from 'node:fs'
import { createHash, randomBytes } from 'node:crypto'
import { access, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { OutputError } from './errors.js'

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

const tempPrefix = '.charter-tmp-'

/**
 * Makes sure `folder` exists and can be written before any work is done, so a build that
 * could not save its result fails at once. Throws OutputError.
 */
export async function prepareOutput(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true })
    await access(folder, constants.W_OK)
  } catch (error) {
    throw new OutputError(`Cannot write to the output folder ${folder}: ${whyNot(error)}. Choose another with --out DIR.`)
  }
}

/** Writes every artifact, then manifest.json, atomically; returns the manifest entries. */
export async function writeOutput(folder: string, artifacts: Artifact[]): Promise<ManifestEntry[]> {
  for (const artifact of artifacts) checkFileName(artifact.file)
  const previous = await previousFiles(folder)
  try {
    for (const sub of new Set(['.', ...artifacts.map((artifact) => path.posix.dirname(artifact.file))])) {
      await mkdir(path.join(folder, sub), { recursive: true })
      await removeStaleTemporaries(path.join(folder, sub))
    }
  } catch (error) {
    throw new OutputError(`Cannot write to the output folder ${folder}: ${whyNot(error)}. Choose another with --out DIR.`)
  }
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
  const deepestFirst = [...artifacts].sort((a, b) => depth(b.file) - depth(a.file))
  for (const artifact of [...deepestFirst, { file: 'manifest.json', bytes: manifest }]) {
    // A file already holding these bytes is left alone: no rewrite, no flush to disk (the
    // preview rebuilds on every save, and most of the web edition's fonts do not change).
    if (await holds(path.join(folder, artifact.file), artifact.bytes)) continue
    await writeAtomically(folder, artifact.file, artifact.bytes)
  }
  // Files the last build put in a sub-folder and this one did not make (a font slice the
  // text no longer uses) would otherwise linger in web/fonts/; top-level files are kept.
  const written = new Set(artifacts.map((artifact) => artifact.file))
  for (const file of previous) {
    if (file.includes('/') && !written.has(file)) await rm(path.join(folder, file), { force: true })
  }
  return entries
}

/** Throws when `file` could land outside the output folder: a fault in an edition, not in the text. */
function checkFileName(file: string) {
  if (file === '' || file.startsWith('/') || file.includes('\\') || file.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    throw new Error(`Artifact file name "${file}" must be a relative path without "." or ".." parts: fix the edition that made it`)
  }
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
    return files.filter((file) => {
      try {
        checkFileName(file)
        return true
      } catch {
        return false
      }
    })
  } catch {
    return []
  }
}

/** Writes `bytes` to `folder/name` through a temporary file and a rename. */
export async function writeAtomically(folder: string, name: string, bytes: Uint8Array): Promise<void> {
  const target = path.join(folder, name)
  const temporary = path.join(path.dirname(target), `${tempPrefix}${randomBytes(6).toString('hex')}-${path.basename(target)}`)
  try {
    const handle = await open(temporary, 'wx')
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    throw new OutputError(`Cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? error}. Choose another folder with --out DIR.`)
  }
}

/** Temporary files left by a build that was killed before its rename. */
async function removeStaleTemporaries(folder: string) {
  for (const name of await readdir(folder)) {
    if (name.startsWith(tempPrefix)) await rm(path.join(folder, name), { force: true })
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
    ENOSPC: 'the disk is full'
  }
  return code ? `${words[code] ?? 'the system refused'} (${code})` : String(error)
}
