/**
 * Matches the languages' sections and clauses by number into one Document. Every
 * mismatch is an error message on the file that lacks or breaks something, at the
 * line and column where the reader should look.
 */
import type { Clause, Document, Parallel, Place, Section } from './document.js'
import type { ParsedLanguage, ParsedSection } from './parse-language.js'
import type { Publication } from './publication-schema.js'
import type { Signatories } from './signatories-schema.js'
import { fail } from './yaml-data.js'

/** Builds the Document, or returns undefined when any language has an alignment error. */
export function align(
  publication: Publication,
  languages: ParsedLanguage[],
  signatories: Signatories
): Document | undefined {
  for (const language of languages) checkNumbering(language)
  const [reference, ...others] = languages
  for (const other of others) compare(reference, other)
  if (languages.some((language) => language.file.messages.some((message) => message.fatal))) return undefined

  const parallel = (pick: (language: ParsedLanguage) => Parallel[string]): Parallel =>
    Object.fromEntries(languages.map((language) => [language.frontMatter!.lang, pick(language)]))

  const sections: Section[] = reference.sections.map((section, index) => ({
    id: `section-${index + 1}`,
    heading: parallel((language) => language.sections[index].heading),
    clauses: section.clauses.map(
      (clause, position): Clause => ({
        number: clause.number,
        text: parallel((language) => language.sections[index].clauses[position].fragment)
      })
    )
  }))

  return {
    publication,
    languages: languages.map((language) => ({
      lang: language.frontMatter!.lang,
      title: language.title!,
      labels: language.frontMatter!.labels
    })),
    sections,
    criteria: reference.criteria && {
      heading: parallel((language) => language.criteria!.heading),
      items: reference.criteria.items.map((_, index) => parallel((language) => language.criteria!.items[index]))
    },
    signatories
  }
}

/** Within one language: clauses numbered 1, 2, 3, ... with none skipped or repeated. */
function checkNumbering(language: ParsedLanguage) {
  const seen = new Map<number, Place>()
  const clauses = language.sections.flatMap((section) => section.clauses).filter(({ number }) => Number.isFinite(number))
  let expected = 1
  for (const [index, { number, fragment }] of clauses.entries()) {
    const first = seen.get(number)
    if (first) {
      fail(language.file, `Clause ${number} is repeated: it was first numbered at ${first.line}:${first.column}`, fragment.place, 'clause-repeated')
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
      if (problem) fail(language.file, `Clause ${number} follows clause ${expected - 1}: ${problem}`, fragment.place, 'clause-sequence')
    }
    seen.set(number, fragment.place)
    // Follow the numbering as written, so one mistyped number gives one or two messages
    // (40 after 3, then 5 after 40) rather than one for every clause after it.
    if (!first) expected = number + 1
  }
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
