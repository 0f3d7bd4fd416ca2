/** `charter init [DIR]`: a new publication that builds at once, to be filled in. */
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { unsupportedLanguage, type ScriptCode } from '../fonts/scripts.js'
import { paperNames } from '../pdf/paper.js'
import { projectPath } from '../project.js'
import { slugFromTitles } from '../source/align.js'
import { fontScripts } from '../source/publication-schema.js'
import { languageTag } from '../source/source-schema.js'
import { OutputError, UsageError } from '../errors.js'
import { commandHelp, type Command } from './command.js'
import { flagsSchema, parseFlags, type FlagSet } from './flags.js'

const languagesMessage = 'takes language tags separated by commas, such as en,zh-Hant-HK or en,fr,ja'

const initFlags = {
  languages: {
    value: 'TAG[,TAG]',
    help: 'the languages of the text, in the order they are set (default: en,zh-Hant-HK)',
    schema: z
      .string()
      .transform((list) => list.split(',').map((tag) => tag.trim()))
      .pipe(z.array(languageTag, { error: languagesMessage }).min(1, languagesMessage))
      .default(['en', 'zh-Hant-HK'])
  },
  paper: { value: paperNames.join('|'), help: 'paper for the printed editions (default: a4)', schema: z.enum(paperNames).default('a4') }
} satisfies FlagSet

/** What charter has a starter text for, with the publisher and rights written in it. */
interface StarterWords {
  languages: Record<string, { publisher: string; rights: string }>
}

/** YAML's double-quoted form of `text` (JSON's is one). */
const quoted = (text: string) => JSON.stringify(text)

export const initCommand: Command = {
  name: 'init',
  summary: 'Start a new publication in a new folder, ready to build and fill in',
  arguments: { usage: '[DIR]', help: '  DIR  the folder to make (default: publication); it must not exist yet, or be empty' },
  flags: initFlags,
  notes: `It writes DIR/source/ (publication.yaml with a new identifier and today's date, one text
file per language with every label, an empty signatories.yaml) and DIR/README.md for
editors. Then: npx charter build --source DIR/source --out DIR/dist`,
  async run(args, { stdout }) {
    const { options, positionals } = parseFlags(args, initFlags, flagsSchema(initFlags), commandHelp(this), 1)
    const folder = positionals[0] ?? 'publication'
    const languages = options.languages
    const twice = languages.find((tag, index) => languages.indexOf(tag) !== index)
    if (twice) throw new UsageError(`--languages: \`${twice}\` is listed twice: list each language once`)
    for (const tag of languages) {
      const why = unsupportedLanguage(tag, fontScripts() as ScriptCode[])
      if (why) throw new UsageError(`--languages: ${why}`)
    }
    if (existsSync(folder) && (await readdir(folder).catch(() => ['(a file)'])).length > 0) {
      throw new UsageError(`${folder} already exists and is not empty: charter init writes only into a new folder. Give another name, such as charter init my-statement`)
    }

    const starters = projectPath('templates', 'init')
    const words = JSON.parse(await readFile(path.join(starters, 'languages.json'), 'utf8')) as StarterWords
    const files = languages.map((tag) => `${tag}.md`)
    const texts = await Promise.all(
      languages.map(async (tag) => {
        const own = words.languages[tag] !== undefined
        const text = await readFile(path.join(starters, `${own ? tag : 'en'}.md`), 'utf8')
        // A language without a starter of its own: the English one, to translate.
        return own ? text : text.replace(/^lang: en$/m, `lang: ${tag}\n# Translate the labels below and the text into this language (${tag}).`)
      })
    )
    const perLanguage = (key: 'publisher' | 'rights') => languages.map((tag) => `  ${tag}: ${quoted((words.languages[tag] ?? words.languages.en)[key])}`).join('\n')
    const date = new Date().toISOString().slice(0, 10)
    const name = path.basename(path.resolve(folder))
    const slug = slugFromTitles([name])
    const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole)
    const values = {
      languages: languages.join(', '),
      files: files.join(', '),
      slug,
      uuid: randomUUID(),
      publisher: perLanguage('publisher'),
      rights: perLanguage('rights'),
      date,
      paper: options.paper,
      folder: name
    }
    const made: Array<[string, string]> = [
      ['source/publication.yaml', fill(await readFile(path.join(starters, 'publication.yaml'), 'utf8'), values)],
      ['source/signatories.yaml', await readFile(path.join(starters, 'signatories.yaml'), 'utf8')],
      ...files.map((file, index): [string, string] => [`source/${file}`, texts[index]]),
      ['README.md', fill(await readFile(path.join(starters, 'README.md'), 'utf8'), { ...values, files: files.map((file) => `\`${file}\``).join(', ') })]
    ]
    // Written beside the folder and renamed into place: a folder is there whole, or not at all.
    const staging = path.join(path.dirname(path.resolve(folder)), `.charter-init-${process.pid}-${randomUUID().slice(0, 8)}`)
    try {
      for (const [file, content] of made) {
        await mkdir(path.dirname(path.join(staging, file)), { recursive: true })
        await writeFile(path.join(staging, file), content)
      }
      if (existsSync(folder)) await rm(folder, { recursive: true })
      await rename(staging, folder)
    } catch (error) {
      await rm(staging, { recursive: true, force: true })
      throw new OutputError(`Cannot make ${folder}: ${(error as Error).message}. Choose a folder you can write in.`)
    }
    stdout.write(
      `Made ${folder}/ with ${made.map(([file]) => file).join(', ')}.\n` +
        `Fill in the text, then build it:\n  npx charter build --source ${path.join(folder, 'source')} --out ${path.join(folder, 'dist')}\n`
    )
    return 0
  }
}
