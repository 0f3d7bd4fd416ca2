/**
 * The options of `charter build`, each flag declared once (its help and its schema), and
 * the options each edition takes from them: an edition gets typed options of its own,
 * never the command line's whole set.
 */
import path from 'node:path'
import { z } from 'zod'
import type { Printer } from './browser/printer.js'
import { flagsSchema, type FlagSet } from './commands/flags.js'
import { editionIds, type EditionId } from './editions/edition-ids.js'
import { paperNames } from './pdf/paper.js'
import type { Signatories } from './source/signatories-schema.js'

/**
 * Rows to sign in, at most: about 190 A4 pages, more than any event fills. 20,000 took
 * Chromium 33 s to print, and 100,000 ran 81 s before Chromium gave up.
 */
const maxBlankRows = 5000
const blankRowsMessage = `takes a whole number of rows to sign in, from 0 to ${maxBlankRows}, such as 40`
const creepMessage = 'takes millimetres from 0 to 2, such as 0.2 (see "Printing the pamphlet" in the README)'
const onlyMessage = `takes editions separated by commas, from ${editionIds.join(', ')}, such as --only reading,epub`

/** The browser to print with, for every command that prints. */
export const browserFlag = {
  value: 'PATH',
  help: 'the browser to print with: Chrome, Chromium, Edge or Brave (default: CHARTER_BROWSER, else the first found)',
  schema: z.string().min(1).optional()
}

export const buildFlags = {
  source: { value: 'DIR', help: 'source folder (default: source)', schema: z.string().min(1).default('source') },
  out: { value: 'DIR', help: 'output folder (default: dist)', schema: z.string().min(1).default('dist') },
  only: {
    value: 'EDITION[,EDITION]',
    help: `make only these editions: ${editionIds.join(', ')} (default: all)`,
    schema: z
      .string()
      .transform((list) => list.split(',').map((name) => name.trim()))
      .pipe(z.array(z.enum(editionIds, { error: onlyMessage })).min(1, onlyMessage))
      .optional()
  },
  paper: { value: paperNames.join('|'), help: 'paper for the printed editions (default: from publication.yaml)', schema: z.enum(paperNames).optional() },
  duplex: { value: 'long|short', help: 'booklet: the edge your printer flips on (default: long)', schema: z.enum(['long', 'short']).default('long') },
  creep: {
    value: 'MM',
    help: 'booklet: shift pages toward the fold, per sheet (default: 0)',
    schema: z.coerce.number({ error: creepMessage }).min(0, { error: creepMessage }).max(2, { error: creepMessage }).default(0)
  },
  marks: { help: 'booklet: print fold and trim marks', schema: z.boolean().default(false) },
  manualDuplex: { help: 'booklet: also write fronts and backs as two files', schema: z.boolean().default(false) },
  blankRows: {
    value: 'N',
    help: 'signing sheet: rows to sign in (default: fill the last page)',
    schema: z.coerce
      .number({ error: blankRowsMessage })
      .int({ error: blankRowsMessage })
      .min(0, { error: blankRowsMessage })
      .max(maxBlankRows, { error: blankRowsMessage })
      .optional()
  },
  signatories: { value: 'FILE', help: 'signing sheet: another signatory list', schema: z.string().min(1).optional() },
  contact: { help: 'signing sheet: add a contact column (see README before you do)', schema: z.boolean().default(false) },
  includePrivate: { help: 'signing sheet: include signatories marked public: false', schema: z.boolean().default(false) },
  progress: { help: "print each stage's time (default: when run in a terminal)", schema: z.boolean().optional() },
  browser: browserFlag,
  json: { help: 'print the manifest (every file written) as JSON on stdout, instead of the summary', schema: z.boolean().default(false) }
} satisfies FlagSet

export const buildOptionsSchema = flagsSchema(buildFlags)
  // The editions written among the text they are made from would be mistaken for it.
  .refine(({ source, out }) => path.resolve(out) !== path.resolve(source), {
    path: ['out'],
    message: 'is the source folder: write the editions somewhere else, such as dist'
  })
  // Node's recursive mkdir never returns under /proc: a build there hung for good.
  .refine(({ out }) => !/^\/(proc|sys|dev)(\/|$)/.test(path.resolve(out)), {
    path: ['out'],
    message: 'is inside a system folder (/proc, /sys or /dev), where files cannot be written: choose a folder of your own, such as dist'
  })

export type BuildOptions = z.infer<typeof buildOptionsSchema> & {
  /** Stops the build (and closes the browser) when aborted. */
  signal?: AbortSignal
  /** An open browser to print with, left open after the build (the preview keeps one warm). Default: the build opens and closes its own. */
  printer?: Printer
  /** Told when each stage or edition is done, with its time in ms (the progress lines). Default: nothing. */
  onProgress?: (step: string, milliseconds: number) => void
}

/** The booklet's options: how the sheets are laid out and printed. */
export interface BookletOptions {
  duplex: 'long' | 'short'
  /** mm per sheet from the outside. */
  creep: number
  marks: boolean
  manualDuplex: boolean
}

/** The signing sheet's options. */
export interface SigningSheetOptions {
  /** The list it prints: `--signatories FILE`'s, else the source's. */
  signatories: Signatories
  /** Rows to sign in; undefined: as many as fill the last page. */
  blankRows: number | undefined
  contact: boolean
  includePrivate: boolean
}

/** What each edition is given of the build's options. */
export interface EditionOptions {
  booklet: BookletOptions
  signingSheet: SigningSheetOptions
}

/** The editions' own options, from the command line's and the list the signing sheet prints. */
export function editionOptions(options: BuildOptions, sheetList: Signatories): EditionOptions {
  return {
    booklet: { duplex: options.duplex, creep: options.creep, marks: options.marks, manualDuplex: options.manualDuplex },
    signingSheet: { signatories: sheetList, blankRows: options.blankRows, contact: options.contact, includePrivate: options.includePrivate }
  }
}

export type { EditionId }
