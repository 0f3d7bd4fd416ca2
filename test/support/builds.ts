/**
 * The builds the tests read, each made once per `npm test` by the global setup
 * (test/support/global-setup.ts), two at a time, and read by every test that needs it:
 * a test names a build (`built('plain')`) instead of running its own. Sources are the
 * charter's text (test/fixtures/charter/source) with the edits listed here.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { inject } from 'vitest'

/** A source: the charter's text (or the fixture `from`, a folder of test/fixtures) with `edit` made to a copy of it. */
interface SourceVariant {
  from?: string
  edit?: (folder: string) => Promise<void>
}

/** One build: which source, with which arguments and environment, run in which folder. */
interface BuildSpec {
  source: keyof typeof sources
  args?: string[]
  env?: Record<string, string>
  /** Run in the canary folder (its path, user and home are canaries a leak test can search for). */
  canary?: boolean
}

/** A private signatory's names in the `private` source: no public file may hold them, not even a font. */
export const privateNames = { name: 'Hidden CANARY Person', chinese: '龘齉鬱', other: '鸛鷸鸚鵡', web: 'Wilhelmina PRIVATE-PERSON', rare: '周𠀋𪚥' }
/** The booklet's source: a link to sign (printed with a QR code) and one private signatory. */
export const signUrl = 'https://example.org/sign-the-charter'
export const bookletPrivateName = 'Hidden PRIVATE Person'
/** The English clause 4 of `long-word`, which holds a web address longer than a line. */
export const longAddress = `https://example.org/${'a'.repeat(170)}`
/** The file of HanaMin (npm `hanamin`) that the statement's own font is made of: it has 𠮷 (U+20BB7). */
export const ownFontSlice = 'HanaMinB.CJK-Unified-Ideographs-Extension-B-03.woff2'
/** The signing sheet's own list (test/fixtures/signing-sheet), with private entries. */
export const sheetList = 'test/fixtures/signing-sheet/signatories.yaml'

const append = (file: string, text: string) => async (folder: string) => writeFile(path.join(folder, file), (await readFile(path.join(folder, file), 'utf8')) + text)

const sources = {
  plain: {},
  private: {
    edit: append(
      'signatories.yaml',
      `  - name: ${privateNames.name}\n    name-zh: ${privateNames.chinese}\n    public: false\n  - name-zh: ${privateNames.other}\n    public: false\n  - name: ${privateNames.web}\n    public: false\n`
    )
  },
  booklet: {
    async edit(folder: string) {
      const file = path.join(folder, 'publication.yaml')
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^# sign-url: .*$/m, `sign-url: ${signUrl}`))
      await append('signatories.yaml', `\n  - name: ${bookletPrivateName}\n    public: false\n`)(folder)
    }
  },
  'long-word': {
    async edit(folder: string) {
      const file = path.join(folder, 'en.md')
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^4\. /m, `4. See ${longAddress} or <${longAddress}>. `))
    }
  },
  /** English, Chinese and French (test/fixtures/three-languages). */
  'three-languages': { from: 'three-languages' },
  /** Japanese and English (test/fixtures/japanese). */
  japanese: { from: 'japanese' },
  /** Next year's kind of statement: preamble, prose, notes, emphasis, Cantonese, rare names (test/fixtures/statement). */
  statement: { from: 'statement' },
  /**
   * The statement with a TrueType font of its own in source/fonts/ that has 𠮷 (one of
   * HanaMin's own files, unpacked), so that only 𡈁 is left to the fallback.
   */
  'statement-own-font': {
    from: 'statement',
    async edit(folder: string) {
      const { decompress } = (await import('wawoff2')) as unknown as { decompress: (data: Uint8Array) => Promise<Uint8Array> }
      const woff2 = await readFile(path.resolve(import.meta.dirname, '../../node_modules/hanamin', ownFontSlice))
      await mkdir(path.join(folder, 'fonts'))
      await writeFile(path.join(folder, 'fonts/Names.ttf'), await decompress(woff2))
      await append('publication.yaml', 'fonts:\n  - file: fonts/Names.ttf\n')(folder)
    }
  },
  /** The statement with a private signatory whose name only the fallback font has (𠀋, 𪚥). */
  'statement-private': { from: 'statement', edit: append('signatories.yaml', `  - name: ${privateNames.name}\n    name-zh: ${privateNames.rare}\n    public: false\n`) }
} satisfies Record<string, SourceVariant>

const epoch = { SOURCE_DATE_EPOCH: '1700000000' }
const bookletEpoch = { SOURCE_DATE_EPOCH: '1795651200' }

