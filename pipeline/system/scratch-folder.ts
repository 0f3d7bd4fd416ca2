/**
 * The build's scratch folders (the browser's profile, fontconfig and temporary files; the
 * preview's builds): where they go, and the clearing of those a killed build left behind.
 *
 * Chromium makes a socket inside its TMPDIR, and a socket's path is at most 107 bytes on
 * Linux (103 on macOS). A long TMPDIR (macOS's own is about 49 characters) stopped every
 * build, so a scratch folder goes where that socket's path fits: TMPDIR, else /tmp.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { BrowserError } from '../errors.js'
import { processAlive } from './process-alive.js'

/** What the scratch folder's place depends on, injectable so that tests can play another machine. */
export interface ScratchHost {
  platform: NodeJS.Platform
  /** The user's temporary folder (os.tmpdir()). */
  tmpdir: string
  /** Whether `folder` exists and can be written. */
  writable(folder: string): boolean
}

const prefix = 'charter-'
/** `charter-` and six random characters. */
const nameLength = prefix.length + 6
/** What Chromium adds inside its TMPDIR for its socket: `/.org.chromium.Chromium.XXXXXX/SingletonSocket`. */
const socketTail = '/.org.chromium.Chromium.XXXXXX/SingletonSocket'.length

const thisHost = (): ScratchHost => ({
  platform: process.platform,
  tmpdir: tmpdir(),
  writable(folder) {
    try {
      return statSync(folder).isDirectory()
    } catch {
      return false
    }
  }
})

/** The folder scratch folders are made in: the first of TMPDIR and /tmp where Chromium's socket path fits. */
export function scratchBase(host: ScratchHost = thisHost()): string {
  // Windows has no socket paths: its temporary folder always does.
  if (host.platform === 'win32') return host.tmpdir
  const limit = host.platform === 'darwin' ? 103 : 107
  const fits = (base: string) => Buffer.byteLength(base) + 1 + nameLength + socketTail <= limit
  const candidates = [host.tmpdir, '/tmp'].filter((base, index, all) => all.indexOf(base) === index)
  const found = candidates.find((base) => fits(base) && host.writable(base))
  if (found) return found
  throw new BrowserError(
    `The temporary folder ${host.tmpdir} has too long a path for the browser (${Buffer.byteLength(host.tmpdir)} bytes; at most ${limit - 1 - nameLength - socketTail}), and /tmp cannot be used: set TMPDIR to a shorter folder, such as /tmp.`
  )
}

/**
 * Makes a new scratch folder, marked with this process's id so that a later build can tell
 * it was abandoned; first removes the folders of builds that were killed (a 2 MB profile
 * each). Returns its path.
 */
export function makeScratchFolder(base = scratchBase()): string {
  removeAbandoned(base)
  for (;;) {
    const folder = path.join(base, prefix + randomBytes(6).toString('base64url').slice(0, 6).replace(/[-_]/g, 'x'))
    try {
      mkdirSync(folder, { mode: 0o700 })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue
      throw error
    }
    writeFileSync(path.join(folder, ownerFile), String(process.pid))
    return folder
  }
}

const ownerFile = 'charter-owner'
/** How long a scratch folder may stand without its owner's mark before it counts as abandoned, in ms. */
const abandonedAfter = 3000

/** Removes scratch folders in `base` whose owner process is gone. Never fails the build. */
function removeAbandoned(base: string, alive: (pid: number) => boolean = processAlive): void {
  let names: string[]
  try {
    names = readdirSync(base)
  } catch {
    return
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || name.length !== nameLength) continue
    const folder = path.join(base, name)
    try {
      const owner = Number(readFileSync(path.join(folder, ownerFile), 'utf8'))
      if (Number.isInteger(owner) && owner > 0 && !alive(owner)) rmSync(folder, { recursive: true, force: true })
    } catch {
      // No owner yet: being made right now, or its build was killed between making it and
      // marking it (seen once in a full test run). A folder is marked at once, so one still
      // unmarked after a few seconds is abandoned. Anything else: left alone.
      try {
        const unmarked = !existsSync(path.join(folder, ownerFile))
        if (unmarked && Date.now() - statSync(folder).mtimeMs > abandonedAfter) rmSync(folder, { recursive: true, force: true })
      } catch {
        // Not ours to remove.
      }
    }
  }
}
