/**
 * What an attacker, or a careless volunteer, could do to the people on the list (issue 13),
 * each tried for real: private names read back from the fonts of public files, a label that
 * makes the build go online, the organisers' copy landing among the published files, a
 * build that leaves traces in the home folder, a long TMPDIR, files that are not files.
 */
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { cp, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { organisersCopyRefusal, publicBuildRefusal, type FolderSystem } from '../pipeline/output/published-folder.js'
import { scratchBase } from '../pipeline/system/scratch-folder.js'
import { startCanaryServer, type CanaryServer } from './support/canary-server.js'
import { built, result, shared } from './support/builds.js'
import { copySource, editFile, pdfPagesText, projectRoot, runCharter, squash, temporaryFolder } from './support/run.js'

const epoch = { SOURCE_DATE_EPOCH: '1700000000' }

interface Manifest {
  artifacts: Array<{ id: string; file: string; sha256: string }>
}
const manifestOf = async (out: string): Promise<Manifest> => JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'))
const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex')

/** Every file of a build by name, with its sha256, as it is on disk (the manifest included). */
async function filesOf(out: string): Promise<Record<string, string>> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true })
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(out, path.join(entry.parentPath, entry.name)))
  return Object.fromEntries(await Promise.all(files.sort().map(async (file) => [file, await sha256(path.join(out, file))])))
}

async function build(source: string, out: string, args: string[] = []) {
  const result = await runCharter(['build', '--source', source, '--out', out, ...args], { env: epoch })
  expect(result.code, result.stderr).toBe(0)
  return filesOf(out)
}

describe('private signatories and the fonts of public files', () => {
  it('changes no byte of any public file, whether or not the list holds private entries or --signatories is given', async () => {
    const [a, b, c, d] = await Promise.all((['plain', 'private', 'sheet-list', 'sheet-list-private'] as const).map(async (name) => filesOf((await built(name)).out)))
    // Rebuilding the public source and comparing told how many private characters there
    // were and roughly which: the fonts kept the glyph numbers of a subset cut from them.
    expect(b).toEqual(a)
    expect(d).toEqual(c)
    // --signatories changes the signing sheet (its roll) and nothing else.
    const sheet = 'charter-signing-sheet-a4.pdf'
    expect(c[sheet]).not.toBe(a[sheet])
    const others = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).filter(([file]) => file !== sheet && file !== 'manifest.json'))
    expect(others(c)).toEqual(others(a))
    expect(squash((await pdfPagesText(path.join((await built('sheet-list')).out, sheet))).join(''))).toContain(squash('Marcus FUNG Wing Sze'))
  })
})

