/**
 * Fills an edition's HTML template (templates/<name>.html) with its CSS and body.
 * Templates hold `{{name}}` placeholders; every value is escaped here unless it is
 * already HTML (the body, which rehype-stringify made from a hast tree).
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Element, ElementContent, RootContent } from 'hast'
import { h } from 'hastscript'
import type { PrintJob } from '../browser/printer.js'
import type { BuildFonts } from '../fonts/font-subset.js'
import type { FontStacks } from '../fonts/font-stacks.js'
import { isCjkTypography } from '../fonts/scripts.js'
import { projectPath } from '../project.js'
import { typographyOfTag } from '../source/names.js'
import { cssString, escapeHtml } from './escape.js'
import { toHtml } from './html.js'
import { keepChineseEndingsTogether } from './keep-chinese-endings.js'
import { isNoteReference } from './notes.js'
import { expandScripts, familyList, languageFontRules, type CssLanguage } from './language-css.js'

/** The project's templates/ folder. */
export const templatesFolder = projectPath('templates')

/** Reads templates/<name>. */
export function readTemplate(name: string): Promise<string> {
  return readFile(path.join(templatesFolder, name), 'utf8')
}

/** Replaces each `{{key}}`; `html` values go in as they are, `text` values are escaped. */
export function fillTemplate(template: string, values: { html?: Record<string, string>; text?: Record<string, string> }): string {
  return template.replace(/{{(\w+)}}/g, (whole, key: string) => {
    if (values.html && key in values.html) return values.html[key]
    if (values.text && key in values.text) return escapeHtml(values.text[key])
    throw new Error(`Template placeholder {{${key}}} has no value: pass it to fillTemplate()`)
  })
}

/**
 * A `labels.pageOf` pattern ("Page {page} of {pages}") as the value of a CSS `content:`
 * property in a page-margin box: `"Page " counter(page) " of " counter(pages)`.
 */
function pageCounterContent(pattern: string): string {
  return pattern
    .split(/({page}|{pages})/)
    .filter(Boolean)
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
    .join(' ')
}

/** Page counters in every language, one after the other: `"Page " counter(page) ... "   ·   " "第 " ...`. */
export function pageCountersInEvery(patterns: string[]): string {
  return patterns.map(pageCounterContent).join(` ${cssString('   ·   ')} `)
}

/** What a printed page is made of: its stylesheet (a file in templates/) and what fills it. */
export interface PrintPage {
  /** The edition's stylesheet in templates/, e.g. `reading.css`. */
  stylesheet: string
  /** Values for the stylesheet's own placeholders (already CSS). */
  values: Record<string, string>
  body: RootContent[]
  lang: string
  title: string
  fonts: BuildFonts
  /** The languages the page's text is tagged with (cssLanguages()), whose rules the stylesheets' `:script()` selectors become. */
  languages: CssLanguage[]
}

/** Stands for the @font-face rules until the page's text, which decides them, is known. */
const fontRules = '/* charter: @font-face rules */'

/**
 * The HTML of a page Chromium prints or captures, and the font files it loads:
 * templates/print-page.html, which holds the fonts and the rules every printed edition
 * shares, with the edition's stylesheet.
 */
export async function printPage({ stylesheet, values, body, lang, title, fonts, languages }: PrintPage): Promise<Pick<PrintJob, 'html' | 'assets'>> {
  const [template, common, css] = await Promise.all([readTemplate('print-page.html'), readTemplate('print-common.css'), readTemplate(stylesheet)])
  // The stylesheet may name the families too: page-margin boxes do not see custom properties.
  const shared = fontPlaceholders(fonts.stacks, languages, fontRules)
  const styles = (sheet: string) => expandScripts(fillTemplate(sheet, { html: { ...shared, ...values } }), languages)
  const content = keepChineseEndingsTogether(body as ElementContent[]).map((node) => emphasisDots(languageGroups(node), lang, languages))
  const html = fillTemplate(template, {
    html: { ...shared, common: styles(common), css: styles(css), body: toHtml(content) },
    text: { lang, title }
  })
  const pageFonts = await fonts.forPage(html)
  return { html: html.replace(fontRules, () => pageFonts.css), assets: pageFonts.assets }
}

