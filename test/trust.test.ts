/**
 * Builds people can trust: the same source gives the same bytes; a build killed at any
 * moment leaves only complete files and no browser behind; nothing written names the
 * machine, its user or its folders; private signatories stay out of everything published.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import * as fontkit from 'fontkit'
import { beforeAll, describe, expect, it } from 'vitest'
import { openArtifacts } from './support/artifact-text.js'
import { recoverOutput } from '../pipeline/output/commit.js'
import { verifyOutput } from '../pipeline/output/verify.js'
import { built, privateNames, shared } from './support/builds.js'
import { charterBin, runCharter, shortTemporaryFolder, sourceFolder, temporaryFolder, tool } from './support/run.js'

const epoch = { SOURCE_DATE_EPOCH: '1700000000' }

interface Manifest {
  artifacts: Array<{ id: string; file: string; sha256: string; bytes: number }>
}
const readManifest = async (out: string): Promise<Manifest> => JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'))

/** A work folder for the tests of this file that build for themselves (the kills). */
let work: string
/** The shared build in the canary folder, whose path, user and home are canaries a leak test can search for. */
let first: string

beforeAll(async () => {
  work = await temporaryFolder()
  await cp(sourceFolder, path.join(work, 'source'), { recursive: true })
  first = (await built('plain')).out
})

describe('reproducible builds', () => {
  it('gives byte-identical files for the same public source and SOURCE_DATE_EPOCH, built in another folder, with another TMPDIR', async () => {
    const [one, two] = [(await built('private')).out, (await built('plain')).out]
    const [a, b] = [await readManifest(one), await readManifest(two)]
    expect(a.artifacts.map((artifact) => artifact.id)).toContain('reading')
    expect(b).toEqual(a)
    for (const { file, sha256 } of a.artifacts) {
      const bytes = await readFile(path.join(two, file))
      expect(createHash('sha256').update(bytes).digest('hex'), file).toBe(sha256)
    }
    expect(await readFile(path.join(two, 'manifest.json'))).toEqual(await readFile(path.join(one, 'manifest.json')))
  })

  it("gives the same bytes whatever the machine's font settings (fontconfig)", async () => {
    // Another machine (test/support/builds.ts): full hinting, the autohinter, no antialiasing,
    // subpixel order, and a user's own settings on top of the system's. Each moved line
    // breaks before the browser had a fontconfig of its own.
    const other = await readManifest((await built('fontconfig')).out)
    const same = (await readManifest(first)).artifacts.filter((artifact) => other.artifacts.some((each) => each.id === artifact.id))
    expect(other.artifacts.map((artifact) => artifact.id)).toEqual(['reading', 'pamphlet'])
    expect(other.artifacts).toEqual(same)
  })

  it('dates the files from SOURCE_DATE_EPOCH, set by the project, not by Chromium', async () => {
    const info = await tool('pdfinfo', ['-isodates', path.join(first, 'charter-reading-a4.pdf')])
    expect(info).toMatch(/^CreationDate:\s+2023-11-14T22:13:20Z$/m)
    expect(info).toMatch(/^ModDate:\s+2023-11-14T22:13:20Z$/m)
    expect(info).toMatch(/^Producer:\s+charter/m)
    expect(info).toMatch(/^Creator:\s+charter/m)
    expect(info).not.toMatch(/Skia|HeadlessChrome|Mozilla/)
  })
})

describe('no leaks', () => {
  it('names no user, host, home or build folder, and no file:// URL, in any file or EPUB entry', async () => {
    const { canary } = shared()
    const opened = await openArtifacts(first)
    expect(opened.length).toBeGreaterThan(1)
    const needles = [canary.name, canary.folder, os.homedir() + path.sep, path.dirname(charterBin), 'file://', '/tmp/', '/home/', '/root/']
    const host = os.hostname()
    if (host.length >= 6) needles.push(host)
    const found = opened.flatMap((file) =>
      needles.filter((needle) => file.raw.includes(needle) || file.text.includes(needle)).map((needle) => `${file.name}: ${needle}`)
    )
    expect(found).toEqual([])
  })
})

