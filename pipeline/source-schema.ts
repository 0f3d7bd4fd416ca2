/** The front matter of a language file (source/<lang>.md): its language tag and printed labels. */
import { z } from 'zod'

/** The words the signing sheet prints: what signing means and its column headings. */
export const signingSheetLabelsSchema = z.object({
  /** The sheet's name, under the charter's title: "Signing sheet". */
  title: z.string().min(1),
  /** One line on what signing means, printed above the sign-up criteria. */
  meaning: z.string().min(1),
  name: z.string().min(1),
  place: z.string().min(1),
  signature: z.string().min(1),
  date: z.string().min(1),
  /** Heading of the contact column (only with `--contact`). */
  contact: z.string().min(1),
  /** Marks a signatory who is `public: false` (only with `--include-private`). */
  notPublic: z.string().min(1),
  /** Printed on every page of a sheet made with `--include-private`. */
  organisersCopy: z.string().min(1)
})

/** The words templates print around the text, in the file's own language. */
export const labelsSchema = z.object({
  /** Heading of the signatory roll. */
  signatories: z.string().min(1),
  organisations: z.string().min(1),
  individuals: z.string().min(1),
  /** Printed where a list of signatories is empty. */
  none: z.string().min(1),
  /** Page numbering, with `{page}` and `{pages}` where the numbers go. */
  pageOf: z.string().includes('{page}').includes('{pages}'),
  /** The words of the signing sheet. */
  signingSheet: signingSheetLabelsSchema
})

export type Labels = z.infer<typeof labelsSchema>

export const frontMatterSchema = z.object({
  /** BCP 47 tag of the file's language; must match the file name. */
  lang: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'expected a language tag such as `en` or `zh-Hant-HK`'),
  labels: labelsSchema
})

export type FrontMatter = z.infer<typeof frontMatterSchema>
