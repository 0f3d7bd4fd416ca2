/**
 * Matches the languages' paragraphs, sections, clauses and notes into one Document:
 * paragraphs by their order, clauses by number, notes by label. Every
 * mismatch is an error message on the file that lacks or breaks something, at the
 * line and column where the reader should look.
 */
import type { ElementContent } from 'hast'
import { scriptOf, typographyOf } from '../fonts/scripts.js'
import type { Clause, Document, Fragment, LanguageInfo, Note, Parallel, Place, Prose, Section } from './document.js'
import type { NoteReference, ParsedClause, ParsedLanguage, ParsedProse, ParsedSection } from './parse-language.js'
import type { Publication } from './publication-schema.js'
import type { Signatories } from './signatories-schema.js'
import { fail } from './yaml-data.js'

/** Builds the Document, or returns undefined when any language has an alignment error. */
export function align(
  publication: Publication,
  languages: ParsedLanguage[],
  signatories: Signatories
): Document | undefined {
  const perSection = publication.numbering === 'per-section'
  for (const language of languages) {
    if (perSection) for (const section of language.sections) checkNumbering(language, section.clauses, true)
    else checkNumbering(language, language.sections.flatMap((section) => section.clauses), false)
  }
  const [reference, ...others] = languages
  for (const other of others) {
    if (perSection) compareSections(reference, other)
    else compare(reference, other)
    compareProse(reference, other)
  }
  checkNotes(languages)
  if (languages.some((language) => language.file.messages.some((message) => message.fatal))) return undefined

  const notes = numberNotes(reference)
  for (const language of languages) numberReferences(language, notes)
  const parallel = (pick: (language: ParsedLanguage) => Fragment): Parallel =>
    Object.fromEntries(languages.map((language) => [language.frontMatter!.lang, pick(language)]))
  /** The notes first referred to in a block of the first language, in every language. */
  const notesOf = (block: { references: NoteReference[] }): Note[] =>
    block.references
      .filter((ref) => notes.get(ref.identifier)?.first === ref)
      .map((ref) => ({
        number: notes.get(ref.identifier)!.number,
        label: ref.label,
        text: parallel((language) => language.notes.get(ref.identifier)!.fragment)
      }))
  const prose = (pick: (language: ParsedLanguage) => ParsedProse[]) => (paragraph: ParsedProse, index: number): Prose => ({
    text: parallel((language) => pick(language)[index].fragment),
    notes: notesOf(paragraph)
  })

  const sections: Section[] = reference.sections.map((section, index) => ({
    id: `section-${index + 1}`,
    heading: parallel((language) => language.sections[index].heading),
    intro: section.intro.map(prose((language) => language.sections[index].intro)),
    clauses: section.clauses.map(
      (clause): Clause => ({
        number: clause.number,
        id: perSection ? `section-${index + 1}-clause-${clause.number}` : `clause-${clause.number}`,
        text: parallel((language) => language.sections[index].clauses.find((other) => other.number === clause.number)!.fragment),
        notes: notesOf(clause)
      })
    )
  }))

  const languageInfo = languages.map((language): LanguageInfo => {
    const lang = language.frontMatter!.lang
    const script = scriptOf(lang)!
    return { lang, script, typography: typographyOf(script)!, title: language.title!, labels: language.frontMatter!.labels }
  })
  return {
    publication,
    languages: languageInfo,
    slug: publication.slug ?? slugFromTitles(languageInfo.map((language) => language.title.text)),
    preamble: reference.preamble.map(prose((language) => language.preamble)),
    sections,
    criteria: reference.criteria && {
      heading: parallel((language) => language.criteria!.heading),
      items: reference.criteria.items.map((_, index) => parallel((language) => language.criteria!.items[index]))
    },
    signatories
  }
}

/** A file name made from the first title that has Latin letters or digits: `2021 Hong Kong Charter` gives `2021-hong-kong-charter`. */
export function slugFromTitles(titles: string[]): string {
  for (const title of titles) {
    const words = title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(/[a-z0-9]+/g) ?? []
    let slug = ''
    for (const word of words) {
      if ((slug ? slug.length + 1 : 0) + word.length > 60) break
      slug = slug ? `${slug}-${word}` : word
    }
    if (slug) return slug
  }
  return 'publication'
}