describe('private signatories', () => {
  it('appear in nothing the build writes, except the signing sheet with --include-private', async () => {
    const everything = await openArtifacts((await built('private')).out)
    expect(everything.some((file) => file.text.includes('Nathan LAW Kwun Chung'))).toBe(true)
    const hidden = [privateNames.name, privateNames.chinese, privateNames.other, privateNames.web]
    const leaks = everything.filter((file) => hidden.some((name) => file.text.includes(name) || file.raw.includes(name)))
    expect(leaks.map((file) => file.name)).toEqual([])

    // Fonts cut down to a text's characters would betray a hidden name's rarer characters.
    const fontFiles = everything.filter((file) => /\.(woff2?|ttf|otf)$/.test(file.name))
    expect(fontFiles.length).toBeGreaterThan(0)
    for (const file of fontFiles) {
      const font = fontkit.create(Buffer.from(file.raw, 'latin1')) as fontkit.Font
      for (const character of privateNames.chinese + privateNames.other) expect(font.hasGlyphForCodePoint(character.codePointAt(0)!), `${file.name} has ${character}`).toBe(false)
    }

    // A --signatories list's private entries: in the organisers' copy only.
    const listPrivate = 'Quiet Circle of Helpers'
    const withList = await openArtifacts((await built('sheet-list')).out, { pdfText: 'only' })
    expect(withList.filter((file) => file.text.includes(listPrivate)).map((file) => file.name)).toEqual([])
    const withPrivate = await openArtifacts((await built('sheet-organisers')).out, { pdfText: 'only' })
    expect(withPrivate.filter((file) => file.text.includes(listPrivate)).map((file) => file.name)).toEqual(['charter-signing-sheet-organisers-letter.pdf'])
  })
})

