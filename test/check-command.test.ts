import { cp, readdir, readFile, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { checkCommand } from '../pipeline/commands/check-command.js'
import { lintSource } from '../pipeline/lint/index.js'
import { takeLintWarnings } from '../pipeline/lint/warning-summary.js'
import { loadDocument } from '../pipeline/source/load-document.js'
import { readSource } from '../pipeline/source/read-source.js'
import { runRefused } from './support/in-process.js'
import { copySource, editFile, projectRoot, runCharter, sourceFolder, temporaryFolder } from './support/run.js'

const fixtures = path.join(projectRoot, 'test/fixtures/check')

/** Runs `charter check` in-process on a copy of a fixture's source; paths print as `source/...`. */
async function checkFixture(name: string, args: string[] = []) {
  const folder = path.join(await temporaryFolder('charter-check-'), 'source')
  await cp(path.join(fixtures, name, 'source'), folder, { recursive: true })
  const run = async (more: string[]) => {
    let stdout = ''
    let stderr = ''
    const sink = (write: (text: string) => void) => new Writable({ write(chunk, _encoding, done) { write(String(chunk)); done() } })
    const relative = path.relative(process.cwd(), folder)
    const code = await checkCommand.run(['--source', relative, ...more], {
      signal: new AbortController().signal,
      stdout: sink((text) => (stdout += text)),
      stderr: sink((text) => (stderr += text))
    })
    const shown = (text: string) => text.replaceAll(relative + path.sep, 'source/')
    return { code, stdout: shown(stdout), stderr: shown(stderr) }
  }
  return { folder, run }
}

/** The files of a source folder, by name. */
async function filesOf(folder: string): Promise<Record<string, string>> {
  const names = (await readdir(folder)).sort()
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(path.join(folder, name), 'utf8')])))
}