describe('labels and titles as text, never markup', () => {
  let canaries: CanaryServer[]
  beforeAll(async () => {
    canaries = await Promise.all(Array.from({ length: 5 }, () => startCanaryServer()))
  })
  afterAll(async () => {
    await Promise.all(canaries.map((canary) => canary.close()))
  })

  it('prints every injection as typed and opens no connection, whatever it asks for', async () => {
    const [p1, p2, p3, p4, p5] = canaries.map((canary) => canary.port)
    const injections = {
      pageOf: `Page {page} of {pages}</style><link rel=preconnect href=https://127.0.0.1:${p1}/>`,
      pageOfZh: `第 {page} 頁，共 {pages} 頁</style><meta http-equiv=refresh content="0;url=http://127.0.0.1:${p2}/">`,
      sheetTitle: `Signing sheet</style><link rel=dns-prefetch href=//127.0.0.1:${p3}/><link rel=preconnect href=http://127.0.0.1:${p3}/>`,
      title: `2021 Hong Kong Charter&lt;/style&gt;&lt;link rel=preconnect href=https://127.0.0.1:${p4}/&gt;`,
      publisher: `The signatories</title></style><link rel=preconnect href=https://127.0.0.1:${p5}/>`
    }
    const yamlString = (value: string) => JSON.stringify(value)
    const source = await copySource(async (folder) => {
      await editFile(path.join(folder, 'en.md'), (text) =>
        text
          .replace(/^  pageOf: .*$/m, `  pageOf: ${yamlString(injections.pageOf)}`)
          .replace(/^    title: Signing sheet$/m, `    title: ${yamlString(injections.sheetTitle)}`)
          .replace(/^# 2021 Hong Kong Charter$/m, `# ${injections.title}`)
      )
      await editFile(path.join(folder, 'zh-Hant-HK.md'), (text) => text.replace(/^  pageOf: .*$/m, `  pageOf: ${yamlString(injections.pageOfZh)}`))
      await editFile(path.join(folder, 'publication.yaml'), (text) => text.replace(/^  en: The signatories of the 2021 Hong Kong Charter$/m, `  en: ${yamlString(injections.publisher)}`))
    })
    const out = path.join(path.dirname(source), 'out')
    // Every edition the browser draws: the printed ones, and the e-books' covers.
    await build(source, out, ['--only', 'reading,signing-sheet,pamphlet,epub'])
    expect(canaries.map((canary) => canary.connections)).toEqual([0, 0, 0, 0, 0])
    expect(canaries.flatMap((canary) => canary.requests)).toEqual([])
    // What a reader sees is what was typed, markup and all.
    const lines = (await pdfPagesText(path.join(out, 'charter-reading-a4.pdf'))).join('\n').replace(/[ \t]+/g, ' ')
    expect(lines).toContain(`</style><link rel=preconnect href=https://127.0.0.1:${p1}/>`)
    expect(lines).toContain(`</style><link rel=preconnect href=https://127.0.0.1:${p4}/>`)
    const sheet = (await pdfPagesText(path.join(out, 'charter-signing-sheet-a4.pdf'))).join('\n').replace(/[ \t]+/g, ' ')
    expect(sheet).toContain(`<link rel=dns-prefetch href=//127.0.0.1:${p3}/>`)
  })
})

describe("the organisers' copy and the published folder", () => {
  let work: string
  beforeAll(async () => {
    work = await temporaryFolder()
    await mkdir(path.join(work, 'dist'))
    await mkdir(path.join(work, 'site', 'public'), { recursive: true })
    // A public build's manifest: the folder is one of published editions.
    await writeFile(path.join(work, 'site', 'public', 'manifest.json'), JSON.stringify({ artifacts: [{ file: 'charter-reading-a4.pdf' }] }))
    await symlink(path.join(work, 'dist'), path.join(work, 'published-link'))
  })

  it.each([
    ['dist/organisers', "dist/organisers is inside the folder that is published (dist)"],
    ['published-link', 'published-link is the folder that is published (dist)'],
    ['published-link/organisers', 'published-link/organisers is inside the folder that is published (dist)'],
    ['site/public/organisers', 'site/public/organisers is inside a folder of published editions'],
    [path.join(projectRoot, 'dist', 'private'), `${path.join(projectRoot, 'dist', 'private')} is inside the folder that is published`]
  ])('refuses --out %s, exit 1, nothing written', async (out, message) => {
    const before = await filesOf(work)
    const result = await runCharter(['build', '--source', path.join(projectRoot, 'test/fixtures/charter/source'), '--include-private', '--out', out], { cwd: work })
    expect(result.code).toBe(1)
    expect(result.stderr.split('\n')[0]).toContain(`charter: --include-private: ${message}`)
    expect(await filesOf(work)).toEqual(before)
  })

  it('refuses an absolute path to a published folder given from another folder', async () => {
    const elsewhere = await temporaryFolder()
    const result = await runCharter(['build', '--source', path.join(projectRoot, 'test/fixtures/charter/source'), '--include-private', '--out', path.join(work, 'site', 'public')], { cwd: elsewhere })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`is a folder of published editions (${path.join(work, 'site', 'public')}`)
  })

  it('refuses DIST/organisers where the disk ignores case, as macOS and Windows disks do', async () => {
    // A disk that finds `dist` under any case: DIST, Dist and dist are one folder.
    const folded = (file: string) => file.replace(`${path.sep}DIST`, `${path.sep}dist`)
    const disk: FolderSystem = {
      stat: async (file) => stat(folded(file)),
      realpath: async (file) => {
        await stat(folded(file))
        return file
      },
      readdir: async (folder) => readdir(folded(folder)),
      readFile: async (file) => readFile(folded(file), 'utf8')
    }
    expect(await organisersCopyRefusal('DIST/organisers', work, disk)).toMatch(/^DIST\/organisers is inside the folder that is published \(dist\)/)
    expect(await organisersCopyRefusal('DIST', work, disk)).toMatch(/^DIST is the folder that is published/)
    expect(await organisersCopyRefusal('organisers', work, disk)).toBeUndefined()
  })

  it("refuses a public build over an organisers' copy however deep it lies, or over a folder too large to be sure", async () => {
    const site = path.join(work, 'site-deep')
    const deep = path.join(site, 'private', '2025', 'june', 'rally', 'organisers')
    await mkdir(deep, { recursive: true })
    await writeFile(path.join(deep, 'charter-signing-sheet-organisers-a4.pdf'), 'names')
    expect(await publicBuildRefusal('site-deep', work)).toBe(
      "site-deep holds the organisers' copy (private/2025/june/rally/organisers/charter-signing-sheet-organisers-a4.pdf), which names people who must not be named: move it somewhere private first, or choose another folder with --out DIR"
    )
    // A link to the organisers' folder: an upload may follow it.
    const linked = path.join(work, 'site-linked')
    await mkdir(linked)
    await symlink(deep, path.join(linked, 'photos'))
    expect(await publicBuildRefusal('site-linked', work)).toMatch(/^site-linked holds the organisers' copy \(photos\/charter-signing-sheet-organisers-a4\.pdf\)/)
    // A folder of more entries than are looked through (a disk playing one of 100,001 files).
    const huge: FolderSystem = {
      stat: async (file) => ({ dev: 1, ino: file.length, isDirectory: () => !file.endsWith('.jpg') }),
      realpath: async (file) => file,
      readdir: async (folder) => (folder.endsWith('photos') ? Array.from({ length: 100_001 }, (_, index) => `${index}.jpg`) : ['photos']),
      readFile: async () => {
        throw new Error('no file')
      }
    }
    expect(await publicBuildRefusal('big', work, huge)).toBe(
      "big holds more than 100,000 files, too many to make sure that no organisers' copy is among them: build into a folder of its own, such as --out dist"
    )
  })

  it("writes the organisers' copy readable by its owner only, and a public build refuses that folder", async () => {
    const out = path.join(work, 'organisers')
    await cp((await built('sheet-organisers')).out, out, { recursive: true })
    expect((await stat(path.join((await built('sheet-organisers')).out, 'charter-signing-sheet-organisers-letter.pdf'))).mode & 0o777).toBe(0o600)
    const before = await filesOf(out)
    const result = await runCharter(['build', '--source', path.join(projectRoot, 'test/fixtures/charter/source'), '--out', out])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      `charter: ${out} holds the organisers' copy (charter-signing-sheet-organisers-letter.pdf), which names people who must not be named: move it somewhere private first, or choose another folder with --out DIR`
    )
    expect(await filesOf(out)).toEqual(before)
  })
})

