/**
 * Parses every language file of a source and aligns them into the Document.
 * Returns undefined when any file has an error; the messages are on the source's files.
 */
import type { FontText } from '../fonts/font-subset.js'
import type { Document } from './document.js'
import { nameParts } from './names.js'
import { publicSignatories } from '../markup/signatory-roll.js'
import { align } from './align.js'
import { parseLanguage, type ParsedLanguage } from './parse-language.js'
import type { Source } from './read-source.js'
import { fail } from './yaml-data.js'

export function loadDocument(source: Source): Document | undefined {
  const { publication, signatories } = source
  const languages: ParsedLanguage[] = []
  source.languageFiles.forEach((file, index) => {
    const tree = source.trees[index]
    if (!tree) return
    const parsed = parseLanguage(file, tree)
    const expected = publication!.languages[index]
    if (parsed.frontMatter && parsed.frontMatter.lang !== expected) {
      fail(file, `Expected \`lang: ${expected}\` (the file's name), found \`${parsed.frontMatter.lang}\``, { line: 2, column: 1 }, 'front-matter-lang')
    } else if (!parsed.frontMatter && !file.messages.some((message) => message.fatal)) {
      fail(file, `Missing front matter: start the file with \`---\`, \`lang: ${expected}\` and its labels, then \`---\``, { line: 1, column: 1 }, 'front-matter')
    }
    languages.push(parsed)
  })
  const failed = source.files.some((file) => file.messages.some((message) => message.fatal))
  if (failed || !publication || !signatories || languages.length !== publication.languages.length) return undefined
  return align(publication, languages, signatories)
}

/**
 * Every character the published editions may print, by the language that sets it: each
 * language file in its language, publication.yaml in none, and the names of the public
 * signatories each in its own; never the signatory files' own text (which holds the
 * private entries, and `--signatories` lists, which only the signing sheet prints). The
 * build's fonts are cut from it, so they are the same whoever else is on the list.
 */
export function publicTexts(source: Source, document: Document): FontText[] {
  const { organisations, individuals } = document.signatories
  const names = publicSignatories([...organisations, ...individuals]).flatMap((signatory) => nameParts(signatory, document.languages))
  return [
    ...source.languageFiles.map((file, index) => ({ lang: document.languages[index].lang, text: String(file.value) })),
    { lang: undefined, text: String(source.publicationFile.value) },
    ...names.map(({ lang, text }) => ({ lang, text }))
  ]
}
