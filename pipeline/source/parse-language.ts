/**
 * Parses one language file (source/<lang>.md) with remark into its parts: front matter,
 * title, sections of numbered clauses, and the sign-up criteria. Problems in the text
 * become vfile messages at their line and column; nothing here throws for content.
 */
import type { FootnoteDefinition, Heading, List, ListItem, Paragraph, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { Fragment, Place } from './document.js'
import { frontMatterSchema, type FrontMatter } from './source-schema.js'
import { toHast } from './markdown.js'
import { fail, readYamlData } from './yaml-data.js'

/** A note reference as written: `[^label]` (its identifier is the label, case folded). */
export interface NoteReference {
  identifier: string
  label: string
  place: Place
}

/** A paragraph of prose, with the notes it refers to. */
export interface ParsedProse {
  fragment: Fragment
  references: NoteReference[]
}

export interface ParsedClause {
  number: number
  fragment: Fragment
  references: NoteReference[]
}

export interface ParsedSection {
  heading: Fragment
  intro: ParsedProse[]
  clauses: ParsedClause[]
}

/** A note's text as defined (`[^label]: ...`). */
export interface ParsedNote {
  label: string
  fragment: Fragment
}

/** What one language file holds, in the order it was written. */
export interface ParsedLanguage {
  file: VFile
  frontMatter: FrontMatter | undefined
  title: Fragment | undefined
  preamble: ParsedProse[]
  sections: ParsedSection[]
  criteria: { heading: Fragment; items: Fragment[] } | undefined
  /** The notes defined, by identifier. */
  notes: Map<string, ParsedNote>
}

/** Clause numbers above this are a typing slip, not a clause (CommonMark allows 9 digits). */
const largestClauseNumber = 9999

/** Reads `tree`, the Markdown of `file`, into a ParsedLanguage, reporting problems on the file. */
export function parseLanguage(file: VFile, tree: Root): ParsedLanguage {
  const text = String(file.value)
  const parsed: ParsedLanguage = { file, frontMatter: undefined, title: undefined, preamble: [], sections: [], criteria: undefined, notes: new Map() }
  const shownPath = file.path
  const placeOf = (node: { position?: { start: { line: number; column: number } } }): Place => ({
    file: shownPath,
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1
  })
  const fragment = (node: RootContent, content: RootContent[]): Fragment => ({
    hast: content.flatMap(toHast),
    text: toString(content).replace(/\s+/g, ' ').trim(),
    place: placeOf(node)
  })
  const references = (node: RootContent): NoteReference[] => {
    const found: NoteReference[] = []
    visit(node, 'footnoteReference', (reference) => void found.push({ identifier: reference.identifier, label: reference.label ?? reference.identifier, place: placeOf(reference) }))
    return found
  }
  /** A heading, the title or a criterion holds no note: it is printed where notes have no place. */
  const noNotes = (node: RootContent, what: string) => {
    for (const reference of references(node)) {
      fail(file, `Unexpected note \`[^${reference.label}]\` in ${what}: ${what} is printed where no note can follow it (bookmarks, covers, the signing sheet); refer to the note in the text below`, reference.place, 'note-place')
    }
  }

  reportUnsafeContent(file, tree)
  reportUnknownNotes(file, tree)

  let current: ParsedSection | undefined
  for (const node of tree.children) {
    if (node.type === 'yaml') {
      const start = node.position!.start
      parsed.frontMatter = readYamlData(file, node.value, frontMatterSchema, 'front-matter', { line: start.line + 1, column: 1 })
    } else if (node.type === 'heading' && node.depth === 1) {
      noNotes(node, 'the title')
      if (parsed.title) fail(file, 'Unexpected second title (`# `): a language file has one title', placeOf(node), 'single-title')
      else if (parsed.sections.length > 0) fail(file, 'Unexpected title (`# `) after a section: the title comes first', placeOf(node), 'single-title')
      else parsed.title = fragment(node, node.children)
    } else if (node.type === 'heading' && node.depth === 2) {
      noNotes(node, 'a section heading')
      if (parsed.criteria) {
        fail(file, 'Unexpected section after the sign-up criteria: the criteria list comes last', placeOf(node), 'criteria-last')
      }
      current = { heading: fragment(node, node.children), intro: [], clauses: [] }
      parsed.sections.push(current)
    } else if (node.type === 'list' && node.ordered) {
      if (!current) {
        fail(file, 'Unexpected clause before the first section heading (`## `)', placeOf(node), 'clause-outside-section')
        continue
      }
      for (const item of node.children) current.clauses.push({ ...clauseOf(file, text, item, fragment(item, item.children)), references: references(item) })
    } else if (node.type === 'list' && !node.ordered) {
      criteriaFrom(node, current)
    } else if (node.type === 'paragraph' && /^\d{10,}[.)]\s/.test(text.slice(node.position!.start.offset!))) {
      const digits = /^\d+/.exec(text.slice(node.position!.start.offset!))![0]
      fail(file, `Clause number ${digits} is too large: number clauses 1, 2, 3, ...`, placeOf(node), 'clause-number')
    } else if (node.type === 'paragraph') {
      proseFrom(node)
    } else if (node.type === 'footnoteDefinition') {
      noteFrom(node)
    } else if (node.type !== 'html' && node.type !== 'definition') {
      fail(
        file,
        `Unexpected ${describe(node)}: write prose as paragraphs before the first clause of a section, and clauses as a numbered list (\`1. ...\`) under a \`## \` heading`,
        placeOf(node),
        'unexpected-content'
      )
    }
  }

  /** A paragraph: the preamble's (after the title, before any section), or a section's introduction (before its clauses). */
  function proseFrom(node: Paragraph) {
    const prose = { fragment: fragment(node, [node]), references: references(node) }
    if (!parsed.title) {
      fail(file, 'Unexpected paragraph before the title: start the text with its `# ` title', placeOf(node), 'prose-place')
    } else if (!current) {
      parsed.preamble.push(prose)
    } else if (current.clauses.length === 0 && !parsed.criteria) {
      current.intro.push(prose)
    } else {
      const after = parsed.criteria ? 'the sign-up criteria' : `the clauses of section “${current.heading.text}”`
      fail(
        file,
        `Unexpected paragraph after ${after}: a paragraph goes before a section's first clause; to continue a clause, indent the paragraph under it (3 spaces)`,
        placeOf(node),
        'prose-place'
      )
    }
  }

  function noteFrom(node: FootnoteDefinition) {
    const label = node.label ?? node.identifier
    const first = parsed.notes.get(node.identifier)
    if (first) {
      fail(file, `Note \`[^${label}]\` is written twice: its first text is at ${first.fragment.place.line}:${first.fragment.place.column}; keep one`, placeOf(node), 'note-repeated')
      return
    }
    for (const reference of references(node)) {
      fail(file, `Unexpected note \`[^${reference.label}]\` inside the note \`[^${label}]\`: a note cannot have notes of its own`, reference.place, 'note-place')
    }
    parsed.notes.set(node.identifier, { label, fragment: fragment(node, node.children) })
  }

  // The last section holding a bullet list and no clauses is the sign-up criteria.
  function criteriaFrom(list: List, section: ParsedSection | undefined) {
    if (!section || section.clauses.length > 0 || section.intro.length > 0 || parsed.criteria) {
      fail(
        file,
        'Unexpected bullet list: the sign-up criteria are one bullet list directly under their own `## ` heading, after the clauses',
        placeOf(list),
        'criteria-place'
      )
      return
    }
    noNotes(list, 'a sign-up criterion')
    parsed.sections.pop()
    parsed.criteria = {
      heading: section.heading,
      items: list.children.map((item) => fragment(item, paragraphsToPhrasing(item)))
    }
  }

  if (!parsed.title && !file.messages.some((message) => message.ruleId === 'yaml-syntax')) {
    fail(file, 'Missing title: start the text with a `# ` heading', { line: 1, column: 1 }, 'missing-title')
  }
  return parsed
}

