/** The options of `charter build`, validated at the command line and trusted inside. */
import path from 'node:path'
import { z } from 'zod'
import type { Printer } from './browser/printer.js'

/**
 * Rows to sign in, at most: about 190 A4 pages, more than any event fills. 20,000 took
 * Chromium 33 s to print, and 100,000 ran 81 s before Chromium gave up.
 */
export const maxBlankRows = 5000
const blankRowsMessage = `takes a whole number of rows to sign in, from 0 to ${maxBlankRows}, such as 40`
const creepMessage = 'takes millimetres from 0 to 2, such as 0.2 (see "Printing the pamphlet" in the README)'

export const buildOptionsSchema = z.object({
  /** The source folder (publication.yaml, <lang>.md, signatories.yaml). Default `source`. */
  source: z.string().min(1).default('source'),
  /** The output folder. Default `dist`. */
  out: z.string().min(1).default('dist'),
  /** Paper for the printed editions; default: publication.yaml's `paper`. */
  paper: z.enum(['a4', 'letter']).optional(),
  /** Booklet: the edge the printer flips the sheet on when printing both sides. Default `long`. */
  duplex: z.enum(['long', 'short']).default('long'),
  /** Booklet: shift toward the spine, in mm, per sheet from the outside. Default 0. */
  creep: z.coerce.number({ error: creepMessage }).min(0, { error: creepMessage }).max(2, { error: creepMessage }).default(0),
  /** Booklet: print fold and trim marks. Default off. */
  marks: z.boolean().default(false),
  /** Booklet: also write fronts and backs as two files, for printers that print one side. Default off. */
  manualDuplex: z.boolean().default(false),
  /** Signing sheet: blank rows to sign in; default fills the last page. */
  blankRows: z.coerce
    .number({ error: blankRowsMessage })
    .int({ error: blankRowsMessage })
    .min(0, { error: blankRowsMessage })
    .max(maxBlankRows, { error: blankRowsMessage })
    .optional(),
  /** Signing sheet: another signatory list instead of source/signatories.yaml. */
  signatories: z.string().min(1).optional(),
  /** Signing sheet: add a contact column (a danger to the people on the sheet if it is lost). */
  contact: z.boolean().default(false),
  /** Signing sheet: include signatories marked `public: false` (organisers' copy only). */
  includePrivate: z.boolean().default(false),
  /** Print each stage's time as it finishes. Default: when the output is a terminal and CI is unset. */
  progress: z.boolean().optional()
})
  // The editions written among the text they are made from would be mistaken for it.
  .refine(({ source, out }) => path.resolve(out) !== path.resolve(source), {
    path: ['out'],
    message: 'is the source folder: write the editions somewhere else, such as dist'
  })
  // Node's recursive mkdir never returns under /proc: a build there hung for good.
  .refine(({ out }) => !/^\/(proc|sys|dev)(\/|$)/.test(path.resolve(out)), {
    path: ['out'],
    message: "is inside a system folder (/proc, /sys or /dev), where files cannot be written: choose a folder of your own, such as dist"
  })

export type BuildOptions = z.infer<typeof buildOptionsSchema> & {
  /** Stops the build (and closes the browser) when aborted. */
  signal?: AbortSignal
  /** An open browser to print with, left open after the build (the preview keeps one warm). Default: the build opens and closes its own. */
  printer?: Printer
  /** Make only the editions with these ids (the preview makes the web edition first). Default: every edition. */
  only?: string[]
  /** Told when each stage or edition is done, with its time in ms (the progress lines). Default: nothing. */
  onProgress?: (step: string, milliseconds: number) => void
}
