/**
 * Inputs a volunteer could hand the build by mistake (test/fixtures/bad/). Each gives a
 * clear message at its place with a rule id, exit code 1, no stack trace, and leaves the
 * output folder exactly as it was.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCanaryServer, type CanaryServer } from './support/canary-server.js'
import { runRefused } from './support/in-process.js'
import { copySource, editFile, projectRoot, runCharter, sourceFolder, temporaryFolder } from './support/run.js'

const fixtures = path.join(projectRoot, 'test/fixtures/bad')
let server: CanaryServer

beforeAll(async () => {
  server = await startCanaryServer()
})
afterAll(async () => {
  await server.close()
})

/** A source copy with `file` replaced, built into an output folder holding a previous build. */
async function buildWith(file: string, content: Buffer | string, extraArgs: string[] = []) {
  const source = await copySource(async (folder) => {
    const bytes = typeof content === 'string' ? content.replaceAll('PORT', String(server.port)) : content
    await writeFile(path.join(folder, file), bytes)
  })
  const workdir = path.dirname(source)
  const out = path.join(workdir, 'out')
  await mkdir(out)
  await writeFile(path.join(out, 'charter-reading-a4.pdf'), 'the previous build')
  const result = await runRefused(['build', '--out', 'out', ...extraArgs], { cwd: workdir })
  return { ...result, outFiles: await readdir(out), previous: await readFile(path.join(out, 'charter-reading-a4.pdf'), 'utf8') }
}

const fixture = (name: string) => readFile(path.join(fixtures, name))
/** The project's own source file `name` with `change` made to its text. */
const sourceWith = (name: string, change: (text: string) => string) => async () => change(await readFile(path.join(sourceFolder, name), 'utf8'))

/** The clause 4 of the charter's English, with a note reference after its first sentence. */
const noteInClause4 = (text: string) => text.replace(/^4\. The Hong Kong resistance shall be making allies and not enemies\./m, '$&[^allies]')