describe('charter check', async () => {
  const names = (await readdir(fixtures)).sort()

  for (const name of names) {
    it(`reports exactly what test/fixtures/check/${name}/expected.txt says`, async () => {
      const expected = await readFile(path.join(fixtures, name, 'expected.txt'), 'utf8')
      const { run } = await checkFixture(name)
      const result = await run([])
      expect(result.stderr).toBe(expected)
      expect(result.code).toBe(/✖/.test(expected) ? 1 : 0)
    })

    it(`--fix mends ${name} as fixed/ says, leaves every other byte, and a second --fix changes nothing`, async () => {
      const original = await filesOf(path.join(fixtures, name, 'source'))
      const fixedFolder = path.join(fixtures, name, 'fixed')
      const fixed = existsSync(fixedFolder) ? await filesOf(fixedFolder) : {}
      const { folder, run } = await checkFixture(name)
      await run(['--fix'])
      const once = await filesOf(folder)
      expect(once).toEqual({ ...original, ...fixed })
      const again = await run(['--fix'])
      expect(again.stdout).toBe('')
      expect(await filesOf(folder)).toEqual(once)
    })
  }

  it('reports every ASCII comma, semicolon, colon and 丶 of the seed\'s Chinese clauses, at its line and column', async () => {
    const text = await readFile(path.join(fixtures, 'seed-chinese/source/zh-Hant-HK.md'), 'utf8')
    const expected: string[] = []
    text.split('\n').forEach((line, index) => {
      if (!/^\d+\. /.test(line)) return
      for (const found of line.matchAll(/[,;:丶]/g)) {
        expected.push(`${index + 1}:${found.index + 1} ${found[0] === '丶' ? 'cjk-enumeration-comma' : 'cjk-punctuation-width'}`)
      }
    })
    const { run } = await checkFixture('seed-chinese')
    const result = await run([])
    const reported = [...result.stderr.matchAll(/^(\d+:\d+)-\S+\s+(?:error|warning)\s.*?\s(cjk-enumeration-comma|cjk-punctuation-width)\s+charter$/gm)].map(
      (match) => `${match[1]} ${match[2]}`
    )
    expect(expected.length).toBe(98)
    expect(reported).toEqual(expected)
    expect(result.code).toBe(1)
  })

  it('fixes the seed\'s Chinese clauses into the signed text of source/ (but for the 丶 it keeps)', async () => {
    const clauses = (text: string) => [...text.matchAll(/^(\d+)\. (.*)$/gm)].map((match) => `${match[1]} ${match[2]}`)
    const { folder, run } = await checkFixture('seed-chinese')
    await run(['--fix'])
    const fixed = clauses(await readFile(path.join(folder, 'zh-Hant-HK.md'), 'utf8'))
    const signed = clauses(await readFile(path.join(sourceFolder, 'zh-Hant-HK.md'), 'utf8')).map((clause) => clause.replaceAll('丶', '、'))
    expect(fixed).toHaveLength(25)
    expect(fixed).toEqual(signed)
  })

  it('exits 0 on the project\'s own source/, warning only of the 丶 the signed text keeps and the title\'s space', async () => {
    const result = await runCharter(['check', '--source', sourceFolder])
    expect(result.code).toBe(0)
    expect(result.stderr).not.toMatch(/error/)
    const rules = [...result.stderr.matchAll(/ warning .* (\S+)\s+charter$/gm)].map((match) => match[1])
    expect(rules.filter((rule) => rule === 'cjk-enumeration-comma')).toHaveLength(7)
    expect(rules.filter((rule) => rule !== 'cjk-enumeration-comma')).toEqual(['han-latin-spacing'])
    const title = (await readFile(path.join(sourceFolder, 'zh-Hant-HK.md'), 'utf8')).split('\n').indexOf('# 2021 香港約章') + 1
    expect(result.stderr).toMatch(new RegExp(`^${title}:7-${title}:8 +warning Unexpected typed space between Han and Latin text`, 'm'))
    expect((await runCharter(['check', '--frail', '--source', sourceFolder])).code).toBe(1)
  })

  it('--fix keeps a byte order mark the file starts with, as it keeps every other byte it does not mend', async () => {
    const { folder, run } = await checkFixture('cjk-punctuation-width')
    const file = path.join(folder, 'zh-Hant-HK.md')
    await writeFile(file, '\uFEFF' + (await readFile(file, 'utf8')))
    await run(['--fix'])
    const fixed = await readFile(path.join(fixtures, 'cjk-punctuation-width', 'fixed', 'zh-Hant-HK.md'), 'utf8')
    expect(await readFile(file, 'utf8')).toBe('\uFEFF' + fixed)
  })

  it('stops charter build on an error in the text, before the browser, writing nothing', async () => {
    const source = await copySource((folder) => editFile(path.join(folder, 'zh-Hant-HK.md'), (text) => text.replace('香港人一直爭取民主制度，', '香港人一直爭取民主制度,')))
    const out = path.join(path.dirname(source), 'dist')
    const result = await runRefused(['build', '--source', source, '--out', out])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^\d+:\d+-\d+:\d+ +error +Unexpected ASCII `,` in Chinese text, expected the full-width `，` +cjk-punctuation-width +charter$/m)
    expect(existsSync(out)).toBe(false)
  })

  it('lets charter build name the source\'s kept warnings in one line instead of listing them', async () => {
    const source = await readSource(path.relative(process.cwd(), sourceFolder))
    expect(loadDocument(source)).toBeDefined()
    await lintSource(source)
    const lines = takeLintWarnings(source.files)
    expect(lines).toEqual([`${path.relative(process.cwd(), path.join(sourceFolder, 'zh-Hant-HK.md'))}: 8 warnings (7 cjk-enumeration-comma, 1 han-latin-spacing)`])
    expect(source.files.flatMap((file) => file.messages)).toEqual([])
  })
})

describe('a report of very many findings', () => {
  it('lists 500 of one rule in a file and says how many more, while --fix mends them all', async () => {
    const { folder, run } = await checkFixture('cjk-punctuation-width')
    const file = path.join(folder, 'zh-Hant-HK.md')
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^1\. /m, `1. ${'香港,'.repeat(1200)}人。`))
    const started = performance.now()
    const result = await run([])
    // Laid out in full, 1,200 findings took the reporter seconds (it measures every line against every other).
    expect(performance.now() - started).toBeLessThan(5_000)
    const listed = result.stderr.split('\n').filter((line) => /Unexpected ASCII `,`/.test(line))
    expect(listed).toHaveLength(500)
    const more = /^\d+:\d+ +error +…and (\d+) more of the same from here on \(`cjk-punctuation-width`\), not listed +cjk-punctuation-width +charter$/m.exec(result.stderr)
    expect(Number(more?.[1])).toBeGreaterThanOrEqual(700)
    await run(['--fix'])
    expect(await readFile(file, 'utf8')).toContain(`1. ${'香港，'.repeat(1200)}人。`)
  })
})
