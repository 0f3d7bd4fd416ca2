/**
 * Markdown, read once: each language file is parsed here (remark-parse, with its front
 * matter, GFM footnotes, and emphasis that opens and closes beside CJK punctuation), within
 * the limits of markdown-limits.ts, and the tree is what the Document and the text checks
 * both read. Parts of it become hast through remark-rehype.
 */
import type { ElementContent, Root as HastRoot } from 'hast'
import { h } from 'hastscript'
import type { FootnoteReference, Root, RootContent } from 'mdast'
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote'
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly'
import { gfmFootnote } from 'micromark-extension-gfm-footnote'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified, type Processor } from 'unified'
import type { VFile } from 'vfile'
import { withinTextLimits, withinTreeLimits } from './markdown-limits.js'

/**
 * GFM footnotes (`[^1]` and `[^1]: ...`), and the CJK-friendly emphasis rules: CommonMark
 * does not close `**「強調」**後`, since the delimiter rules read CJK punctuation as
 * punctuation, and the asterisks printed.
 */
function markdownExtensions(this: Processor) {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmFootnote(), cjkFriendlyExtension())
  ;(data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown())
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(markdownExtensions).freeze()

/** A note reference as the Document holds it until the editions number and link it (notes.ts). */
export const noteReferenceClass = 'note-ref'

const rehype = unified()
  .use(remarkRehype, {
    handlers: {
      // A placeholder naming the note: its number is the Document's to give (align.ts), and
      // its link each edition's (remark-rehype's own numbers each run from 1).
      footnoteReference: (_state: unknown, node: FootnoteReference) => h('sup', { className: [noteReferenceClass], dataNote: node.identifier }, node.label ?? node.identifier)
    }
  })
  .freeze()

/** The Markdown tree of `file` (its text already decoded), or undefined when it is past a limit: the error is on the file. */
export function parseMarkdown(file: VFile): Root | undefined {
  if (!withinTextLimits(file, String(file.value))) return undefined
  const tree = parser.parse(file) as Root
  return withinTreeLimits(file, tree) ? tree : undefined
}

/** A node of a Markdown tree as hast: its element, or the elements of a root. */
export function toHast(node: RootContent): ElementContent[] {
  // remark-rehype turns any node it is given, not only a whole document's root.
  const converted = rehype.runSync(node as unknown as Root) as unknown as HastRoot | ElementContent
  return converted.type === 'root' ? (converted.children as ElementContent[]) : [converted]
}
