/**
 * writeOutput() with files in sub-folders (the web edition's page and fonts): each lands
 * where its name says, unchanged files are not rewritten, a sub-folder file the previous
 * build made and this one did not is removed, and a name that climbs out is refused. The
 * folder moves as a whole: a full disk changes nothing, and a build killed while moving its
 * files into place is finished by the next; `charter verify` tells which folder is which.
 */
import { existsSync } from 'node:fs'
import fs, { mkdir, open, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { syncBuiltinESMExports } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { OpenFile } from '../pipeline/output/atomic-file.js'
import { commitRecord, recoverOutput } from '../pipeline/output/commit.js'
import { writeOutput, type Artifact } from '../pipeline/output/write-output.js'
import { verifyOutput } from '../pipeline/output/verify.js'
import { runCharter, temporaryFolder } from './support/run.js'

const file = (name: string, text: string, format: Artifact['format'] = 'woff2'): Artifact => ({
  id: name,
  file: name,
  format,
  paper: null,
  pages: null,
  bytes: new TextEncoder().encode(text)
})

describe('writeOutput() with sub-folders', () => {
  it('writes files into sub-folders and lists them by their relative names', async () => {
    const out = await temporaryFolder()
    const entries = await writeOutput(out, [file('web/index.html', '<p>page', 'html'), file('web/fonts/a.woff2', 'A')])
    expect(entries.map((entry) => entry.file)).toEqual(['web/index.html', 'web/fonts/a.woff2'])
    expect(await readFile(path.join(out, 'web/fonts/a.woff2'), 'utf8')).toBe('A')
    expect(await readdir(path.join(out, 'web'))).toEqual(['fonts', 'index.html'])
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { artifacts: Array<{ file: string }> }
    expect(manifest.artifacts.map((entry) => entry.file)).toEqual(['web/index.html', 'web/fonts/a.woff2'])
  })

  it('leaves unchanged files alone and removes sub-folder files the new build did not make', async () => {
    const out = await temporaryFolder()
    await writeFile(path.join(out, 'notes.txt'), 'mine')
    await writeOutput(out, [file('top.pdf', 'P', 'pdf'), file('web/fonts/a.woff2', 'A'), file('web/fonts/b.woff2', 'B')])
    const before = await stat(path.join(out, 'web/fonts/a.woff2'))
    await new Promise((resolve) => setTimeout(resolve, 20))
    await writeOutput(out, [file('web/fonts/a.woff2', 'A'), file('web/fonts/c.woff2', 'C')])
    expect((await readdir(path.join(out, 'web/fonts'))).sort()).toEqual(['a.woff2', 'c.woff2'])
    expect((await stat(path.join(out, 'web/fonts/a.woff2'))).mtimeMs).toBe(before.mtimeMs)
    // Top-level files are never removed: another build's PDF, or the user's own file.
    expect((await readdir(out)).sort()).toEqual(['manifest.json', 'notes.txt', 'top.pdf', 'web'])
  })

  it('refuses a file name that would land outside the output folder', async () => {
    const out = await temporaryFolder()
    for (const name of ['../escape.pdf', '/abs.pdf', 'web/../../x.pdf', 'web//x.pdf']) {
      await expect(writeOutput(out, [file(name, 'X')])).rejects.toThrow(`Artifact file name "${name}" must be a relative path`)
    }
    expect(await readdir(out)).toEqual([])
  })
})

/** Every file under `folder` with its content, to compare a folder before and after. */
async function contents(folder: string): Promise<Record<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
  return Object.fromEntries(await Promise.all(files.sort().map(async (file) => [file, await readFile(path.join(folder, file), 'utf8')])))
}

describe('writeOutput() moves the folder as a whole', () => {
  const first = [file('a.pdf', 'A1', 'pdf'), file('web/index.html', 'W1', 'html'), file('web/fonts/f.woff2', 'F1')]
  const second = [file('a.pdf', 'A2', 'pdf'), file('web/index.html', 'W2', 'html'), file('web/fonts/f.woff2', 'F2')]

  it('changes nothing when the disk fills up, and says so', async () => {
    const out = await temporaryFolder()
    await writeOutput(out, first)
    const before = await contents(out)
    let opened = 0
    // The third file written finds the disk full, as a real one would half-way through a build.
    const fullDisk: OpenFile = async (name, flags, mode) => {
      const handle = await open(name, flags, mode)
      if (++opened === 3) {
        handle.writeFile = async () => {
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
        }
      }
      return handle
    }
    await expect(writeOutput(out, second, fullDisk)).rejects.toThrow(`Cannot write the files into ${out}: the disk is full (ENOSPC). Nothing in it was changed. Free some space, or choose another folder with --out DIR.`)
    expect(await contents(out)).toEqual(before)
  })

  it('is finished by the next build when one was killed half-way through its moves', async () => {
    const out = await temporaryFolder()
    await writeOutput(out, first)
    // Play a build killed after its first move: renames stop once one file is in place.
    let renames = 0
    const realRename = fs.rename
    fs.rename = async (from, to) => {
      if (String(to).endsWith(commitRecord) || renames++ < 1) return realRename(from, to)
      throw Object.assign(new Error('killed'), { code: 'EKILLED' })
    }
    syncBuiltinESMExports()
    await writeOutput(out, second).catch(() => undefined)
    fs.rename = realRename
    syncBuiltinESMExports()
    expect((await verifyOutput(out)).problems).toContainEqual({ kind: 'unfinished', file: commitRecord })
    await recoverOutput(out)
    expect(await verifyOutput(out)).toEqual({ listed: 3, problems: [] })
    expect(await contents(out)).toMatchObject({ 'a.pdf': 'A2', 'web/index.html': 'W2', 'web/fonts/f.woff2': 'F2' })
    expect((await readdir(out)).filter((name) => name.startsWith('.charter-'))).toEqual([])
  })
})