/** Blocks that Chromium's tagged PDF makes structure elements of: paragraphs, headings, lists. */
const taggedBlocks = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ol', 'ul', 'dl', 'blockquote', 'table'])

/**
 * `node`, with every wrapper that has a language of its own and holds such blocks (a
 * clause's `<div lang="zh-Hant-HK">` around its `<p>`) given role=group. Chromium's tagged
 * PDF leaves a plain wrapper out, and writes /Lang only where an element's language differs
 * from its parent's, so the Chinese clauses' paragraphs were tagged with the page's English,
 * and a screen reader or read-aloud would have read them as English. As a group the wrapper
 * is written as a Div with its /Lang, which its paragraphs inherit. So is a span with a
 * language of its own (the Chinese half of a heading, a Chinese name): Chromium wrote no
 * /Lang for it at all, and its characters were read with the heading's English voice.
 */
function languageGroups<T extends RootContent>(node: T): T {
  if (node.type !== 'element') return node
  const children = node.children.map(languageGroups)
  const holdsBlocks = children.some((child) => child.type === 'element' && taggedBlocks.has(child.tagName))
  const grouped = typeof node.properties.lang === 'string' && !taggedBlocks.has(node.tagName) && (holdsBlocks || node.tagName === 'span') && node.properties.role === undefined
  const element: Element = { ...node, properties: grouped ? { ...node.properties, role: 'group' } : node.properties, children }
  return element as T
}

/**
 * The stylesheet placeholders every template shares: `{{fonts}}` (the @font-face rules),
 * `{{languageFonts}}` (each language's font stack, a `:lang()` rule each), `{{latin}}` (the
 * Latin family, for numbers) and `{{allFonts}}` (every family, for text of no one language).
 */
export function fontPlaceholders(stacks: FontStacks, languages: CssLanguage[], faces: string): Record<'fonts' | 'latin' | 'allFonts' | 'languageFonts', string> {
  return { fonts: faces, latin: cssString(stacks.all[0]), allFonts: familyList(stacks.all), languageFonts: languageFontRules(languages, stacks) }
}

/** Characters that take an emphasis dot: letters and digits, never punctuation or spaces (clreq). */
const dotted = /[\p{L}\p{N}]/u

/**
 * In print, emphasis in CJK text (着重號, clreq 3.2) is drawn as a dot under (Chinese) or
 * over (Japanese) each character by the stylesheet's `.dot::after`, a shape and not a
 * character: CSS `text-emphasis` draws its dots as text (•), which pdftotext and pdf.js
 * gave back as a line of bullets between the lines. Each character goes in a
 * `<span class="dot">`; the text is unchanged.
 */
function emphasisDots<T extends RootContent>(node: T, inherited: string, languages: CssLanguage[], inEmphasis = false): T {
  if (node.type !== 'element') return node
  const lang = typeof node.properties.lang === 'string' ? node.properties.lang : inherited
  const emphasis = inEmphasis || node.tagName === 'em'
  const typography = languages.find((language) => language.lang === lang)?.typography ?? typographyOfTag(lang)
  const children = node.children.flatMap((child): ElementContent[] => {
    // A note's number is not the emphasised text: no dot under it.
    if (child.type === 'element') return [isNoteReference(child) ? child : emphasisDots(child, lang, languages, emphasis)]
    if (child.type !== 'text' || !emphasis || !isCjkTypography(typography)) return [child]
    return [...child.value].map((character): ElementContent => (dotted.test(character) ? h('span', { className: ['dot'] }, character) : { type: 'text', value: character }))
  })
  return { ...node, children } as T
}
