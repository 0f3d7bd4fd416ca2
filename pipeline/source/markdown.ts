/**
 * Markdown, read once: each language file is parsed here (remark-parse, with its front
 * matter), within the limits of markdown-limits.ts, and the tree is what the Document and
 * the text checks both read. Parts of it become hast through remark-rehype.
 */
import type { ElementContent, Root as HastRoot } from 'hast'
import type { Root, RootContent } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import { withinTextLimits, withinTreeLimits } from './markdown-limits.js'

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze()
const rehype = unified().use(remarkRehype).freeze()

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