/** Within one language, through the text or in one section: clauses numbered 1, 2, 3, ... with none skipped or repeated. */
function checkNumbering(language: ParsedLanguage, written: ParsedClause[], inSection: boolean) {
  const seen = new Map<number, Place>()
  const clauses = written.filter(({ number }) => Number.isFinite(number))
  let expected = 1
  for (const [index, { number, fragment }] of clauses.entries()) {
    const first = seen.get(number)
    if (first) {
      fail(language.file, `Clause ${number} is repeated${inSection ? ' in this section' : ''}: it was first numbered at ${first.line}:${first.column}`, fragment.place, 'clause-repeated')
    } else if (number !== expected) {
      // Two clauses swapped (3, 5, 4, 6) are not a missing clause: the skipped numbers come
      // later, or came before, in the same file.
      const skipped = Array.from({ length: Math.max(0, number - expected) }, (_, offset) => expected + offset)
      const later = new Set(clauses.slice(index + 1).map((clause) => clause.number))
      const named = skipped.length === 1 ? `clause ${expected}` : `clauses ${expected}–${number - 1}`
      const problem =
        number < expected
          ? `clause ${number} is out of order`
          : skipped.every((skip) => seen.has(skip))
            ? undefined
            : skipped.every((skip) => later.has(skip))
              ? `${named} ${skipped.length === 1 ? 'comes' : 'come'} after it; put the clauses in order`
              : `${named} ${skipped.length === 1 ? 'is' : 'are'} missing`
      if (expected === 1 && inSection && number > 1 && index === 0) {
        // Numbered through the text while publication.yaml asks for each section to start again.
        fail(language.file, `Clause ${number} opens its section, and publication.yaml says \`numbering: per-section\`: number each section's clauses from 1, or write \`numbering: continuous\``, fragment.place, 'clause-sequence')
      } else if (problem) {
        const after = expected === 1 && inSection ? 'opens its section (numbering starts again at 1 in each section: publication.yaml says `numbering: per-section`)' : `follows clause ${expected - 1}`
        fail(language.file, `Clause ${number} ${after}: ${problem}`, fragment.place, 'clause-sequence')
      }
    }
    seen.set(number, fragment.place)
    // Follow the numbering as written, so one mistyped number gives one or two messages
    // (40 after 3, then 5 after 40) rather than one for every clause after it.
    if (!first) expected = number + 1
  }
}

/** Numbering that restarts in each section: the same sections, and in each the same clauses. */
function compareSections(reference: ParsedLanguage, other: ParsedLanguage) {
  const referenceName = baseName(reference.file.path)
  if (reference.sections.length !== other.sections.length) {
    const counts = `${referenceName} has ${reference.sections.length} sections, this file ${other.sections.length}`
    fail(other.file, `Sections differ: ${counts}`, other.sections[Math.min(reference.sections.length, other.sections.length)]?.heading.place ?? other.sections.at(-1)?.heading.place ?? other.title?.place, 'section-count')
    return
  }
  reference.sections.forEach((section, index) => {
    const mine = other.sections[index]
    const theirs = new Set(section.clauses.map((clause) => clause.number))
    const ours = new Set(mine.clauses.map((clause) => clause.number))
    for (const clause of section.clauses) {
      if (ours.has(clause.number)) continue
      const near = mine.clauses.find((candidate) => candidate.number > clause.number)?.fragment.place ?? mine.clauses.at(-1)?.fragment.place ?? mine.heading.place
      fail(other.file, `Clause ${clause.number} of section ${index + 1} is missing: ${referenceName} has it in section “${section.heading.text}”`, near, 'clause-missing')
    }
    for (const clause of mine.clauses) {
      if (theirs.has(clause.number)) continue
      fail(other.file, `Clause ${clause.number} of section ${index + 1} is not in ${referenceName}: every language has the same clauses`, clause.fragment.place, 'clause-extra')
    }
  })
}

/** The same paragraphs before the first section and at the start of each section, matched by their order. */
function compareProse(reference: ParsedLanguage, other: ParsedLanguage) {
  const referenceName = baseName(reference.file.path)
  const check = (theirs: ParsedProse[], ours: ParsedProse[], where: string, next: Place | undefined) => {
    if (theirs.length === ours.length) return
    const counts = `${referenceName} has ${count(theirs.length)} ${where}, this file ${ours.length}`
    if (ours.length > theirs.length) {
      fail(other.file, `Unexpected paragraph: ${counts}; each paragraph is matched to ${referenceName}'s by its order, and this one has no counterpart there`, ours[theirs.length].fragment.place, 'prose-count')
    } else {
      const missing = theirs[ours.length].fragment.place
      fail(other.file, `Missing paragraph: ${counts}; its paragraph ${ours.length + 1} (at ${missing.line}:${missing.column}) has no counterpart here`, ours.at(-1)?.fragment.place ?? next, 'prose-count')
    }
  }
  check(reference.preamble, other.preamble, 'before the first section', other.sections[0]?.heading.place ?? other.title?.place)
  if (reference.sections.length !== other.sections.length) return
  reference.sections.forEach((section, index) => {
    const mine = other.sections[index]
    check(section.intro, mine.intro, `at the start of section ${index + 1} (“${section.heading.text}”)`, mine.clauses[0]?.fragment.place ?? mine.heading.place)
  })
}

