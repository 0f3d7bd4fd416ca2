/**
 * Parses one language file (source/<lang>.md) with remark into its parts: front matter,
 * title, sections of numbered clauses, and the sign-up criteria. Problems in the text
 * become vfile messages at their line and column; nothing here throws for content.
 */
import type { Heading, List, ListItem, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { Fragment, Place } from './document.js'
import { frontMatterSchema, type FrontMatter } from './source-schema.js'
import { toHast } from './markdown.js'
import { fail, readYamlData } from './yaml-data.js'

export interface ParsedClause {
  number: number
  fragment: Fragment
}

export interface ParsedSection {
  heading: Fragment
  clauses: ParsedClause[]
}

/** What one language file holds, in the order it was written. */
export interface ParsedLanguage {
  file: VFile
  frontMatter: FrontMatter | undefined
  title: Fragment | undefined
  sections: ParsedSection[]
  criteria: { heading: Fragment; items: Fragment[] } | undefined
}

/** Clause numbers above this are a typing slip, not a clause (CommonMark allows 9 digits). */
const largestClauseNumber = 9999

/** Reads `tree`, the Markdown of `file`, into a ParsedLanguage, reporting problems on the file. */
export function parseLanguage(file: VFile, tree: Root): ParsedLanguage {
  const text = String(file.value)
  const parsed: ParsedLanguage = { file, frontMatter: undefined, title: undefined, sections: [], criteria: undefined }
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

  reportUnsafeContent(file, tree)

  let current: ParsedSection | undefined
  for (const node of tree.children) {
    if (node.type === 'yaml') {
      const start = node.position!.start
      parsed.frontMatter = readYamlData(file, node.value, frontMatterSchema, 'front-matter', { line: start.line + 1, column: 1 })
    } else if (node.type === 'heading' && node.depth === 1) {
      if (parsed.title) fail(file, 'Unexpected second title (`# `): a language file has one title', placeOf(node), 'single-title')
      else parsed.title = fragment(node, node.children)
    } else if (node.type === 'heading' && node.depth === 2) {
      if (parsed.criteria) {
        fail(file, 'Unexpected section after the sign-up criteria: the criteria list comes last', placeOf(node), 'criteria-last')
      }
      current = { heading: fragment(node, node.children), clauses: [] }
      parsed.sections.push(current)
    } else if (node.type === 'list' && node.ordered) {
      if (!current) {
        fail(file, 'Unexpected clause before the first section heading (`## `)', placeOf(node), 'clause-outside-section')
        continue
      }
      for (const item of node.children) current.clauses.push(clauseOf(file, text, item, fragment(item, item.children)))
    } else if (node.type === 'list' && !node.ordered) {
      criteriaFrom(node, current)
    } else if (node.type === 'paragraph' && /^\d{10,}[.)]\s/.test(text.slice(node.position!.start.offset!))) {
      const digits = /^\d+/.exec(text.slice(node.position!.start.offset!))![0]
      fail(file, `Clause number ${digits} is too large: number clauses 1, 2, 3, ...`, placeOf(node), 'clause-number')
    } else if (node.type !== 'html' && node.type !== 'definition') {
      fail(
        file,
        `Unexpected ${describe(node)}: write clauses as a numbered list (\`1. ...\`) under a \`## \` heading`,
        placeOf(node),
        'unexpected-content'
      )
    }
  }

  // The last section holding a bullet list and no clauses is the sign-up criteria.
  function criteriaFrom(list: List, section: ParsedSection | undefined) {
    if (!section || section.clauses.length > 0 || parsed.criteria) {
      fail(
        file,
        'Unexpected bullet list: the sign-up criteria are one bullet list under their own `## ` heading, after the clauses',
        placeOf(list),
        'criteria-place'
      )
      return
    }
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

/** Reads the number as written before the item (remark only keeps the list's first one). */
function clauseOf(file: VFile, text: string, item: ListItem, content: Fragment): ParsedClause {
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
