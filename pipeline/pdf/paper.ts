/** Paper sizes the printed editions come in, for CSS `@page` and for imposition. */

/** The papers, as `--paper` and publication.yaml's `paper` name them. */
export const paperNames = ['a4', 'letter'] as const

export type PaperName = (typeof paperNames)[number]

/** PDF points (1/72 inch) in a millimetre: every length drawn in a PDF is in points. */
export const mm = 72 / 25.4

export interface Paper {
  name: PaperName
  /** The CSS `size` value for a portrait page. */
  css: string
  /** Portrait width and height in PDF points (1/72 inch). */
  width: number
  height: number
}

export const papers: Record<PaperName, Paper> = {
  a4: { name: 'a4', css: '210mm 297mm', width: 210 * mm, height: 297 * mm },
  letter: { name: 'letter', css: '8.5in 11in', width: 8.5 * 72, height: 11 * 72 }
}
