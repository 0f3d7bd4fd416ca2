/**
 * charter as a volunteer installs and runs it: the packed tarball installed into an empty
 * folder, then `charter --version`, `charter init`, `charter build` to every edition; and the
 * command line's conventions (usage, --version, JSON output, colour, an old Node.js).
 */
import { execFile } from 'node:child_process'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { editionIds } from '../pipeline/editions/edition-ids.js'
import { charterBin, projectRoot, runCharter, sourceFolder, temporaryFolder } from './support/run.js'

const exec = promisify(execFile)
const packageJson = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8')) as { name: string; version: string }

describe('installed from its package', () => {
  it('packs into a tarball that installs into an empty folder, and runs --version, init and build to every edition', async () => {
    const folder = await temporaryFolder('charter-install-')
    // The bundle the test setup made (npm pack runs prepack, which makes it, when run by hand).
    const { stdout } = await exec('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], { cwd: projectRoot })
    const [packed] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>
    const files = packed.files.map((file) => file.path)
    expect(files).toContain('lib/charter.js')
    expect(files).toContain('templates/init/en.md')
    expect(files).toContain('fonts/fonts.json')
    expect(files.filter((file) => /^(test|pipeline|source|dist)\//.test(file))).toEqual([])

    const home = path.join(folder, 'app')
    await mkdir(home)
    await exec('npm', ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--omit=dev', path.join(folder, packed.filename)], { cwd: home, maxBuffer: 16 * 1024 * 1024 })
    const charter = path.join(home, 'node_modules/.bin/charter')
    const run = (args: string[]) => exec(charter, args, { cwd: home, env: { ...process.env, CI: 'true' } })

    expect((await run(['--version'])).stdout).toBe(`${packageJson.version}\n`)
    const init = await run(['init', 'pub'])
    expect(init.stdout).toContain('Made pub/ with source/publication.yaml, source/signatories.yaml, source/en.md, source/zh-Hant-HK.md, README.md.')
    const built = await run(['build', '--source', 'pub/source', '--out', 'pub/dist', '--json'])
    const manifest = JSON.parse(built.stdout) as { artifacts: Array<{ id: string; file: string }> }
    const ids = new Set(manifest.artifacts.map((artifact) => artifact.id.replace(/^(epub|web)-.*$/, '$1')))
    expect([...ids].sort()).toEqual([...editionIds].sort())
    expect(manifest.artifacts.map((artifact) => artifact.file)).toContain('pub-reading-a4.pdf')
    expect((await readdir(path.join(home, 'pub/dist'))).sort()).toContain('pub-reading-a4.pdf')
  }, 240_000)
})

describe('charter init', () => {
  it('makes a publication that checks clean and has a fresh identifier and today’s date', async () => {
    const folder = await temporaryFolder()
    const first = await runCharter(['init', 'one', '--languages', 'en,fr,ja'], { cwd: folder })
    expect(first.code).toBe(0)
    await runCharter(['init', 'two'], { cwd: folder })
    const yaml = (name: string) => readFile(path.join(folder, name, 'source/publication.yaml'), 'utf8')
    const identifier = (text: string) => /^identifier: (urn:uuid:[0-9a-f-]{36})$/m.exec(text)?.[1]
    expect(identifier(await yaml('one'))).toBeDefined()
    expect(identifier(await yaml('one'))).not.toBe(identifier(await yaml('two')))
    expect(await yaml('one')).toContain(`date: ${new Date().toISOString().slice(0, 10)}`)
    expect(await yaml('one')).toMatch(/^languages: \[en, fr, ja\]$/m)
    expect((await readdir(path.join(folder, 'one/source'))).sort()).toEqual(['en.md', 'fr.md', 'ja.md', 'publication.yaml', 'signatories.yaml'])
    expect(await readFile(path.join(folder, 'one/README.md'), 'utf8')).toContain('npx charter build --source source --out dist')
    const check = await runCharter(['check', '--source', 'one/source', '--frail'], { cwd: folder })
    expect(check.stderr).toBe('')
    expect(check.code).toBe(0)
    // A language without a starter text of its own gets the English one, to translate.
    await runCharter(['init', 'three', '--languages', 'en,de'], { cwd: folder })
    expect(await readFile(path.join(folder, 'three/source/de.md'), 'utf8')).toMatch(/^lang: de\n# Translate the labels below and the text into this language \(de\)\.$/m)
  })

  it('refuses a folder that is not empty, and a language with no font, with exit 1 and nothing written', async () => {
    const folder = await temporaryFolder()
    await mkdir(path.join(folder, 'taken'))
    await writeFile(path.join(folder, 'taken/notes.txt'), 'mine')
    const taken = await runCharter(['init', 'taken'], { cwd: folder })
    expect(taken.code).toBe(1)
    expect(taken.stderr).toBe('charter: taken already exists and is not empty: charter init writes only into a new folder. Give another name, such as charter init my-statement\n')
    expect(await readdir(path.join(folder, 'taken'))).toEqual(['notes.txt'])
    const arabic = await runCharter(['init', 'new', '--languages', 'en,ar'], { cwd: folder })
    expect(arabic.code).toBe(1)
    expect(arabic.stderr.split('\n')[0]).toBe(
      'charter: --languages: `ar` is written in Arabic, which the project has no font for (it has fonts for Latin, Greek, Cyrillic, Traditional, Japanese): fonts/README.md says how to add one'
    )
    expect((await readdir(folder)).sort()).toEqual(['taken'])
  })
})

describe('the command line’s conventions', () => {
  it('prints usage and exits 0 with no arguments; an unknown command exits 1; --version is the package’s', async () => {
    const bare = await runCharter([])
    expect(bare.code).toBe(0)
    expect(bare.stdout).toMatch(/^Usage: charter <command> \[options\]\n\nCommands:\n {2}init /)
    const unknown = await runCharter(['bogus'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr.split('\n')[0]).toBe('charter: Unknown command "bogus".')
    expect((await runCharter(['--version'])).stdout).toBe(`${packageJson.version}\n`)
  })

  it('prints check’s findings as JSON on stdout with --format json, in vfile-reporter-json’s shape', async () => {
    const result = await runCharter(['check', '--source', sourceFolder, '--format', 'json'])
    expect(result.code).toBe(0)
    const files = JSON.parse(result.stdout) as Array<{ path: string; messages: Array<{ ruleId: string; line: number; column: number; fatal: boolean | null; reason: string }> }>
    const chinese = files.find((file) => file.path.endsWith('zh-Hant-HK.md'))!
    expect(chinese.messages.map((message) => message.ruleId).sort()).toEqual([...Array(7).fill('cjk-enumeration-comma'), 'han-latin-spacing'])
    expect(chinese.messages[0]).toMatchObject({ fatal: false, source: 'charter' })
    expect(typeof chinese.messages[0].line).toBe('number')
    expect(result.stderr).toBe('')
  })

  it('colours the report only as NO_COLOR and FORCE_COLOR say', async () => {
    const env = (more: Record<string, string>) => {
      const own = { ...process.env, ...more }
      if (!('NO_COLOR' in more)) delete own.NO_COLOR
      if (!('FORCE_COLOR' in more)) delete own.FORCE_COLOR
      return own
    }
    const ansi = /\u001B\[/
    expect((await runCharter(['check', '--source', sourceFolder], { env: env({ FORCE_COLOR: '1' }) })).stderr).toMatch(ansi)
    expect((await runCharter(['check', '--source', sourceFolder], { env: env({ FORCE_COLOR: '0' }) })).stderr).not.toMatch(ansi)
    expect((await runCharter(['check', '--source', sourceFolder], { env: env({ NO_COLOR: '1' }) })).stderr).not.toMatch(ansi)
    // Not a terminal, and nothing asked: no colour.
    expect((await runCharter(['check', '--source', sourceFolder], { env: env({}) })).stderr).not.toMatch(ansi)
  })

  it('says plainly that an older Node.js is too old, before anything else runs', async () => {
    const folder = await temporaryFolder()
    const older = path.join(folder, 'node-20.14.mjs')
    await writeFile(older, "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.14.0' } })\n")
    const result = await exec(process.execPath, ['--import', older, charterBin, '--version']).catch((error: { code: number; stdout: string; stderr: string }) => error)
    expect(result).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'charter: needs Node.js 20.15 or newer, and this is Node.js 20.14.0. Install the current LTS version from https://nodejs.org/ and run it again.\n'
    })
  })
})
