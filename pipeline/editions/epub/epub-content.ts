/**
 * The chapters and navigation of an EPUB, made from the Document in the edition's
 * languages: a cover, an opening (the title page), one chapter per section with each
 * clause in every language in turn (English, then Chinese, as publication.yaml orders
 * them), the sign-up criteria, and the public signatories. A phone screen is too narrow
 * for columns side by side, so each clause's languages follow one another, each block
 * tagged with its language.
 */
import type { Element, ElementContent, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import { joinedTitle, parallelTitle, type Document, type Parallel } from '../../source/document.js'
import { languageParts, publisherAndDate, signatoryRoll } from '../../markup/parallel-html.js'
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

/** Builds the chapters and navigation of an EPUB in `document`'s languages. */
export function epubContent(document: Document): EpubContent {
  const title = joinedTitle(document)
  const titles = parallelTitle(document)
  const parts: Array<{ id: string; body: Element; label: ElementContent[] }> = [
    {
      id: 'opening',
      label: parallelSpans(document, titles),
      body: h('section', { 'epub:type': 'frontmatter titlepage', className: ['opening'] }, [
        h('h1', { className: ['title'] }, parallelSpans(document, titles)),
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
      label: parallelSpans(document, section.heading),
      body: h('section', { 'epub:type': 'bodymatter chapter', className: ['section'], id: section.id }, [
        h('h2', parallelSpans(document, section.heading)),
        ...section.clauses.map((clause) =>
          h('div', { className: ['clause'], id: `clause-${clause.number}` }, [
            h('p', { className: ['number'] }, String(clause.number)),
            ...languageParts(document, clause.text, 'div', 'text')
          ])
        )
      ])
    })),
    ...(document.criteria
      ? [
          {
            id: 'criteria',
            label: parallelSpans(document, document.criteria.heading),
            body: h('section', { 'epub:type': 'bodymatter chapter', className: ['criteria'], id: 'criteria' }, [
              h('h2', parallelSpans(document, document.criteria.heading)),
              h('ol', document.criteria.items.map((item) => h('li', languageParts(document, item, 'p'))))
            ])
          }
        ]
      : []),
    {
      id: 'signatories',
      label: parallelSpans(document, labelled(document, (labels) => labels.signatories)),
      body: withType(signatoryRoll(document), 'backmatter')
    }
  ]
  const chapters: EpubChapter[] = [
    { id: 'cover', title, html: '', coverImage: { src: coverImageFile, alt: title } },
    ...parts.map(({ id, body }) => ({ id, title, html: xhtml([body]) }))
  ]
  const link = (href: string, label: ElementContent[], type?: string) =>
    h('li', [h('a', { href, ...(type ? { 'epub:type': type } : {}) }, label)])
  const toc = h('ol', parts.map(({ id, label }) => link(`${id}.xhtml`, label)))
  const firstSection = parts.find(({ id }) => id !== 'opening')!
  const landmarks = h('ol', [
    link('cover.xhtml', [{ type: 'text', value: title }], 'cover'),
    link('opening.xhtml', parallelSpans(document, titles), 'titlepage'),
    link(`${firstSection.id}.xhtml`, firstSection.label, 'bodymatter'),
    link('signatories.xhtml', parts.at(-1)!.label, 'backmatter')
  ])
  const tocHeading = parallelSpans(document, titles)
  const shown = [...parts.map(({ body }) => body), toc, h('p', tocHeading)]
  return {
    chapters,
    toc: xhtml([toc]),
    landmarks: xhtml([landmarks]),
    tocHeading: xhtml(tocHeading),
    text: title + textOf(shown)
  }
}

/** Serialises hast so that it is also well-formed XML (void elements closed). */
function xhtml(content: ElementContent[]): string {
  const root: Root = { type: 'root', children: content }
  return toHtml(root, { closeSelfClosing: true, characterReferences: { useNamedReferences: false } })
}

/** One span per language with a space between, for places that hold one line (nav entries). */
function parallelSpans(document: Document, parallel: Parallel): ElementContent[] {
  return languageParts(document, parallel, 'span').flatMap((part, index): ElementContent[] =>
    index > 0 ? [{ type: 'text', value: ' ' }, part] : [part]
  )
}

/** A label of every language as a Parallel, so it renders like the text's own headings. */
function labelled(document: Document, pick: (labels: Document['languages'][number]['labels']) => string): Parallel {
  return Object.fromEntries(
    document.languages.map(({ lang, labels, title }) => [lang, { hast: [{ type: 'text', value: pick(labels) }], text: pick(labels), place: title.place }])
  )
}

function withType(element: Element, type: string): Element {
  element.properties = { ...element.properties, 'epub:type': type }
  return element
}

function textOf(nodes: ElementContent[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? textOf(node.children) : '')).join('')
}