describe('atomic writes', () => {
  /** Chromium processes whose profile lives under `folder` (the build's TMPDIR). */
  const browsersUnder = async (folder: string) => {
    const listing = await tool('ps', ['-eo', 'pid=,args=']).catch(() => '')
    return listing.split('\n').filter((line) => line.includes(folder) && /chrom/i.test(line))
  }
  const waitForNoBrowsers = async (folder: string) => {
    for (let tries = 0; tries < 50; tries++) {
      if ((await browsersUnder(folder)).length === 0) return []
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    return browsersUnder(folder)
  }

  it('leaves every file complete, old or new, and no browser, when a build is killed at any moment', async () => {
    const out = path.join(work, 'killed')
    const before = await readManifest(first)
    // The build killed is the shared build `later` (test/support/builds.ts) made again.
    const reference = (await built('later')).out
    const later = { SOURCE_DATE_EPOCH: '1800000000' }
    const duration = 2000
    const after = await readManifest(reference)
    const complete = new Map<string, Set<string>>()
    for (const { file, sha256 } of [...before.artifacts, ...after.artifacts]) complete.set(file, (complete.get(file) ?? new Set()).add(sha256))
    const manifests = new Set([await readFile(path.join(first, 'manifest.json'), 'utf8'), await readFile(path.join(reference, 'manifest.json'), 'utf8')])

    // Half-way (reading, rendering); then twice at the very moment the output folder first
    // changes, which is when files are being written (write-output.test.ts kills one
    // between its moves, deterministically).
    const moments: Array<number | 'first-write'> = [0.5].map((share) => Math.round(share * duration))
    moments.push('first-write', 'first-write')
    const tmp = await shortTemporaryFolder()
    for (const delay of moments) {
      // Start each time from the previous complete build, so there is always a file to replace.
      await rm(out, { recursive: true, force: true })
      await cp(first, out, { recursive: true })
      const before = await snapshot(out)
      const child = spawn(process.execPath, [charterBin, 'build', '--out', out], {
        cwd: work,
        env: { ...process.env, ...later, TMPDIR: tmp, CI: 'true' },
        stdio: 'ignore'
      })
      let running = true
      const exited = new Promise((resolve) => child.on('exit', resolve)).then(() => (running = false))
      if (delay === 'first-write') {
        while (running && (await snapshot(out)) === before) await new Promise((resolve) => setTimeout(resolve, 2))
      } else {
        await new Promise((resolve) => setTimeout(resolve, delay))
      }
      child.kill('SIGKILL')
      await exited

      expect(await waitForNoBrowsers(tmp), `browser left after kill at ${delay}`).toEqual([])
      // Every file a reader can see is whole, old or new; so is the manifest.
      for (const name of await listFiles(out)) {
        if (name.startsWith('.charter-')) continue
        const bytes = await readFile(path.join(out, name))
        if (name === 'manifest.json') {
          expect(manifests.has(bytes.toString('utf8')), `manifest.json after kill at ${delay} ms`).toBe(true)
          continue
        }
        const sha = createHash('sha256').update(bytes).digest('hex')
        expect(complete.get(name)?.has(sha), `${name} after kill at ${delay} ms`).toBe(true)
      }
      // The folder as a whole: as its manifest says, or marked unfinished, which the next
      // build finishes first of all (recoverOutput), leaving it as its manifest says.
      const found = await verifyOutput(out)
      if (!found.problems.some((problem) => problem.kind === 'unfinished')) expect(found.problems, `folder after kill at ${delay} ms`).toEqual([])
      await recoverOutput(out)
      expect(await verifyOutput(out), `folder after kill at ${delay} ms, recovered`).toEqual({ listed: after.artifacts.length, problems: [] })
    }
    // The scratch folders of the killed builds (a 2 MB browser profile each) go with the next build.
    expect((await readdir(tmp)).filter((name) => name.startsWith('charter-')).length).toBeGreaterThan(0)
    expect((await runCharter(['build', '--only', 'web', '--out', path.join(work, 'after-kills')], { cwd: work, env: { ...later, TMPDIR: tmp } })).code).toBe(0)
    expect((await readdir(tmp)).filter((name) => name.startsWith('charter-'))).toEqual([])
  })

  it('closes the browser it starts first, and its temporary folders, when the command line has a mistake', async () => {
    const tmp = await shortTemporaryFolder()
    const result = await runCharter(['build', '--out', path.join(work, 'mistake'), '--bogus'], { cwd: work, env: { TMPDIR: tmp, CI: 'true' } })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^charter: Unknown option '--bogus'/)
    expect(await waitForNoBrowsers(tmp)).toEqual([])
    expect(await readdir(tmp)).toEqual([])
  })

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129]
  ] as const)('closes the browser when a build is stopped by %s, leaves no temporary folder, and writes nothing', async (signal, exitCode) => {
    const out = path.join(work, `stopped-${signal}`)
    const tmp = await shortTemporaryFolder()
    const child = spawn(process.execPath, [charterBin, 'build', '--out', out], {
      cwd: work,
      env: { ...process.env, ...epoch, TMPDIR: tmp, CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stderr = ''
    child.stderr!.on('data', (chunk) => (stderr += chunk))
    const code = new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)))
    // Wait until the browser is up, then stop the build as Ctrl-C or a service manager would.
    for (let tries = 0; tries < 100 && (await browsersUnder(tmp)).length === 0; tries++) await new Promise((resolve) => setTimeout(resolve, 50))
    expect((await browsersUnder(tmp)).length).toBeGreaterThan(0)
    child.kill(signal)
    // 128 + the signal's number, as a shell reports a program the signal ended; at once
    // (SIGHUP, closing the terminal, once took 30 s and ended as 'a fault in charter').
    const stopped = performance.now()
    expect(await code).toBe(exitCode)
    expect(performance.now() - stopped).toBeLessThan(10_000)
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(await waitForNoBrowsers(tmp)).toEqual([])
    // Chromium's profile (2 MB) was left here after every Ctrl-C.
    expect(await readdir(tmp)).toEqual([])
    expect(await listFiles(out).catch(() => [])).toEqual([])
  })
})

/** Names, sizes and times of every file under `folder`, as one string to compare. */
async function snapshot(folder: string): Promise<string> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => [])
  const lines = await Promise.all(
    entries.map(async (entry) => {
      const file = path.join(entry.parentPath, entry.name)
      const info = await stat(file).catch(() => undefined)
      return `${file} ${info?.size} ${info?.mtimeMs}`
    })
  )
  return lines.sort().join('\n')
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
}
