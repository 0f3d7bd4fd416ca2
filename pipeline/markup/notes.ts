/**
 * Notes (GFM footnotes) as the editions print them: the number in the text links to the
 * note, and the note, printed after the clause or paragraph that first refers to it, links
 * back. In every language's own part, so that each column of a page carries its own notes;
 * ids hold the language (`note-fr-1`), since one page holds every language.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { Lang, Note } from '../source/document.js'
import { noteReferenceClass } from '../source/markdown.js'
import { cloneContent } from './language-parts.js'
import type { Layout } from './layout.js'

/** Superscript figures, 0 to 9: how print sets a note's number in the text. */
export const superscriptDigits = '⁰¹²³⁴⁵⁶⁷⁸⁹'

/** `12` as `¹²`. */
function superscript(number: string): string {
  return [...number].map((digit) => superscriptDigits[Number(digit)] ?? digit).join('')
}

const noteId = (lang: Lang, number: number | string) => `note-${lang}-${number}`
const referenceId = (lang: Lang, number: number | string) => `noteref-${lang}-${number}`

/**
 * `content` (one language's text) with its note references as links to their notes. The
 * first reference to each of `notes` (the notes this block prints) gets the id the note
 * links back to.
 */
export function linkReferences(content: ElementContent[], lang: Lang, notes: Note[], layout: Layout): ElementContent[] {
  const first = new Set(notes.map((note) => String(note.number)))
  const walk = (nodes: ElementContent[]): ElementContent[] =>
    nodes.map((node) => {
      if (node.type !== 'element') return node
      const number = node.properties.dataNote
      const className = node.properties.className
      if (node.tagName !== 'sup' || typeof number !== 'string' || !(Array.isArray(className) && className.includes(noteReferenceClass))) {
        return { ...node, children: walk(node.children) }
      }
      const id = first.delete(number) ? referenceId(lang, number) : undefined
      // In print, superscript figures: a raised <sup> was read as a line of its own.
      const shown = layout.printed ? superscript(number) : number
      const link = h('a', { href: `#${noteId(lang, number)}`, id, role: 'doc-noteref', ...(layout.epub ? { 'epub:type': 'noteref' } : {}) }, shown)
      return h(layout.printed ? 'span' : 'sup', { className: [noteReferenceClass] }, [link])
    })
  return walk(content)
}

/** The notes a block prints after itself, in one language; nothing when it has none. */
export function notesBlock(notes: Note[], lang: Lang, layout: Layout): ElementContent[] {
  if (notes.length === 0) return []
  const each = notes.map((note) => {
    const back = h('a', { href: `#${referenceId(lang, note.number)}`, className: ['note-number'], role: 'doc-backlink' }, String(note.number))
    const content = cloneContent(note.text[lang])
    // The number opens the note's first paragraph, as a footnote's does.
    const [first, ...rest] = content
    const opened: ElementContent[] =
      first?.type === 'element' && first.tagName === 'p'
        ? [{ ...first, children: [back, { type: 'text', value: ' ' }, ...first.children] }, ...rest]
        : [h('p', [back]), ...content]
    return layout.epub
      ? h('aside', { 'epub:type': 'footnote', role: 'doc-footnote', id: noteId(lang, note.number), className: ['note'] }, opened)
      : h('div', { id: noteId(lang, note.number), className: ['note'], role: 'doc-footnote' }, opened)
  })
  if (layout.epub) return each
  const block: Element = h('div', { className: ['notes'] }, each)
  return [block]
}

/** Whether `node` is a note's number in the text, as linkReferences() makes it. */
export function isNoteReference(node: ElementContent | undefined): boolean {
  if (node?.type !== 'element') return false
  const classes = node.properties.className
  return Array.isArray(classes) && classes.includes(noteReferenceClass)
}
