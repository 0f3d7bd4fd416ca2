/**
 * The chapters and navigation of an EPUB, made from the Document in the edition's
 * languages: a cover, an opening (the title page), one chapter per section with each
 * clause in every language in turn (English, then Chinese, as publication.yaml orders
 * them), the sign-up criteria, and the public signatories. A phone screen is too narrow
 * for columns side by side, so each clause's languages follow one another, each block
 * tagged with its language.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import { preambleBlock, sectionBlock } from '../../markup/clauses.js'
import { publisherAndDate } from '../../markup/colophon.js'
import { criteriaByCriterion, criteriaSection } from '../../markup/criteria.js'
import { titleHeading } from '../../markup/headings.js'
import { toXhtml } from '../../markup/html.js'
import { labelParallel, languageLine } from '../../markup/language-parts.js'
import type { Layout } from '../../markup/layout.js'
import { signatoryRoll } from '../../markup/signatory-roll.js'
import { joinedTitle, parallelTitle, type Document } from '../../source/document.js'
import { localize } from '../../source/publication-schema.js'

/** One XHTML file of the book. */
export interface EpubChapter {
  /** Manifest id and file name (`section-1` is `section-1.xhtml`). */
  id: string
  /** The document's <title>. */
  title: string
  /** The body, serialised as XHTML-compatible HTML. */
  html: string
  /** The cover image the chapter shows, when it is the cover page. */
  coverImage?: { src: string; alt: string }
}

export interface EpubContent {
  chapters: EpubChapter[]
  /** The toc's <ol>, as XHTML. */
  toc: string
  /** The landmarks' <ol>, as XHTML. */
  landmarks: string
  /** The toc's heading content, as XHTML. */
  tocHeading: string
  /** Every character the book shows, for subsetting the fonts. */
  text: string
}

/** The file the cover image is stored as, inside the content folder. */
export const coverImageFile = 'cover.png'

/** Each language under the other (a phone is too narrow for columns); headings as one line. */
const layout: Layout = { headings: 'line', number: 'p', sectionProperties: { 'epub:type': 'bodymatter chapter', role: 'doc-chapter' }, epub: true }

/** Builds the chapters and navigation of an EPUB in `document`'s languages. */
export function epubContent(document: Document): EpubContent {
  const title = joinedTitle(document)
  const titles = parallelTitle(document)
  const parts: Array<{ id: string; body: Element; label: ElementContent[] }> = [
    {
      id: 'opening',
      label: languageLine(document, titles),
      body: h('section', { 'epub:type': 'frontmatter titlepage', className: ['opening'] }, [
        titleHeading(document, layout, { className: ['title'] }),
        ...preambleBlock(document, layout),
        ...document.languages.map(({ lang }) =>
          h('p', { lang, className: ['colophon'] }, [
            ...publisherAndDate(document, lang),
            h('br'),
            localize(document.publication.rights, lang)
          ])
        )
      ])
    },
    ...document.sections.map((section) => ({
      id: section.id,
      label: languageLine(document, section.heading),
      body: sectionBlock(document, section, layout)
    })),
    ...(document.criteria
      ? [{ id: 'criteria', label: languageLine(document, document.criteria.heading), body: criteriaSection(document, layout, criteriaByCriterion(document, 'p')) }]
      : []),
    {
      id: 'signatories',
      label: languageLine(document, labelParallel(document, (labels) => labels.signatories)),
      body: withType(signatoryRoll(document, { reflow: true }), 'backmatter')
    }
  ]
  const chapters: EpubChapter[] = [
    // The cover's words in every language, each tagged with its own (alt holds them as one string, for readers that know no ARIA).
    { id: 'cover', title, html: toXhtml([h('p', { id: 'cover-title', className: ['cover-title'] }, languageLine(document, titles))]), coverImage: { src: coverImageFile, alt: title } },
    ...parts.map(({ id, body }) => ({ id, title, html: toXhtml([body]) }))
  ]
  const link = (href: string, label: ElementContent[], type?: string) =>
    h('li', [h('a', { href, ...(type ? { 'epub:type': type } : {}) }, unlinked(label))])
  const toc = h('ol', parts.map(({ id, label }) => link(`${id}.xhtml`, label)))
  const firstSection = parts.find(({ id }) => id !== 'opening')!
  const landmarks = h('ol', [
    link('cover.xhtml', languageLine(document, titles), 'cover'),
    link('opening.xhtml', languageLine(document, titles), 'titlepage'),
    link(`${firstSection.id}.xhtml`, firstSection.label, 'bodymatter'),
    link('signatories.xhtml', parts.at(-1)!.label, 'backmatter')
  ])
  const tocHeading = languageLine(document, titles)
  const shown = [...parts.map(({ body }) => body), toc, h('p', tocHeading)]
  return {
    chapters,
    toc: toXhtml([toc]),
    landmarks: toXhtml([landmarks]),
    tocHeading: toXhtml(tocHeading),
    text: title + textOf(shown)
  }
}

/**
 * A navigation entry's label without the links its heading may hold (an address written
 * in a title): the entry is a link itself, and a link inside a link is not allowed.
 */
function unlinked(content: ElementContent[]): ElementContent[] {
  return content.flatMap((node): ElementContent[] => {
    if (node.type !== 'element') return [node]
    const children = unlinked(node.children)
    return node.tagName === 'a' ? children : [{ ...node, children }]
  })
}

function withType(element: Element, type: string): Element {
  element.properties = { ...element.properties, 'epub:type': type }
  return element
}

function textOf(nodes: ElementContent[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? textOf(node.children) : '')).join('')
}
