/** Paper sizes the printed editions come in, for CSS `@page` and for imposition. */

export type PaperName = 'a4' | 'letter'

export interface Paper {
  name: PaperName
  /** The CSS `size` value for a portrait page. */
  css: string
  /** Portrait width and height in PDF points (1/72 inch). */
  width: number
  height: number
}

const mm = 72 / 25.4

export const papers: Record<PaperName, Paper> = {
  a4: { name: 'a4', css: '210mm 297mm', width: 210 * mm, height: 297 * mm },
  letter: { name: 'letter', css: '8.5in 11in', width: 8.5 * 72, height: 11 * 72 }
}