describe('the browser writes nothing outside its scratch folder', () => {
  it('leaves HOME as it was, without crash reports or caches', async () => {
    // The shared build `plain` ran with HOME set to this empty folder (test/support/builds.ts).
    expect((await built('plain')).code).toBe(0)
    // Chromium wrote ~/.config/chromium/Crash Reports (naming the build's folders) and ~/.cache.
    expect(await readdir(shared().canary.home, { recursive: true })).toEqual([])
  })
})

describe('a long TMPDIR', () => {
  it('builds with a TMPDIR of 60 characters (macOS gives about 49), keeping the browser socket short', async () => {
    // The shared build `private` runs with a TMPDIR 60 characters long (test/support/builds.ts).
    const { code, stderr } = (await result('private'))
    expect(code, stderr).toBe(0)
  })

  it('chooses TMPDIR while the socket fits, else /tmp, else says what to do', () => {
    const host = (platform: NodeJS.Platform, tmpdir: string, writable = (folder: string) => folder === tmpdir || folder === '/tmp') => ({ platform, tmpdir, writable })
    expect(scratchBase(host('linux', '/tmp'))).toBe('/tmp')
    expect(scratchBase(host('linux', `/home/${'a'.repeat(40)}`))).toBe(`/home/${'a'.repeat(40)}`)
    expect(scratchBase(host('linux', `/home/${'a'.repeat(50)}`))).toBe('/tmp')
    // macOS's own TMPDIR, and its shorter socket limit (104 bytes, not 108).
    expect(scratchBase(host('darwin', '/var/folders/zz/zyxvpxvq6csfxvn_n0000000000000/T'))).toBe('/tmp')
    expect(scratchBase(host('win32', 'C:\\Users\\陳大文\\AppData\\Local\\Temp'))).toBe('C:\\Users\\陳大文\\AppData\\Local\\Temp')
    expect(() => scratchBase(host('linux', `/home/${'a'.repeat(50)}`, () => false))).toThrow(
      /has too long a path for the browser \(56 bytes; at most 46\), and \/tmp cannot be used: set TMPDIR to a shorter folder, such as \/tmp\.$/
    )
  })
})

describe('files that are not files', () => {
  const cases: Array<[string, (file: string) => Promise<void>]> = [
    ['a FIFO', async (file) => void execFileSync('mkfifo', [file])],
    ['a link to /dev/zero', async (file) => symlink('/dev/zero', file)]
  ]
  it.each(cases)('refuses en.md as %s at once: a message, exit 1', async (_, make) => {
    const source = await copySource(async (folder) => {
      await rm(path.join(folder, 'en.md'))
      await make(path.join(folder, 'en.md'))
    })
    const result = await runCharter(['check', '--source', source], { timeout: 20_000 })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^1:1 +error +Not a regular file \(a device, a pipe or a socket\): give a text file +source-file/m)
  })
})
