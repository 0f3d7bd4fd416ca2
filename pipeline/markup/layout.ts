/**
 * How an edition sets the parts of the Document that every edition has (title, section
 * headings, clauses, criteria): the few choices in which the editions' markup differs.
 * Each edition names its own (`reading.ts`'s, `web.ts`'s, ...); the markup functions
 * read them, and the edition's stylesheet does the rest.
 */
export interface Layout {
  /**
   * The languages of a heading: `line`, one after the other in one line with a space
   * between (it copies as "The World 世界"); `parts`, each an element of its own with
   * nothing between, which the stylesheet sets apart.
   */
  headings: 'line' | 'parts'
  /**
   * Give a heading its text in every language as `aria-label`: Chromium writes that as
   * the PDF bookmark (it drops the space at a line wrap otherwise).
   */
  labelHeadings?: boolean
  /** Classes on each language's part (the web page's switch shows or hides `.part`). */
  partClass?: string[]
  /** Clauses and section headings as rows of a grid, with class `pair`. */
  pairs?: boolean
  /** The clause number: a `div`, a `p`, or a grid `cell` (a span, and an empty one beside headings). */
  number: 'div' | 'p' | 'cell'
  /** Attributes every chapter-like section carries first (the EPUB's `epub:type`). */
  sectionProperties?: Record<string, string>
  /** EPUB 3 markup: notes as `<aside epub:type="footnote">`, references as `epub:type="noteref"`. */
  epub?: boolean
  /** A printed page (PDF): note numbers in the text as superscript figures, on the line. */
  printed?: boolean
}