describe('charter verify', () => {
  it('says a folder is as its manifest lists it, and exits 0', async () => {
    const out = await temporaryFolder()
    await writeOutput(out, first3())
    expect(await runCharter(['verify', out])).toEqual({ code: 0, stdout: `${out}: all 3 files are as manifest.json lists them, and nothing else is there.\n`, stderr: '' })
  })

  it('names each file missing, changed or extra, and exits 1', async () => {
    const out = await temporaryFolder()
    await writeOutput(out, first3())
    await writeFile(path.join(out, 'a.pdf'), 'tampered')
    await rename(path.join(out, 'web/fonts/f.woff2'), path.join(out, 'web/fonts/g.woff2'))
    await writeFile(path.join(out, '.DS_Store'), 'the Finder')
    expect(await runCharter(['verify', out])).toEqual({
      code: 1,
      stdout: '',
      stderr: [
        `${out} is not as manifest.json lists it:`,
        '  a.pdf  changed: not the file the build made (its sha256 differs)',
        '  web/fonts/f.woff2  missing: listed in manifest.json, but not in the folder',
        '  web/fonts/g.woff2  extra: in the folder, but not in manifest.json',
        ''
      ].join('\n')
    })
  })

  it('says when there is no manifest to check against', async () => {
    const out = await temporaryFolder()
    expect(await runCharter(['verify', out])).toEqual({ code: 1, stdout: '', stderr: `charter: ${out} has no manifest.json that charter wrote: it cannot be checked.\n` })
    expect(await runCharter(['verify', path.join(out, 'nowhere')])).toMatchObject({ code: 1, stderr: `charter: No folder at ${path.join(out, 'nowhere')}: give the folder that holds manifest.json, such as dist.\n` })
  })
})

function first3(): Artifact[] {
  return [file('a.pdf', 'A', 'pdf'), file('web/index.html', 'W', 'html'), file('web/fonts/f.woff2', 'F')]
}

describe('writeOutput() and recoverOutput() never write or remove outside the output folder', () => {
  /** An output folder beside a folder of someone else's, `victim/`, holding `notes.txt`. */
  async function setting() {
    const root = await temporaryFolder()
    const out = path.join(root, 'out')
    const victim = path.join(root, 'victim')
    await mkdir(victim)
    await writeFile(path.join(victim, 'notes.txt'), 'mine')
    await writeOutput(out, [file('a.pdf', 'A', 'pdf'), file('web/index.html', 'W', 'html')])
    return { root, out, victim }
  }

  it('refuses a commit record whose staging folder is a link, and moves nothing', async () => {
    const { out, victim } = await setting()
    await mkdir(path.join(victim, 'private'))
    await writeFile(path.join(victim, 'private', 'charter-signing-sheet-organisers-a4.pdf'), 'names')
    await symlink(victim, path.join(out, '.charter-staging-1-deadbeef'))
    await writeFile(path.join(out, commitRecord), JSON.stringify({ staging: '.charter-staging-1-deadbeef', moves: ['private/charter-signing-sheet-organisers-a4.pdf'], removals: [] }))
    await expect(recoverOutput(out)).rejects.toThrow(/holds \.charter-staging-1-deadbeef, a link or a file where charter keeps a folder/)
    expect(await readFile(path.join(victim, 'private', 'charter-signing-sheet-organisers-a4.pdf'), 'utf8')).toBe('names')
    expect(existsSync(path.join(out, 'private'))).toBe(false)
  })

  it('refuses moves and removals through a link in the output folder', async () => {
    const { out, victim } = await setting()
    await symlink(victim, path.join(out, 'home'))
    await mkdir(path.join(out, '.charter-staging-1-cafe', 'home', '.ssh'), { recursive: true })
    await writeFile(path.join(out, '.charter-staging-1-cafe', 'home', '.ssh', 'authorized_keys'), 'key')
    await writeFile(path.join(out, commitRecord), JSON.stringify({ staging: '.charter-staging-1-cafe', moves: ['home/.ssh/authorized_keys'], removals: ['home/notes.txt'] }))
    await expect(recoverOutput(out)).rejects.toThrow(/holds home, a link or a file where charter keeps a folder/)
    expect(await readdir(victim)).toEqual(['notes.txt'])
  })

  it("refuses to remove a last build's file, or to write one, through a link", async () => {
    const { out, victim } = await setting()
    // The last build's manifest names home/notes.txt, a file this build does not make.
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'))
    manifest.artifacts.push({ file: 'home/notes.txt' })
    await writeFile(path.join(out, 'manifest.json'), JSON.stringify(manifest))
    await symlink(victim, path.join(out, 'home'))
    await expect(writeOutput(out, [file('a.pdf', 'B', 'pdf')])).rejects.toThrow(/holds home, a link/)
    expect(await readFile(path.join(victim, 'notes.txt'), 'utf8')).toBe('mine')
    await rm(path.join(out, 'web'), { recursive: true })
    await symlink(victim, path.join(out, 'web'))
    await expect(writeOutput(out, [file('web/index.html', 'X', 'html')])).rejects.toThrow(/holds web, a link/)
    expect(await readdir(victim)).toEqual(['notes.txt'])
  })
})
