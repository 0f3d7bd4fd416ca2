/**
 * Alignment rules: a copy of the real source with one slip in it, built with the real
 * command. Each gives exactly the message a user sees, exit code 1, and leaves the output
 * folder as it was.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runRefused } from './support/in-process.js'
import { copySource, editFile, runCharter } from './support/run.js'

interface Case {
  rule: string
  file: string
  edit: (text: string) => string
  expected: string
}

const cases: Case[] = [
  {
    rule: 'clause-missing',
    file: 'zh-Hant-HK.md',
    edit: (text) => text.replace(/\n8\. [^\n]*\n/, '\n'),
    expected: `source/zh-Hant-HK.md
46:1 error Clause 8 is missing: en.md has it in section “Hong Kong” clause-missing  charter
46:1 error Clause 9 follows clause 7: clause 8 is missing           clause-sequence charter

✖ 2 errors
source/zh-Hant-HK.md: 3 warnings (2 cjk-enumeration-comma, 1 han-latin-spacing)
\`npx charter check\` shows where.
`
  },
  {
    rule: 'clause-sequence',
    file: 'en.md',
    edit: (text) => text.replace('\n4. ', '\n5. '),
    expected: `source/en.md
36:1 error Clause 5 follows clause 3: clause 4 is missing                clause-sequence charter
38:1 error Clause 5 is repeated: it was first numbered at 36:1           clause-repeated charter

source/zh-Hant-HK.md
35:1 error Clause 4 is not in en.md: every language has the same clauses clause-extra    charter

✖ 3 errors
source/zh-Hant-HK.md: 8 warnings (7 cjk-enumeration-comma, 1 han-latin-spacing)
\`npx charter check\` shows where.
`
  },
  {
    rule: 'clause-sequence',
    file: 'en.md',
    // Clauses 4 and 5 swapped: two messages that say so, none that calls a clause missing.
    edit: (text) => text.replace(/\n(4\. [^\n]*)\n\n(5\. [^\n]*)\n/, '\n$2\n\n$1\n'),
    expected: `source/en.md
36:1 error Clause 5 follows clause 3: clause 4 comes after it; put the clauses in order clause-sequence charter
38:1 error Clause 4 follows clause 5: clause 4 is out of order                          clause-sequence charter

✖ 2 errors
source/zh-Hant-HK.md: 8 warnings (7 cjk-enumeration-comma, 1 han-latin-spacing)
\`npx charter check\` shows where.
`
  },
  {
    rule: 'clause-repeated',
    file: 'en.md',
    edit: (text) => text.replace('\n5. ', '\n4. '),
    expected: `source/en.md
38:1 error Clause 4 is repeated: it was first numbered at 36:1           clause-repeated charter
40:1 error Clause 6 follows clause 4: clause 5 is missing                clause-sequence charter

source/zh-Hant-HK.md
37:1 error Clause 5 is not in en.md: every language has the same clauses clause-extra    charter

✖ 3 errors
source/zh-Hant-HK.md: 8 warnings (7 cjk-enumeration-comma, 1 han-latin-spacing)
\`npx charter check\` shows where.
`
  },
  {
    rule: 'section-count',
    file: 'zh-Hant-HK.md',
    edit: (text) => text.replace('## 中國\n\n', ''),
    expected: `source/zh-Hant-HK.md
55:1 error Sections differ: expected a section heading (\`## \`) before clause 13, as in en.md (“China”); en.md has 5 sections, this file 4 section-count charter

✖ 1 error
source/zh-Hant-HK.md: 8 warnings (7 cjk-enumeration-comma, 1 han-latin-spacing)
\`npx charter check\` shows where.
`
  },
  {
    rule: 'section-count',
    file: 'en.md',
    // The heading is missing from en.md: the Chinese file's extra heading is named where it is.
    edit: (text) => text.replace('## China\n\n', ''),
    expected: `source/zh-Hant-HK.md
55:1 error Sections differ: this file has a section heading (\`## \`) before clause 13 that en.md does not have; en.md has 4 sections, this file 5 section-count charter

✖ 1 error
source/zh-Hant-HK.md: 8 warnings (7 cjk-enumeration-comma, 1 han-latin-spacing)
\`npx charter check\` shows where.
`
  },
  {
    rule: 'section-mismatch',
    file: 'zh-Hant-HK.md',
    edit: (text) => text.replace(/(## 中國\n\n)(13\. [^\n]*\n\n)/, '$2$1'),
    expected: `source/zh-Hant-HK.md
55:1 error Clause 13 is in section 3 here but in section 4 (“China”) in en.md section-mismatch charter

✖ 1 error
source/zh-Hant-HK.md: 8 warnings (7 cjk-enumeration-comma, 1 han-latin-spacing)
\`npx charter check\` shows where.
`
  },
  {
    rule: 'criteria-mismatch',
    file: 'zh-Hant-HK.md',
    edit: (text) => text.replace('- 認同約章內容\n', ''),
    expected: `source/zh-Hant-HK.md
85:1 error Expected 3 sign-up criteria as in en.md, found 2 criteria-mismatch charter

✖ 1 error
source/zh-Hant-HK.md: 8 warnings (7 cjk-enumeration-comma, 1 han-latin-spacing)
\`npx charter check\` shows where.
`
  },
  {
    rule: 'missing-title',
    file: 'en.md',
    edit: (text) => text.replace('# 2021 Hong Kong Charter\n', ''),
    expected: `source/en.md
1:1 error Missing title: start the text with a \`# \` heading missing-title charter

✖ 1 error
source/zh-Hant-HK.md: 8 warnings (7 cjk-enumeration-comma, 1 han-latin-spacing)
\`npx charter check\` shows where.
`
  },
  {
    rule: 'front-matter-lang',
    file: 'zh-Hant-HK.md',
    edit: (text) => text.replace('lang: zh-Hant-HK', 'lang: zh-Hant-TW'),
    expected: `source/zh-Hant-HK.md
2:1 error Expected \`lang: zh-Hant-HK\` (the file's name), found \`zh-Hant-TW\` front-matter-lang charter

✖ 1 error
source/zh-Hant-HK.md: 8 warnings (7 cjk-enumeration-comma, 1 han-latin-spacing)
\`npx charter check\` shows where.
`
  },
  {
    rule: 'front-matter',
    file: 'en.md',
    edit: (text) => text.replace('  pageOf: "Page {page} of {pages}"\n', ''),
    expected: `source/en.md
6:3 error Missing labels.pageOf front-matter charter

✖ 1 error
source/zh-Hant-HK.md: 8 warnings (7 cjk-enumeration-comma, 1 han-latin-spacing)
\`npx charter check\` shows where.
`
  },
  {
    rule: 'signatories-schema',
    file: 'signatories.yaml',
    edit: (text) => text.replace('  - name: Ted HUI Chi Fung', '  - nme: Ted HUI Chi Fung'),
    expected: `source/signatories.yaml
9:5 error Unknown key \`nme\` in individuals, entry 2: check its spelling signatories-schema charter

✖ 1 error
source/zh-Hant-HK.md: 8 warnings (7 cjk-enumeration-comma, 1 han-latin-spacing)
\`npx charter check\` shows where.
`
  }
]

describe('alignment of the languages', () => {
  it.each(cases)('reports $rule with its place and stops the build', async ({ file, edit, expected }) => {
    const source = await copySource((folder) => editFile(path.join(folder, file), edit))
    const workdir = path.dirname(source)
    const out = path.join(workdir, 'out')
    await mkdir(out)
    await writeFile(path.join(out, 'previous.pdf'), 'previous build')

    const result = await runRefused(['build', '--out', 'out'], { cwd: workdir })

    expect(result.stderr).toBe(expected)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(await readdir(out)).toEqual(['previous.pdf'])
    expect(await readFile(path.join(out, 'previous.pdf'), 'utf8')).toBe('previous build')
  })

  it('accepts the real source without a message', async () => {
    const source = await copySource()
    const { loadDocument } = await import('../pipeline/source/load-document.js')
    const { readSource } = await import('../pipeline/source/read-source.js')
    const read = await readSource(source)
    const document = loadDocument(read)
    expect(read.files.flatMap((file) => file.messages.map(String))).toEqual([])
    expect(document?.sections.map((section) => section.clauses.map((clause) => clause.number))).toEqual([
      [1, 2],
      [3, 4, 5, 6],
      [7, 8, 9, 10, 11, 12],
      [13, 14, 15, 16, 17, 18],
      [19, 20, 21, 22, 23, 24, 25]
    ])
    expect(document?.sections.map((section) => [section.heading.en.text, section.heading['zh-Hant-HK'].text])).toEqual([
      ['The Letter', '約章內容'],
      ['The belief of the Diasporic Hongkongers', '離散港人的信念'],
      ['Hong Kong', '香港'],
      ['China', '中國'],
      ['The World', '世界']
    ])
  })
})
