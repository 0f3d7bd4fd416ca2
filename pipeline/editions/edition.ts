/** What every edition (reading PDF, EPUB, pamphlet, signing sheet, ...) is given and gives back. */
import type { EditionOptions } from '../build-options.js'
import type { Printer } from '../browser/printer.js'
import type { BuildFonts } from '../fonts/font-subset.js'
import type { Artifact } from '../output/write-output.js'
import type { Paper } from '../pdf/paper.js'
import type { Document } from '../source/document.js'
import type { EditionId } from './edition-ids.js'

export interface EditionContext {
  document: Document
  /** The build's fonts, cut to what it prints. */
  fonts: BuildFonts
  paper: Paper
  /** The date written into every file (SOURCE_DATE_EPOCH or the publication's date). */
  date: Date
  /** The build's one browser; print through it, never launch another. */
  printer: Printer
  /** Each edition's own options (editionOptions() in build-options.ts). */
  options: EditionOptions
  /** What an edition this one `needs` made: made once per build, written only when asked for. */
  made(id: EditionId): Promise<Artifact[]>
}

export interface Edition {
  /** The manifest id of the edition's main artifact. */
  id: EditionId
  /** Editions whose artifacts this one builds on (the booklet imposes the pamphlet's pages). */
  needs?: EditionId[]
  produce(context: EditionContext): Promise<Artifact[]>
}
