/**
 * Keeps the organisers' copy (`--include-private`, which names people who asked not to be
 * named) away from the files that are published, and the published files away from it:
 *
 * - the organisers' copy is refused in a folder that is, or lies inside, a published
 *   folder: `dist/` of the working folder, `dist/` of charter itself, or a folder (or a
 *   folder above it) holding a public build's manifest.json;
 * - a public build is refused in a folder that holds an organisers' copy, in it or in the
 *   folders below it, where the next upload of the folder would take it along.
 *
 * Folders are compared as the file system sees them: `dist/organisers`, a link to `dist`,
 * an absolute path to it from elsewhere and, on a disk that ignores case (macOS, Windows),
 * `DIST` are all inside `dist`.
 */
import type { Stats } from 'node:fs'
import { readdir, readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { projectPath } from '../project.js'

/** The file system calls this module needs, injectable so that tests can play another disk. */
export interface FolderSystem {
  stat(file: string): Promise<Pick<Stats, 'dev' | 'ino' | 'isDirectory'>>
  realpath(file: string): Promise<string>
  readdir(folder: string): Promise<string[]>
  readFile(file: string): Promise<string>
}

const nodeSystem: FolderSystem = {
  stat: (file) => stat(file),
  realpath: (file) => realpath(file),
  readdir: (folder) => readdir(folder),
  readFile: (file) => readFile(file, 'utf8')
}

/** charter's own dist/ (beside lib/ and pipeline/). */
const ownDist = projectPath('dist')

/** What an organisers' copy is called, whatever the publication's name and paper. */
const organisersCopyName = /-signing-sheet-organisers-[^/\\]*\.pdf$/

/**
 * Why `out` may not take the organisers' copy, or undefined when it may. `cwd` is the
 * folder the command runs in (its `dist/` is the default output).
 */
export async function organisersCopyRefusal(out: string, cwd = process.cwd(), fs: FolderSystem = nodeSystem): Promise<string | undefined> {
  const target = await resolveFolder(path.resolve(cwd, out), fs)
  for (const published of [path.resolve(cwd, 'dist'), ownDist]) {
    const found = await relation(target, await resolveFolder(published, fs), fs)
    if (found) {
      return `${out} is ${found === 'same' ? '' : 'inside '}the folder that is published (${path.relative(cwd, published) || published}): write the organisers' copy to a folder of its own, away from it, such as --out organisers`
    }
  }
  // A public build's output folder, or one above: the organisers' copy would go up with it.
  for (let folder = target.existing; ; folder = path.dirname(folder)) {
    if (await holdsPublicBuild(folder, fs)) {
      return `${out} is ${folder === target.existing && target.rest.length === 0 ? '' : 'inside '}a folder of published editions (${folder}, it has their manifest.json): write the organisers' copy to a folder of its own, such as --out organisers`
    }
    if (path.dirname(folder) === folder) return undefined
  }
}

/**
 * Why a public build may not write into `out`, or undefined: it holds an organisers' copy
 * somewhere below it (through links to folders too, which an upload may follow), or it is
 * too large to be sure it holds none.
 */
export async function publicBuildRefusal(out: string, cwd = process.cwd(), fs: FolderSystem = nodeSystem): Promise<string | undefined> {
  const folder = path.resolve(cwd, out)
  const found = await findOrganisersCopy(folder, fs)
  if (found === 'too many') {
    return `${out} holds more than ${count(searchLimit)} files, too many to make sure that no organisers' copy is among them: build into a folder of its own, such as --out dist`
  }
  if (!found) return undefined
  return `${out} holds the organisers' copy (${path.relative(folder, found)}), which names people who must not be named: move it somewhere private first, or choose another folder with --out DIR`
}

interface ResolvedFolder {
  /** The path as given, absolute. */
  path: string
  /** Its nearest folder that exists, links resolved. */
  existing: string
  /** The parts below `existing` that do not exist yet. */
  rest: string[]
}

/** `absolute` with its existing part's links resolved. */
async function resolveFolder(absolute: string, fs: FolderSystem): Promise<ResolvedFolder> {
  const rest: string[] = []
  let existing = absolute
  for (;;) {
    try {
      return { path: absolute, existing: await fs.realpath(existing), rest }
    } catch {
      if (path.dirname(existing) === existing) return { path: absolute, existing, rest }
      rest.unshift(path.basename(existing))
      existing = path.dirname(existing)
    }
  }
}

/** Whether `target` is `folder` (`same`), lies inside it (`inside`), or neither (undefined). */
async function relation(target: ResolvedFolder, folder: ResolvedFolder, fs: FolderSystem): Promise<'same' | 'inside' | undefined> {
  // Both exist as far as `folder` goes: compare the disk's own identities, which see
  // through links and letter case alike.
  if (folder.rest.length === 0) {
    const wanted = await fs.stat(folder.existing).catch(() => undefined)
    if (wanted) {
      for (let at = target.existing; ; at = path.dirname(at)) {
        const info = await fs.stat(at).catch(() => undefined)
        if (info && info.dev === wanted.dev && info.ino === wanted.ino) return at === target.existing && target.rest.length === 0 ? 'same' : 'inside'
        if (path.dirname(at) === at) break
      }
    }
  }
  // `folder` does not exist yet: compare the paths, ignoring case where the disk does.
  const full = (resolved: ResolvedFolder) => path.join(resolved.existing, ...resolved.rest)
  const fold = (await ignoresCase(folder.existing, fs)) ? (text: string) => text.toLowerCase() : (text: string) => text
  const [a, b] = [fold(full(target)), fold(full(folder))]
  if (a === b) return 'same'
  return a.startsWith(b.endsWith(path.sep) ? b : b + path.sep) ? 'inside' : undefined
}

/** Whether the disk holding `folder` ignores letter case (it finds the folder under another case). */
async function ignoresCase(folder: string, fs: FolderSystem): Promise<boolean> {
  const name = path.basename(folder)
  const swapped = name.replace(/\p{L}/gu, (letter) => (letter === letter.toLowerCase() ? letter.toUpperCase() : letter.toLowerCase()))
  if (swapped === name) return process.platform === 'darwin' || process.platform === 'win32'
  const [a, b] = await Promise.all([fs.stat(folder).catch(() => undefined), fs.stat(path.join(path.dirname(folder), swapped)).catch(() => undefined)])
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino
}

/** Whether `folder` holds the manifest.json of a build without the organisers' copy. */
async function holdsPublicBuild(folder: string, fs: FolderSystem): Promise<boolean> {
  try {
    const manifest = JSON.parse(await fs.readFile(path.join(folder, 'manifest.json'))) as { artifacts?: Array<{ file?: unknown }> }
    if (!Array.isArray(manifest.artifacts)) return false
    return !manifest.artifacts.some((entry) => typeof entry.file === 'string' && organisersCopyName.test(entry.file))
  } catch {
    return false
  }
}

/** Entries looked at, at most, for an organisers' copy below an output folder (one holds a few dozen). */
const searchLimit = 100_000

/**
 * An organisers' copy anywhere below `folder` (links to folders followed, each folder once),
 * undefined when there is none, or `too many` when the folder holds more than `searchLimit`
 * entries: then the build is refused rather than risk it.
 */
async function findOrganisersCopy(folder: string, fs: FolderSystem): Promise<string | undefined | 'too many'> {
  const seen = new Set<string>()
  const pending = [folder]
  let entries = 0
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const info = await fs.stat(next).catch(() => undefined)
    if (!info?.isDirectory()) continue
    const identity = `${info.dev}:${info.ino}`
    if (seen.has(identity)) continue
    seen.add(identity)
    const names = await fs.readdir(next).catch(() => [] as string[])
    entries += names.length
    if (entries > searchLimit) return 'too many'
    for (const name of names) {
      if (organisersCopyName.test(name)) return path.join(next, name)
      pending.push(path.join(next, name))
    }
  }
  return undefined
}

const count = (value: number) => new Intl.NumberFormat('en-US').format(value)