/**
 * `[^1]` with no `[^1]: ...` anywhere is not a note to the Markdown parser: it printed
 * as typed, brackets and all. Written where a note could be, it is one whose text is missing.
 */
function reportUnknownNotes(file: VFile, tree: Root) {
  const text = String(file.value)
  visit(tree, 'text', (node) => {
    const start = node.position?.start.offset
    if (start === undefined) return
    const typed = text.slice(start, node.position!.end.offset)
    for (const match of typed.matchAll(/(?<!\\)\[\^([^\]\s]+)\]/g)) {
      const before = typed.slice(0, match.index)
      const lines = before.split('\n')
      const line = node.position!.start.line + lines.length - 1
      const column = lines.length === 1 ? node.position!.start.column + before.length : lines.at(-1)!.length + 1
      fail(
        file,
        `Note \`[^${match[1]}]\` has no text: write it on a line of its own, \`[^${match[1]}]: ...\` (at the end of the file, say); to print the brackets, write \`\\[^${match[1]}]\``,
        { line, column },
        'note-missing'
      )
    }
  })
}

/** Reads the number as written before the item (remark only keeps the list's first one). */
function clauseOf(file: VFile, text: string, item: ListItem, content: Fragment): Omit<ParsedClause, 'references'> {
  const written = /^(\d+)[.)]/.exec(text.slice(item.position!.start.offset!))
  const number = written ? Number(written[1]) : Number.NaN
  if (!(number >= 1 && number <= largestClauseNumber)) {
    fail(file, `Clause number ${written?.[1] ?? '?'} is out of range: number clauses 1, 2, 3, ...`, content.place, 'clause-number')
  }
  return { number, fragment: content }
}

