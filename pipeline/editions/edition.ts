/** What every edition (reading PDF, EPUB, pamphlet, signing sheet, ...) is given and gives back. */
import type { Document } from '../source/document.js'
import type { BuildFonts } from '../fonts/font-subset.js'
import type { Paper } from '../pdf/paper.js'
import type { Printer } from '../browser/printer.js'
import type { Artifact } from '../output/write-output.js'
import type { BuildOptions } from '../build-options.js'
import type { Signatories } from '../source/signatories-schema.js'

export interface EditionContext {
  document: Document
  /** The build's fonts, cut to what it prints. */
  fonts: BuildFonts
  paper: Paper
  /** The date written into every file (SOURCE_DATE_EPOCH or the publication's date). */
  date: Date
  /** The build's one browser; print through it, never launch another. */
  printer: Printer
  options: BuildOptions
  /** `--signatories FILE`: the list the signing sheet prints instead of the document's. */
  sheetSignatories?: Signatories
}

export interface Edition {
  /** The manifest id of the edition's main artifact. */
  id: string
  produce(context: EditionContext): Promise<Artifact[]>
}
