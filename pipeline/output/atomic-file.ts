/**
 * The one way charter writes a file in place: the bytes go into a new file beside it,
 * flushed to the disk, which is then renamed over the old one. A reader, or a build killed
 * half-way, sees the old file or the new, never half of one.
 */
import { randomBytes } from 'node:crypto'
import { chmod, mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises'
import path from 'node:path'

/** How a file is opened for writing: Node's `open`, or in tests one that fills the disk. */
export type OpenFile = (file: string, flags: string, mode: number) => Promise<FileHandle>

/** Writes `bytes` into the new file `file` (making its folders) and flushes it to the disk; fails if it exists. */
export async function writeFlushed(file: string, bytes: Uint8Array | string, mode = 0o666, openFile: OpenFile = open): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const handle = await openFile(file, 'wx', mode)
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Replaces `file` with `bytes` (given `mode`, else the usual), through a flushed temporary file beside it and a rename. */
export async function writeFileAtomically(file: string, bytes: Uint8Array | string, { mode, openFile }: { mode?: number; openFile?: OpenFile } = {}): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.charter-tmp`)
  try {
    await writeFlushed(temporary, bytes, mode, openFile)
    // Exactly the mode asked for, whatever the umask took from it.
    if (mode !== undefined) await chmod(temporary, mode)
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}