function count(paragraphs: number): string {
  return paragraphs === 1 ? '1 paragraph' : `${paragraphs} paragraphs`
}

/** Where a block of text stands, to match a note's first reference across languages: `preamble 1`, `clause 4`, `section 2, clause 1`. */
interface Block {
  key: string
  /** How a message names it. */
  name: string
  place: Place
  references: NoteReference[]
}

function blocksOf(language: ParsedLanguage): Block[] {
  const blocks: Block[] = language.preamble.map((prose, index) => ({ key: `p${index}`, name: `paragraph ${index + 1} before the first section`, place: prose.fragment.place, references: prose.references }))
  language.sections.forEach((section, sectionIndex) => {
    section.intro.forEach((prose, index) => blocks.push({ key: `s${sectionIndex}i${index}`, name: `paragraph ${index + 1} of section ${sectionIndex + 1}`, place: prose.fragment.place, references: prose.references }))
    for (const clause of section.clauses) blocks.push({ key: `s${sectionIndex}c${clause.number}`, name: `clause ${clause.number}`, place: clause.fragment.place, references: clause.references })
  })
  return blocks
}

/** Each note's first reference, by identifier, with the block it stands in. */
function firstReferences(language: ParsedLanguage): Map<string, { block: Block; reference: NoteReference }> {
  const first = new Map<string, { block: Block; reference: NoteReference }>()
  for (const block of blocksOf(language)) for (const reference of block.references) if (!first.has(reference.identifier)) first.set(reference.identifier, { block, reference })
  return first
}

/**
 * Notes, matched across languages by label: every language defines and refers to the same
 * notes, each first referred to in the same clause or paragraph; a note nothing refers to
 * would never print.
 */
function checkNotes(languages: ParsedLanguage[]) {
  const firsts = languages.map(firstReferences)
  languages.forEach((language, index) => {
    for (const [identifier, note] of language.notes) {
      if (firsts[index].has(identifier)) continue
      fail(language.file, `Note \`[^${note.label}]\` is never referred to: write \`[^${note.label}]\` where it belongs in the text, or remove the note`, note.fragment.place, 'note-unused')
    }
  })
  const [reference, ...others] = languages
  const referenceName = baseName(reference.file.path)
  others.forEach((other, index) => {
    const theirs = firsts[0]
    const ours = firsts[index + 1]
    const blocks = new Map(blocksOf(other).map((block) => [block.key, block]))
    for (const [identifier, { block, reference: ref }] of theirs) {
      const mine = ours.get(identifier)
      if (!mine) {
        // A reference with no text is reported where it stands (note-missing, parse-language.ts).
        const at = blocks.get(block.key)?.place ?? other.title?.place
        const referred = `${referenceName} refers to it in ${block.name} (at ${ref.place.line}:${ref.place.column})`
        fail(other.file, `Note \`[^${ref.label}]\` is missing: ${referred}; refer to it here too, and write its text as \`[^${ref.label}]: ...\``, at, 'note-missing')
      } else if (mine.block.key !== block.key) {
        fail(other.file, `Note \`[^${ref.label}]\` is first referred to in ${mine.block.name} here, but in ${block.name} in ${referenceName}: each note goes with the same text in every language`, mine.reference.place, 'note-place')
      }
    }
    for (const [identifier, { reference: ref }] of ours) {
      if (theirs.has(identifier)) continue
      fail(other.file, `Note \`[^${ref.label}]\` is not in ${referenceName}: every language has the same notes (matched by their labels)`, ref.place, 'note-extra')
    }
  })
}

/** The notes' numbers: 1, 2, 3 ... in the order the first language first refers to them. */
function numberNotes(language: ParsedLanguage): Map<string, { number: number; first: NoteReference }> {
  const numbers = new Map<string, { number: number; first: NoteReference }>()
  for (const [identifier, { reference }] of firstReferences(language)) numbers.set(identifier, { number: numbers.size + 1, first: reference })
  return numbers
}