/** Every build, by name. `{...}` in arguments and environments stand for what the setup makes (global-setup.ts). */
export const builds = {
  /** The charter's text as it is, in the canary folder, with an empty HOME. */
  plain: { source: 'plain', env: epoch, canary: true },
  /**
   * With private signatories, and a TMPDIR of 60 characters (macOS's own is about 49), in
   * another folder: every file the same bytes as `plain`'s is expected.
   */
  private: { source: 'private', env: { ...epoch, TMPDIR: '{long-tmp}' } },
  /** Another date: the new files a killed build was writing over `plain`'s (trust.test.ts). */
  later: { source: 'plain', env: { SOURCE_DATE_EPOCH: '1800000000' } },
  /** Another machine's font settings: hinting, autohinter, no antialiasing. */
  fontconfig: { source: 'plain', args: ['--only', 'reading,pamphlet'], env: { ...epoch, FONTCONFIG_FILE: '{other-fonts.conf}' } },
  /** The signing sheet of test/fixtures/signing-sheet's list (which holds private entries), with every other edition. */
  'sheet-list': { source: 'plain', args: ['--signatories', sheetList], env: epoch },
  /** The same list with more private entries: the same bytes are expected. */
  'sheet-list-private': { source: 'plain', args: ['--signatories', '{private-list}'], env: epoch },
  /** That list's organisers' copy, on Letter, with a contact column and 25 rows to sign in. */
  'sheet-organisers': {
    source: 'plain',
    args: ['--signatories', sheetList, '--include-private', '--contact', '--blank-rows', '25', '--paper', 'letter', '--only', 'signing-sheet']
  },
  /** A roll of 1,001 names: the rows to sign in start on a page of their own. */
  'sheet-long': { source: 'plain', args: ['--signatories', '{long-list}', '--only', 'signing-sheet'] },
  booklet: { source: 'booklet', args: ['--manual-duplex', '--only', 'pamphlet,booklet'], env: bookletEpoch },
  /** US Letter: the reading edition, and the booklet for printers that flip on the short edge. */
  letter: { source: 'booklet', args: ['--paper', 'letter', '--duplex', 'short', '--only', 'reading,pamphlet,booklet'], env: bookletEpoch },
  'long-word': { source: 'long-word', args: ['--only', 'reading'] },
  'three-languages': { source: 'three-languages', env: epoch },
  japanese: { source: 'japanese', env: epoch },
  statement: { source: 'statement', env: epoch },
  'statement-private': { source: 'statement-private', env: epoch },
  'statement-own-font': { source: 'statement-own-font', args: ['--only', 'reading,epub,web'], env: epoch }
} satisfies Record<string, BuildSpec>

export type BuildName = keyof typeof builds

/** What the setup made of a build. */
export interface Built {
  out: string
  source: string
  code: number
  stderr: string
}

/** What the setup provides to the tests at once; each build's result follows in `results/<name>.json`. */
export interface SharedBuilds {
  /** The folder everything is under. */
  root: string
  /** The canary folder, its user name and home. */
  canary: { folder: string; name: string; home: string }
}

declare module 'vitest' {
  export interface ProvidedContext {
    shared: SharedBuilds
  }
}

/**
 * A build the setup makes, once it is made (the setup makes them while the first tests run,
 * and writes each one's result when it is done); it must have worked.
 */
export async function built(name: BuildName): Promise<Built> {
  const made = await result(name)
  if (made.code !== 0) throw new Error(`The shared build ${name} failed (${made.code}):\n${made.stderr}`)
  return made
}

/** A build's result, worked or not. */
export async function result(name: BuildName): Promise<Built> {
  const file = resultFile(inject('shared').root, name)
  for (;;) {
    const text = await readFile(file, 'utf8').catch(() => undefined)
    if (text !== undefined) return JSON.parse(text) as Built
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Where the setup writes a build's result. */
export function resultFile(root: string, name: BuildName): string {
  return path.join(root, 'results', `${name}.json`)
}

/** What the setup made, all of it. */
export function shared(): SharedBuilds {
  return inject('shared')
}

/** Makes the sources in `root`: one folder per variant. */
export async function makeSources(root: string, charterSource: string): Promise<Record<keyof typeof sources, string>> {
  const made = {} as Record<keyof typeof sources, string>
  for (const [name, variant] of Object.entries(sources) as Array<[keyof typeof sources, SourceVariant]>) {
    const folder = path.join(root, 'sources', name, 'source')
    await mkdir(path.dirname(folder), { recursive: true })
    await cp(variant.from ? path.join(charterSource, '../..', variant.from, 'source') : charterSource, folder, { recursive: true })
    await variant.edit?.(folder)
    made[name] = folder
  }
  return made
}

/** 1,001 different Chinese names: a roll long enough for the rows to start on a page of their own. */
export function longList(): string {
  const surnames = '陳黃梁劉張李吳何曾林周楊馮郭譚'
  const given = '嘉偉志凱子小美國詠浩文峰婷健明玲欣詩然希樂俊宇彤恆佩成傑華安'
  const names = Array.from({ length: 1001 }, (_, index) => surnames[index % 15] + given[Math.floor(index / 15) % 30] + given[Math.floor(index / 450) % 30])
  return `individuals:\n${names.map((name) => `  - name-zh: ${name}`).join('\n')}\n`
}

/** The signing sheet's list (test/fixtures/signing-sheet) with more private entries. */
export async function listWithMorePrivate(projectRoot: string): Promise<string> {
  const list = await readFile(path.join(projectRoot, sheetList), 'utf8')
  return `${list.trimEnd()}\n  - name: ${privateNames.name}\n    name-zh: ${privateNames.chinese}\n    public: false\n  - name-zh: ${privateNames.other}\n    public: false\n`
}

/** Another machine's font settings, on top of the system's. */
export const otherFontconfig = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="font">
    <edit name="hinting" mode="assign"><bool>true</bool></edit>
    <edit name="hintstyle" mode="assign"><const>hintfull</const></edit>
    <edit name="autohint" mode="assign"><bool>true</bool></edit>
    <edit name="antialias" mode="assign"><bool>false</bool></edit>
    <edit name="rgba" mode="assign"><const>rgb</const></edit>
  </match>
</fontconfig>
`