/** `file` replaced; the message is expected under `at` (default: that file). */
const cases: Array<{ name: string; file: string; at?: string; content: () => Promise<Buffer | string>; error: RegExp }> = [
  { name: 'an empty language file', file: 'en.md', content: () => fixture('empty.md'), error: /^1:1 +error +Empty file +source-empty/m },
  {
    name: 'a file that is not UTF-8',
    file: 'zh-Hant-HK.md',
    content: () => fixture('invalid-utf8.md'),
    error: /^9:15 +error +Not UTF-8 text: save the file as UTF-8 +source-encoding/m
  },
  {
    name: 'a file saved as UTF-16 (Windows Notepad\'s "Unicode")',
    file: 'en.md',
    content: async () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(await readFile(path.join(sourceFolder, 'en.md'), 'utf8'), 'utf16le')]),
    error: /^1:1 +error +Saved as UTF-16 \("Unicode" in Windows Notepad\): save the file as UTF-8 +source-encoding/m
  },
  {
    name: 'a binary file named .md',
    file: 'en.md',
    content: () => fixture('binary.md'),
    error: /^1:1 +error +Not a text file: it holds binary data \(NUL bytes\) +source-encoding/m
  },
  {
    name: 'a 5 MB single line',
    file: 'en.md',
    content: async () => 'x'.repeat(5 * 1024 * 1024),
    error: /^1:1 +error +File too large \(5242880 bytes\): a source file is at most 2097152 bytes +source-file/m
  },
  {
    name: 'malformed front matter',
    file: 'en.md',
    content: () => fixture('malformed-front-matter.md'),
    error: /^6:1 +error +Cannot read the YAML: Flow sequence in block collection must be sufficiently indented and end with a \] +yaml-syntax/m
  },
  {
    name: 'malformed YAML in the signatory list',
    file: 'signatories.yaml',
    content: () => fixture('malformed.yaml'),
    error: /^6:1 +error +Cannot read the YAML: Flow sequence in block collection must be sufficiently indented and end with a \] +yaml-syntax/m
  },
  {
    name: 'raw HTML with a script',
    file: 'en.md',
    content: async () => (await fixture('script.md')).toString('utf8'),
    error: /^34:1 +error +Unexpected raw HTML: write the text in Markdown; HTML is not printed +no-html/m
  },
  {
    name: 'a remote image',
    file: 'en.md',
    content: async () => (await fixture('remote-image.md')).toString('utf8'),
    error: /^34:4 +error +Unexpected remote image http:\/\/127\.0\.0\.1:\d+\/banner\.png: the build never fetches anything from the network +remote-resource/m
  },
  {
    name: 'a date that is not in the calendar',
    file: 'publication.yaml',
    content: sourceWith('publication.yaml', (text) => text.replace(/^date: .*$/m, 'date: 2026-02-30')),
    error: /^26:7 +error +date: not a day of the calendar: expected a date as YYYY-MM-DD, such as 2021-07-01 +publication/m
  },
  {
    name: 'a misspelt key in publication.yaml',
    file: 'publication.yaml',
    content: sourceWith('publication.yaml', (text) => text.replace(/^publisher:/m, 'pubisher:')),
    error: /^5:1 +error +Missing publisher +publication[\s\S]*^16:1 +error +Unknown key `pubisher`: check its spelling +publication/m
  },
  {
    name: 'a link to a folder of the computer',
    file: 'en.md',
    content: sourceWith('en.md', (text) => text.replace(/^4\. /m, '4. [my notes](/home/alice/notes.md) ')),
    error: /^36:4 +error +Unexpected link to \/home\/alice\/notes\.md: link to a web address \(https:\/\/\.\.\.\) or an email address \(mailto:\.\.\.\); a link to a file or a script would not work for readers, and a path could name your computer's folders +link-target/m
  },
  {
    name: 'a link that runs a script',
    file: 'zh-Hant-HK.md',
    content: sourceWith('zh-Hant-HK.md', (text) => text.replace(/^4\. /m, '4. [按此](javascript:alert(1))')),
    error: /^35:4 +error +Unexpected link to javascript:alert\(1\): .* +link-target/m
  },
  {
    name: 'an empty entry in the signatory list',
    file: 'signatories.yaml',
    content: async () => 'individuals:\n  - name: Alex CHOW Yong Kang\n  -\n',
    error: /^3:4 +error +individuals, entry 2: expected a signatory \(`- name: \.\.\.` or `- name-zh: \.\.\.`\), not an empty entry +signatories-schema/m
  },
  {
    name: 'a Markdown file given as the signatory list',
    file: 'signatories.yaml',
    content: sourceWith('en.md', (text) => text),
    error: /^\d+:1 +error +Cannot read the YAML: the file holds more than one document \(a `---` line starts another\): is it the right file\? +yaml-syntax/m
  },
  {
    name: 'a YAML alias bomb (three lines that expand to a billion values)',
    file: 'signatories.yaml',
    content: async () => {
      const row = (item: string) => `[${Array(99).fill(item).join(',')}]`
      return `a: &a ${row('x')}\nb: &b ${row('*a')}\nc: ${row('*b')}\n`
    },
    error: /^1:7 +error +Cannot read the YAML: an anchor \(`&a`\) names a value to repeat: charter's files write each value out; remove it +yaml-syntax/m
  },
  {
    name: 'a key written twice in a map of 100,000 keys (the check was quadratic)',
    file: 'signatories.yaml',
    content: async () => `individuals: []\n${Array.from({ length: 100_000 }, (_, index) => `k${index}: v`).join('\n')}\nk5: again\n`,
    error: /^100002:1 +error +Cannot read the YAML: the key `k5` is written twice in the same place: keep one +yaml-syntax/m
  },
  {
    name: 'a link to sign too long for a QR code',
    file: 'publication.yaml',
    content: sourceWith('publication.yaml', (text) => text.replace(/^# sign-url: .*$/m, `sign-url: https://example.org/${'a'.repeat(2400)}`)),
    error: /^\d+:11 +error +sign-url: a link of at most 500 characters fits in a QR code a phone can read from paper: use a shorter link +publication/m
  },
  {
    name: 'a language listed as a path',
    file: 'publication.yaml',
    content: sourceWith('publication.yaml', (text) => text.replace(/^languages: \[en, zh-Hant-HK\]$/m, 'languages: [en, ../../etc/passwd]')),
    error: /^5:17 +error +languages, entry 2: expected a language tag such as `en`, `fr` or `zh-Hant-HK` +publication/m
  },
  {
    name: 'a language listed twice',
    file: 'publication.yaml',
    content: sourceWith('publication.yaml', (text) => text.replace(/^languages: \[en, zh-Hant-HK\]$/m, 'languages: [en, zh-Hant-HK, en]')),
    error: /^5:29 +error +languages, entry 3: `en` is listed twice: list each language once +publication/m
  },
  {
    name: '2,000 quotes nested in a clause (a stack overflow)',
    file: 'en.md',
    content: sourceWith('en.md', (text) => text.replace(/^4\. /m, `4. ${'>'.repeat(2000)} deep `)),
    error: /^36:25 +error +Text nested too deep \(more than 24 levels of lists, quotes and emphasis\): write it flatter +source-limit/m
  },
  {
    name: 'a list nested 1,000 deep (the parser took minutes)',
    file: 'en.md',
    content: sourceWith('en.md', (text) => text.replace(/^4\. (.*)$/m, (_, clause) => `4. ${clause}\n${Array.from({ length: 1000 }, (_, depth) => `${'  '.repeat(depth + 2)}- deeper`).join('\n')}`)),
    error: /^\d+:1 +error +Line indented too far \(66 columns; at most 64\): lists nest a few levels at most +source-limit/m
  },
  {
    name: 'a paragraph of 10,000 emphasis marks (the parser was quadratic on them)',
    file: 'en.md',
    content: sourceWith('en.md', (text) => text.replace(/^4\. /m, `4. ${'*_'.repeat(5000)}`)),
    error: /^36:504 +error +Too much markup in one paragraph \(more than 500 of .*\): is this text pasted from elsewhere\? Write it as plain paragraphs +source-limit/m
  },
  {
    name: 'a quote of 500 lines of emphasis, one paragraph to the parser (16 s)',
    file: 'en.md',
    content: sourceWith('en.md', (text) => text.replace(/^4\. /m, `4. quoted:\n\n${Array(500).fill(`> ${'*a* '.repeat(100)}`).join('\n')}\n\n`)),
    error: /^\d+:\d+ +error +Too much markup in one paragraph \(more than 500 of .*\): is this text pasted from elsewhere\? Write it as plain paragraphs +source-limit/m
  },
  {
    name: 'lines that look like clauses but continue one paragraph (16 s)',
    file: 'en.md',
    content: sourceWith('en.md', (text) => text.replace(/^4\. (.*)$/m, (_, clause) => `4. ${clause}\n${Array(500).fill(`2. ${'*a* '.repeat(100)}`).join('\n')}`)),
    error: /^\d+:\d+ +error +Too much markup in one paragraph \(more than 500 of .*\): is this text pasted from elsewhere\? Write it as plain paragraphs +source-limit/m
  },
  {
    name: 'a file saved with old Mac line ends (CR alone)',
    file: 'en.md',
    content: sourceWith('en.md', (text) => text.replace(/\n/g, '\r')),
    error: /^1:1 +error +Saved with old Mac line ends \(a CR alone ends each line\): save it with ordinary line ends \(LF, or CRLF on Windows\) +source-encoding/m
  },
  {
    name: 'an anchor and alias to carry a value past the checks',
    file: 'publication.yaml',
    content: sourceWith('publication.yaml', (text) => text.replace(/^publisher:\n/m, 'publisher:\n  ? &p "The signatories\\u202E of the \\x01 Charter"\n  : unused\n')),
    error: /^\d+:\d+ +error +Cannot read the YAML: an anchor \(`&p`\) names a value to repeat: charter's files write each value out; remove it +yaml-syntax/m
  },
  {
    name: 'YAML 1.1, where `y` means true and `<<` merges maps',
    file: 'signatories.yaml',
    content: async () => '%YAML 1.1\n---\nindividuals:\n  - name: y\n',
    error: /^1:1 +error +Cannot read the YAML: the file says `%YAML 1\.1`, whose rules differ \(`y` means true\): remove that line +yaml-syntax/m
  },
  {
    name: 'publisher text for a language the publication does not have',
    file: 'publication.yaml',
    content: sourceWith('publication.yaml', (text) => text.replace(/^publisher:\n/m, 'publisher:\n  fr: Les signataires\n')),
    error: /^\d+:\d+ +error +publisher\.fr: `fr` is not one of the publication's languages \(en, zh-Hant-HK\): add it to `languages`, or remove it here +publication/m
  },
  {
    name: 'a 460 kB title (the print ran two minutes)',
    file: 'en.md',
    content: sourceWith('en.md', (text) => text.replace(/^# 2021 Hong Kong Charter$/m, `# ${'Charter '.repeat(57_500)}`)),
    error: /^24:1 +error +Heading too long \(460,001 characters; at most 300\): a title or section heading is one line +source-limit/m
  },
  {
    name: 'a clause numbered 1000000000',
    file: 'en.md',
    content: () => fixture('clause-billion.md'),
    error: /^84:1 +error +Clause number 1000000000 is too large: number clauses 1, 2, 3, \.\.\. +clause-number/m
  },
  {
    name: 'a language left out of the publisher',
    file: 'publication.yaml',
    content: sourceWith('publication.yaml', (text) => text.replace(/^  zh-Hant-HK: 《香港約章》聯署人\n/m, '')),
    error: /^17:3 +error +publisher: no text in `zh-Hant-HK`: add `zh-Hant-HK: \.\.\.` under `publisher` \(each language prints its own\), or give one text for every language \(`publisher: \.\.\.`\) +publication/m
  },
  {
    name: 'a language in a script the project has no font for',
    file: 'publication.yaml',
    content: sourceWith('publication.yaml', (text) => text.replace('languages: [en, zh-Hant-HK]', 'languages: [en, zh-Hant-HK, ar]')),
    error: /^5:29 +error +languages, entry 3: `ar` is written in Arabic, which the project has no font for \(it has fonts for Latin, Greek, Cyrillic, Traditional, Japanese\): fonts\/README\.md says how to add one +publication/m
  },
  {
    name: 'a note referred to and never written',
    file: 'en.md',
    content: sourceWith('en.md', noteInClause4),
    error: /^36:68 +error +Note `\[\^allies\]` has no text: write it on a line of its own, `\[\^allies\]: \.\.\.` \(at the end of the file, say\); to print the brackets, write `\\\[\^allies\]` +note-missing/m
  },
  {
    name: 'a note that one language has and the other does not',
    file: 'en.md',
    at: 'zh-Hant-HK.md',
    content: sourceWith('en.md', (text) => `${noteInClause4(text)}\n[^allies]: Allies, not enemies.\n`),
    error: /^35:1 +error +Note `\[\^allies\]` is missing: en\.md refers to it in clause 4 \(at 36:68\); refer to it here too, and write its text as `\[\^allies\]: \.\.\.` +note-missing/m
  },
  {
    name: 'a note nothing refers to',
    file: 'en.md',
    content: sourceWith('en.md', (text) => `${text}\n[^spare]: A note nobody refers to.\n`),
    error: /^\d+:1 +error +Note `\[\^spare\]` is never referred to: write `\[\^spare\]` where it belongs in the text, or remove the note +note-unused/m
  },
  {
    name: 'a paragraph that only one language has',
    file: 'en.md',
    at: 'zh-Hant-HK.md',
    content: sourceWith('en.md', (text) => text.replace(/^## The Letter$/m, '## The Letter\n\nA paragraph only the English has.')),
    error: /^27:1 +error +Missing paragraph: en\.md has 1 paragraph at the start of section 1 \(“The Letter”\), this file 0; its paragraph 1 \(at 28:1\) has no counterpart here +prose-count/m
  },
  {
    name: 'clauses numbered through the text when publication.yaml asks for each section to start again',
    file: 'publication.yaml',
    at: 'en.md',
    content: sourceWith('publication.yaml', (text) => text.replace('numbering: continuous', 'numbering: per-section')),
    error: /^34:1 +error +Clause 3 opens its section, and publication\.yaml says `numbering: per-section`: number each section's clauses from 1, or write `numbering: continuous` +clause-sequence/m
  },
  {
    name: 'a slug that cannot name a file',
    file: 'publication.yaml',
    content: sourceWith('publication.yaml', (text) => text.replace('slug: charter', 'slug: Charter 2021!')),
    error: /^10:7 +error +slug: expected small letters, digits and single hyphens, such as `hong-kong-charter-2027` +publication/m
  },
  {
    name: 'a numbering that does not exist',
    file: 'publication.yaml',
    content: sourceWith('publication.yaml', (text) => text.replace('numbering: continuous', 'numbering: roman')),
    error: /^30:12 +error +numbering: expected `continuous` or `per-section` +publication/m
  },
  {
    name: 'a font of its own that is not in the source folder',
    file: 'publication.yaml',
    content: sourceWith('publication.yaml', (text) => `${text}fonts:\n  - file: fonts/Names.ttf\n`),
    error: /^\d+:11 +error +Cannot use the font fonts\/Names\.ttf: there is no such file in the source folder: put the \.ttf file in its fonts\/ folder +own-font/m
  }
]

describe('bad input', () => {
  it.each(cases)('$name: a message at its place, exit 1, the output folder untouched', async ({ file, at, content, error }) => {
    const result = await buildWith(file, await content())
    expect(result.stderr).toMatch(new RegExp(`^source/${(at ?? file).replace('.', '\\.')}$`, 'm'))
    expect(result.stderr).toMatch(error)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(result.code).toBe(1)
    expect(result.outFiles).toEqual(['charter-reading-a4.pdf'])
    expect(result.previous).toBe('the previous build')
  })

  it.each([
    [['--blank-rows', '100000'], '--blank-rows: takes a whole number of rows to sign in, from 0 to 5000, such as 40'],
    [['--blank-rows', '1.5'], '--blank-rows: takes a whole number of rows to sign in, from 0 to 5000, such as 40'],
    [['--creep', 'abc'], '--creep: takes millimetres from 0 to 2, such as 0.2 (see "Printing the pamphlet" in the README)'],
    [['--source', 'out'], '--out: is the source folder: write the editions somewhere else, such as dist'],
    [['--out', '/proc/x'], '--out: is inside a system folder (/proc, /sys or /dev), where files cannot be written: choose a folder of your own, such as dist'],
    [['--creep', '-1'], '--creep: takes millimetres from 0 to 2, such as 0.2 (see "Printing the pamphlet" in the README)'],
    [['--include-private', '--out', 'dist'], "--include-private: dist is the folder that is published (dist): write the organisers' copy to a folder of its own, away from it, such as --out organisers"]
  ])('%j: says what the option takes, exit 1, the output folder untouched', async (args, message) => {
    const result = await buildWith('en.md', await readFile(path.join(sourceFolder, 'en.md')), args)
    expect(result.stderr.split('\n')[0]).toBe(`charter: ${message}`)
    expect(result.code).toBe(1)
    expect(result.outFiles).toEqual(['charter-reading-a4.pdf'])
    expect(result.previous).toBe('the previous build')
  })

  it('names a --signatories file that is not there as the option\'s, not the source folder\'s', async () => {
    const result = await buildWith('en.md', await readFile(path.join(sourceFolder, 'en.md')), ['--signatories', 'no-such-list.yaml'])
    expect(result.stderr).toMatch(/^1:1 +error +No such file: check the path given to --signatories +source-file/m)
    expect(result.code).toBe(1)
    expect(result.outFiles).toEqual(['charter-reading-a4.pdf'])
  })

  it('refuses a SOURCE_DATE_EPOCH past the year 9999 before anything is written', async () => {
    const workdir = path.dirname(await copySource())
    const result = await runRefused(['build', '--out', 'out'], { cwd: workdir, env: { SOURCE_DATE_EPOCH: '8640000000001' } })
    expect(result.stderr).toBe(
      'charter: SOURCE_DATE_EPOCH must be whole seconds since 1970, from 0 to 253402300799 (the end of 9999), such as 1700000000 (got "8640000000001").\n'
    )
    expect(result.code).toBe(1)
    expect(await readdir(workdir)).toEqual(['source'])
  })

  it('checks a word of 19,000 letters at once, and refuses a paragraph of 100,000 at once (the checks were quadratic)', async () => {
    for (const [length, expected] of [[19_000, 0], [100_000, 1]] as const) {
      const source = await copySource((folder) => editFile(path.join(folder, 'en.md'), (text) => text.replace(/^4\. /m, `4. ${'a'.repeat(length)} `)))
      const started = performance.now()
      const result = await runCharter(['check', '--source', source], { timeout: 30_000 })
      expect(result.code, result.stderr).toBe(expected)
      // 20,000 letters took 5.4 s; 100,000 took 140 s.
      expect(performance.now() - started).toBeLessThan(5_000)
    }
  })

  it('never lets a script or a remote image reach the network', () => {
    expect(server.requests).toEqual([])
  })

  it('names a missing source folder and how to give one, and exits at once', async () => {
    const folder = await temporaryFolder()
    const started = performance.now()
    const result = await runRefused(['build', '--source', 'no-such-folder', '--out', 'out'], { cwd: folder })
    // The browser starts beside the reading of the source; closing it while its pages were
    // still opening once left puppeteer waiting 30 s, on a busy machine, before charter exited.
    expect(performance.now() - started).toBeLessThan(20_000)
    expect(result).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'charter: No source folder at no-such-folder: give the folder holding publication.yaml and the language files with --source DIR.\n'
    })
    expect(await readdir(folder)).toEqual([])
  })

  it('says so when the output folder cannot be written, and leaves it as it was', async () => {
    const folder = await temporaryFolder()
    await writeFile(path.join(folder, 'out'), 'a file where the output folder should be')
    const result = await runRefused(['build', '--source', sourceFolder, '--out', 'out/editions'], { cwd: folder })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^charter: Cannot write to the output folder out\/editions: part of the path is a file, not a folder \(ENOTDIR\)\. Choose another with --out DIR\.\n$/m)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(await readFile(path.join(folder, 'out'), 'utf8')).toBe('a file where the output folder should be')
  })

  it('shows the stack only when asked with --debug', async () => {
    const folder = await temporaryFolder()
    await writeFile(path.join(folder, 'out'), 'a file')
    const result = await runRefused(['build', '--source', sourceFolder, '--out', 'out/x', '--debug'], { cwd: folder })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/OutputError: Cannot write to the output folder/)
    expect(result.stderr).toMatch(/\n\s+at /)
  })
})