/** Writes each note's number into the language's references (markdown.ts's placeholders). */
function numberReferences(language: ParsedLanguage, numbers: Map<string, { number: number }>) {
  const fragments = [
    ...language.preamble.map((prose) => prose.fragment),
    ...language.sections.flatMap((section) => [...section.intro.map((prose) => prose.fragment), ...section.clauses.map((clause) => clause.fragment)])
  ]
  const visit = (nodes: ElementContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue
      const note = node.properties.dataNote
      if (typeof note === 'string' && node.tagName === 'sup') {
        const number = numbers.get(note)?.number
        if (number !== undefined) {
          node.properties.dataNote = String(number)
          node.children = [{ type: 'text', value: String(number) }]
        }
      } else visit(node.children)
    }
  }
  for (const fragment of fragments) visit(fragment.hast)
}

/** Another language against the reference: same sections, same clauses in each, same criteria. */
function compare(reference: ParsedLanguage, other: ParsedLanguage) {
  const referenceName = baseName(reference.file.path)
  const otherFile = other.file
  if (reference.sections.length !== other.sections.length) {
    reportSectionCount(reference, other)
    return
  }
  const sectionOf = (language: ParsedLanguage) => {
    const map = new Map<number, { section: ParsedSection; index: number }>()
    language.sections.forEach((section, index) => section.clauses.forEach((clause) => map.set(clause.number, { section, index })))
    return map
  }
  const inReference = sectionOf(reference)
  const inOther = sectionOf(other)

  for (const [number, { section, index }] of inReference) {
    const found = inOther.get(number)
    if (!found) {
      const near = nearestPlace(other, number)
      fail(otherFile, `Clause ${number} is missing: ${referenceName} has it in section “${section.heading.text}”`, near, 'clause-missing')
    } else if (found.index !== index) {
      const at = found.section.clauses.find((clause) => clause.number === number)!.fragment.place
      fail(
        otherFile,
        `Clause ${number} is in section ${found.index + 1} here but in section ${index + 1} (“${section.heading.text}”) in ${referenceName}`,
        at,
        'section-mismatch'
      )
    }
  }
  for (const [number, { section }] of inOther) {
    if (!inReference.has(number)) {
      const at = section.clauses.find((clause) => clause.number === number)!.fragment.place
      fail(otherFile, `Clause ${number} is not in ${referenceName}: every language has the same clauses`, at, 'clause-extra')
    }
  }

  const referenceCriteria = reference.criteria?.items.length ?? 0
  const otherCriteria = other.criteria?.items.length ?? 0
  if (referenceCriteria !== otherCriteria) {
    fail(
      otherFile,
      `Expected ${referenceCriteria} sign-up criteria as in ${referenceName}, found ${otherCriteria}`,
      other.criteria?.heading.place ?? other.sections.at(-1)?.heading.place,
      'criteria-mismatch'
    )
  }
}

/** Different numbers of sections: point at the first clause that sits in a different section. */
function reportSectionCount(reference: ParsedLanguage, other: ParsedLanguage) {
  const referenceName = baseName(reference.file.path)
  const counts = `${referenceName} has ${reference.sections.length} sections, this file ${other.sections.length}`
  // Each section by the clause it opens with: a heading one file has and the other lacks
  // opens a section at a clause where the other file's section runs on.
  const opening = (language: ParsedLanguage) => new Map(language.sections.filter((section) => section.clauses.length > 0).map((section) => [section.clauses[0].number, section]))
  const inReference = opening(reference)
  const inOther = opening(other)
  const clauses = other.sections.flatMap((section) => section.clauses)
  for (const [number, section] of inReference) {
    if (inOther.has(number)) continue
    const clause = clauses.find((candidate) => candidate.number === number)
    if (!clause) continue
    const hint = `expected a section heading (\`## \`) before clause ${number}, as in ${referenceName} (“${section.heading.text}”)`
    fail(other.file, `Sections differ: ${hint}; ${counts}`, clause.fragment.place, 'section-count')
    return
  }
  for (const [number, section] of inOther) {
    if (inReference.has(number) || !reference.sections.some((candidate) => candidate.clauses.some((clause) => clause.number === number))) continue
    const hint = `this file has a section heading (\`## \`) before clause ${number} that ${referenceName} does not have`
    fail(other.file, `Sections differ: ${hint}; ${counts}`, section.heading.place, 'section-count')
    return
  }
  fail(other.file, `Sections differ: ${counts}`, other.sections.at(-1)?.heading.place ?? other.title?.place, 'section-count')
}

/** Where a missing clause would stand: at the next clause, else the previous, else the last heading. */
function nearestPlace(language: ParsedLanguage, number: number): Place | undefined {
  const clauses = language.sections.flatMap((section) => section.clauses)
  const next = clauses.find((clause) => clause.number > number)
  const previous = clauses.filter((clause) => clause.number < number).at(-1)
  return (next ?? previous)?.fragment.place ?? language.sections.at(-1)?.heading.place ?? language.title?.place
}

function baseName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path
}
