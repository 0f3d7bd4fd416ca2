/**
 * The one module that writes into the output folder. Every file is written to a
 * temporary name in the same folder and renamed into place, so a reader (or a build
 * killed half-way) only ever sees a previous complete file or the new complete one.
 * manifest.json, written last, lists every artifact with its size and sha256.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { OutputError } from './errors.js'

/** One file the build made, in memory until written. */
export interface Artifact {
  /** Stable id used in manifest.json: `reading`, `epub`, `pamphlet`, ... */
  id: string
  /** File name inside the output folder. */
  file: string
  format: 'pdf' | 'epub' | 'html'
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

/** Writes every artifact, then manifest.json, atomically; returns the manifest entries. */
export async function writeOutput(folder: string, artifacts: Artifact[]): Promise<ManifestEntry[]> {
  try {
    await mkdir(folder, { recursive: true })
    await removeStaleTemporaries(folder)
  } catch (error) {
    throw new OutputError(`Cannot write to the output folder ${folder}: ${(error as NodeJS.ErrnoException).code ?? error}. Choose another with --out DIR.`)
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
  for (const artifact of [...artifacts, { file: 'manifest.json', bytes: manifest }]) {
    await writeAtomically(folder, artifact.file, artifact.bytes)
  }
  return entries
}

/** Writes `bytes` to `folder/name` through a temporary file and a rename. */
export async function writeAtomically(folder: string, name: string, bytes: Uint8Array): Promise<void> {
  const target = path.join(folder, name)
  const temporary = path.join(folder, `${tempPrefix}${randomBytes(6).toString('hex')}-${name}`)
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
