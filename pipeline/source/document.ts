/**
 * The Document: the one model every output reads. It is built once per build by
 * `align` from the parsed sources and holds no Markdown: each piece of text is a
 * rendered fragment (hast) per language, with its plain text and where it came from.
 */
import type { ElementContent } from 'hast'
import type { ScriptCode, Typography } from '../fonts/scripts.js'
import type { Labels } from './source-schema.js'
import type { Publication } from './publication-schema.js'
import type { Signatory } from './signatories-schema.js'

/** A BCP 47 language tag as written in publication.yaml (`en`, `zh-Hant-HK`). */
export type Lang = string

/** Where a piece of text stands in the source, for messages that point back at it. */
export interface Place {
  /** The source file as shown to the user (relative to the working folder). */
  file: string
  line: number
  column: number
}

/** One piece of text in one language. */
export interface Fragment {
  /** The rendered content: inline content for headings and list items, blocks for clauses. */
  hast: ElementContent[]
  /** The plain text, whitespace collapsed, for metadata, bookmarks and checks. */
  text: string
  place: Place
}

/** The same piece of text in every language of the publication, keyed by language tag. */
export type Parallel = Record<Lang, Fragment>

/**
 * A note (a GFM footnote, `[^label]`), in every language: its number as printed (notes are
 * numbered 1, 2, 3 ... in the order the first language refers to them) and its text.
 */
export interface Note {
  number: number
  /** The label as the first language writes it (`[^source]`), for messages. */
  label: string
  text: Parallel
}

/** A paragraph of prose (before the first section, or at a section's start) in every language. */
export interface Prose {
  text: Parallel
  /** The notes this paragraph refers to first, printed after it. */
  notes: Note[]
}

export interface Clause {
  /** The clause's number as printed (from 1: through the text, or in each section). */
  number: number
  /** Its anchor: `clause-4`, or `section-2-clause-1` when numbering restarts in each section. */
  id: string
  text: Parallel
  /** The notes this clause refers to first, printed after it. */
  notes: Note[]
}

export interface Section {
  /** A stable id made from the section's position (`section-1`), used for anchors. */
  id: string
  heading: Parallel
  /** Paragraphs between the heading and the first clause. */
  intro: Prose[]
  clauses: Clause[]
}

export interface Criteria {
  heading: Parallel
  /** The criteria in order; each item holds every language. */
  items: Parallel[]
}

/** What a language contributes beside its text: its tag, title and the labels templates print. */
export interface LanguageInfo {
  lang: Lang
  /** The script it is written in (`Latn`, `Hant`, `Jpan`), which picks its fonts. */
  script: ScriptCode
  /** How its text is set (spaces and italics, or CJK line breaking and emphasis dots). */
  typography: Typography
  title: Fragment
  labels: Labels
}

export interface Document {
  publication: Publication
  /** The languages in publication order; the first is the document's primary language. */
  languages: LanguageInfo[]
  /** How every output file's name starts (`charter`): publication.yaml's `slug`, or made from the title. */
  slug: string
  /** Paragraphs between the title and the first section. */
  preamble: Prose[]
  sections: Section[]
  criteria: Criteria | undefined
  signatories: {
    organisations: Signatory[]
    individuals: Signatory[]
  }
}

/** Every note of the document, in the order of their numbers. */
export function allNotes(document: Document): Note[] {
  const notes = [
    ...document.preamble.flatMap((prose) => prose.notes),
    ...document.sections.flatMap((section) => [...section.intro.flatMap((prose) => prose.notes), ...section.clauses.flatMap((clause) => clause.notes)])
  ]
  return notes.sort((a, b) => a.number - b.number)
}

/** Every clause of the document in order, across sections. */
export function allClauses(document: Document): Clause[] {
  return document.sections.flatMap((section) => section.clauses)
}

/** The title in every language, as the text's other parallel parts are. */
export function parallelTitle(document: Document): Parallel {
  return Object.fromEntries(document.languages.map(({ lang, title }) => [lang, title]))
}

/** The document's title in every language, joined for places that hold one string (PDF /Title). */
export function joinedTitle(document: Document, separator = ' · '): string {
  return document.languages.map((language) => language.title.text).join(separator)
}