/** A list item's content as inline content (its paragraphs joined by line breaks). */
function paragraphsToPhrasing(item: ListItem): RootContent[] {
  return item.children.flatMap((child, index): RootContent[] =>
    child.type === 'paragraph' ? [...(index > 0 ? [{ type: 'break' } as const] : []), ...child.children] : [child]
  )
}

/**
 * Raw HTML is never passed through: it could run in the browser that prints the PDF.
 * Images are refused too: a remote one would be a network request (the build makes none),
 * and the editions have no place for pictures in the text. Links go to the web or to an
 * email address only.
 */
function reportUnsafeContent(file: VFile, tree: Root) {
  const definitions = new Map<string, string>()
  visit(tree, 'definition', (node) => void definitions.set(node.identifier, node.url))
  visit(tree, (node) => {
    if (node.type !== 'image' && node.type !== 'imageReference') return
    const url = node.type === 'image' ? node.url : definitions.get(node.identifier) ?? ''
    const place = { line: node.position!.start.line, column: node.position!.start.column }
    if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) {
      fail(file, `Unexpected remote image ${url}: the build never fetches anything from the network`, place, 'remote-resource')
    } else {
      fail(file, `Unexpected image ${url}: the editions print text only`, place, 'no-image')
    }
  })
  // A link goes into every edition as it is written: a path (/home/alice/notes.md) or a
  // file:// address names folders of the computer it was written on, and javascript: runs.
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'linkReference') return
    const url = node.type === 'link' ? node.url : definitions.get(node.identifier) ?? ''
    if (/^(https?:\/\/|mailto:)\S/i.test(url)) return
    fail(
      file,
      `Unexpected link to ${url || '(nothing)'}: link to a web address (https://...) or an email address (mailto:...); a link to a file or a script would not work for readers, and a path could name your computer's folders`,
      { line: node.position!.start.line, column: node.position!.start.column },
      'link-target'
    )
  })
  visit(tree, 'html', (node) => {
    fail(
      file,
      'Unexpected raw HTML: write the text in Markdown; HTML is not printed',
      { line: node.position!.start.line, column: node.position!.start.column },
      'no-html'
    )
  })
}

function describe(node: RootContent): string {
  if (node.type === 'heading') return `heading of level ${(node as Heading).depth}`
  return node.type.replace(/[A-Z]/g, (letter) => ' ' + letter.toLowerCase())
}
