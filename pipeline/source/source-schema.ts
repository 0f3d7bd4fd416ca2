/** The front matter of a language file (source/<lang>.md): its language tag and printed labels. */
import { z } from 'zod'

/**
 * A language tag (BCP 47: language, then script, region and variants, `en`, `zh-Hant-HK`,
 * `de-CH-1996`). It also names the language's file (`<tag>.md`), so it holds nothing else:
 * `languages: [../../etc/passwd]` had the build read that file.
 */
export const languageTag = z
  .string()
  .regex(
    /^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?(-([a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*$/,
    'expected a language tag such as `en`, `fr` or `zh-Hant-HK`'
  )

/**
 * A label: printed text, at most 1,000 characters. The words around the text are short;
 * a label of 460 kB (in a running head) kept Chromium printing for two minutes.
 */
const label = () => z.string().min(1).max(1000, 'a label is at most 1,000 characters')

/** The words the signing sheet prints: what signing means and its column headings. */
const signingSheetLabelsSchema = z.object({
  /** The sheet's name, under the charter's title: "Signing sheet". */
  title: label(),
  /** One line on what signing means, printed above the sign-up criteria. */
  meaning: label(),
  name: label(),
  place: label(),
  signature: label(),
  date: label(),
  /** Heading of the contact column (only with `--contact`). */
  contact: label(),
  /** Marks a signatory who is `public: false` (only with `--include-private`). */
  notPublic: label(),
  /** Printed on every page of a sheet made with `--include-private`. */
  organisersCopy: label()
})
  // A misspelt or extra key (a label no template prints) is named, not silently ignored.
  .strict()

/** The words templates print around the text, in the file's own language. */
const labelsSchema = z.object({
  /** Heading of the signatory roll. */
  signatories: label(),
  organisations: label(),
  individuals: label(),
  /** Printed where a list of signatories is empty. */
  none: label(),
  /** Page numbering, with `{page}` and `{pages}` where the numbers go. */
  pageOf: label().includes('{page}').includes('{pages}'),
  /** The words of the signing sheet. */
  signingSheet: signingSheetLabelsSchema,
  /**
   * The name of the web page's language switch, as a screen reader announces it
   * ("Languages shown"). Optional: charter knows it in the languages it has starters for.
   */
  languageSwitch: label().optional()
}).strict()

export type Labels = z.infer<typeof labelsSchema>

export const frontMatterSchema = z.object({
  /** BCP 47 tag of the file's language; must match the file name. */
  lang: languageTag,
  labels: labelsSchema
})
  .strict()

export type FrontMatter = z.infer<typeof frontMatterSchema>
