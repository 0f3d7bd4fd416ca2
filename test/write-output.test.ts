/**
 * writeOutput() with files in sub-folders (the web edition's page and fonts): each lands
 * where its name says, unchanged files are not rewritten, a sub-folder file the previous
 * build made and this one did not is removed, and a name that climbs out is refused.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeOutput, type Artifact } from '../pipeline/write-output.js'
import { temporaryFolder } from './support/run.js'

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
