/**
 * Limits on a language file's Markdown, so that no text, however made, can keep a build
 * busy for good. The Markdown parser takes time that grows with the square of some shapes
 * (a paragraph of thousands of `*` or `[`, lists nested hundreds deep: 20 s for 400 levels),
 * and the stages after it walk the tree by recursion, which ends in a stack overflow past
 * a few thousand levels. The charter is far inside every limit: its longest paragraph is
 * 1,500 characters, it nests three deep, and its title is 20 characters.
 *
 * Problems are errors (rule `source-limit`) at the line and column where the limit is
 * passed; a file with one is not parsed at all.
 */
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import { fail } from './yaml-data.js'

const markdownLimits = {
  /** Characters in one paragraph (text between blank lines). */
  paragraph: 20_000,
  /** Markup characters (`*` `_` `[` `]` `` ` `` `<`) in one paragraph. */
  markup: 500,
  /** Columns a line may be indented: a list nested 30 deep. */
  indentation: 64,
  /** Levels of the parsed text: a list in a list in a quote in a list, and so on. */
  depth: 24,
  /** Characters in a heading or the title: they go into running heads, bookmarks and covers. */
  heading: 300
}

const ruleId = 'source-limit'

/**
 * Checks the text before it is parsed; false (with an error on `file`) when a limit is
 * passed. A paragraph here is what the parser reads as one piece of inline text: lines up
 * to a blank line (inside quotes too: `>` starts no paragraph of its own), a heading, a
 * fence, a rule or a list item that may start there (a bullet or `1.`, or any number once
 * inside a list).
 */
export function withinTextLimits(file: VFile, text: string): boolean {
  const place = location(text)
  const at = (offset: number) => place.toPoint(offset) ?? { line: 1, column: 1 }
  // Front matter is YAML, read with limits of its own.
  const frontMatter = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/.exec(text)
  const body = frontMatter?.[0].length ?? 0
  let paragraph = { start: body, length: 0, markup: 0, inList: false }
  for (const line of text.slice(body).matchAll(/[^\n]*\n?/g)) {
    if (line[0] === '') break
    const start = body + line.index
    // What follows the quote marks (`> > `) is what the parser reads as the line.
    const quotes = /^(?:[ \t]{0,3}>[ \t]?)*/.exec(line[0])![0]
    const content = line[0].slice(quotes.length)
    const columns = /^[ \t]*/.exec(content)![0].replace(/\t/g, '    ').length
    if (columns > markdownLimits.indentation) {
      fail(file, `Line indented too far (${columns} columns; at most ${markdownLimits.indentation}): lists nest a few levels at most`, at(start), ruleId)
      return false
    }
    const item = /^[ \t]*(?:([-*+])|(\d{1,9})[.)])(?=[ \t]|\r?\n|$)/.exec(content)
    const heading = /^[ \t]{0,3}#{1,6}(?=[ \t]|\r?\n|$)/.exec(content)
    const opensBlock = heading || /^[ \t]{0,3}(?:`{3}|~{3}|([-*_])(?:[ \t]*\1){2,}[ \t]*\r?$)/.test(content)
    const opensItem = item && (item[1] !== undefined || item[2] === '1' || paragraph.inList)
    if (content.trim() === '') paragraph = { start, length: 0, markup: 0, inList: paragraph.inList }
    else if (opensBlock || opensItem) paragraph = { start, length: 0, markup: 0, inList: Boolean(opensItem) || (paragraph.inList && !heading) }
    if (heading && content.trim().length > markdownLimits.heading) {
      fail(file, headingTooLong(content.trim().length), at(start), ruleId)
      return false
    }
    paragraph.length += content.length
    if (paragraph.length > markdownLimits.paragraph) {
      fail(file, `Paragraph too long (more than ${count(markdownLimits.paragraph)} characters): put a blank line between paragraphs`, at(paragraph.start), ruleId)
      return false
    }
    const inline = opensItem ? content.slice(item![0].length) : content
    for (const found of inline.matchAll(/[*_[\]`<]/g)) {
      if (++paragraph.markup <= markdownLimits.markup) continue
      fail(
        file,
        `Too much markup in one paragraph (more than ${markdownLimits.markup} of \`*\` \`_\` \`[\` \`]\` \`\` \` \`\` \`<\`): is this text pasted from elsewhere? Write it as plain paragraphs`,
        at(start + line[0].length - inline.length + found.index),
        ruleId
      )
      return false
    }
  }
  return true
}

/** Checks the parsed text; false (with an error on `file`) when it nests too deep or a heading is too long. */
export function withinTreeLimits(file: VFile, tree: Root): boolean {
  // A stack of its own, not recursion: the point is to stop what would overflow the real one.
  const stack: Array<{ node: Root | Root['children'][number]; depth: number }> = [{ node: tree, depth: 1 }]
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!
    const start = node.position?.start ?? { line: 1, column: 1 }
    if (depth > markdownLimits.depth) {
      fail(file, `Text nested too deep (more than ${markdownLimits.depth} levels of lists, quotes and emphasis): write it flatter`, start, ruleId)
      return false
    }
    if (node.type === 'heading' && node.position) {
      const length = (node.position.end.offset ?? 0) - (node.position.start.offset ?? 0)
      if (length > markdownLimits.heading) {
        fail(file, headingTooLong(length), start, ruleId)
        return false
      }
    }
    if ('children' in node) for (const child of node.children) stack.push({ node: child, depth: depth + 1 })
  }
  return true
}

const headingTooLong = (length: number) => `Heading too long (${count(length)} characters; at most ${markdownLimits.heading}): a title or section heading is one line`

const count = (value: number) => new Intl.NumberFormat('en-US').format(value)
