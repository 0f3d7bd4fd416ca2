/** source/publication.yaml: what the publication is, beside its text. */
import { z } from 'zod'
import { paperNames } from '../pdf/paper.js'
import { languageTag } from './source-schema.js'

/** Printed text of the publication's: at most 1,000 characters (see source-schema.ts's labels). */
const text = () => z.string().min(1).max(1000, 'at most 1,000 characters')

/** A string, or one string per language tag. */
const localized = z.union([text(), z.record(z.string(), text())])

/** Characters of a link to sign that a QR code printed on a pamphlet's back cover still holds readably. */
const maxSignUrl = 500

/** `check:` in publication.yaml: settings of `charter check` (and of the checks `charter build` runs). */
export const checkSettingsSchema = z
  .object({
    /** Space between Han and Latin letters or digits in Chinese text. Default `never`: no typed space, so the text copies and searches as `1980年代`. */
    'han-latin-spacing': z.enum(['off', 'always', 'never']).default('never')
  })
  .strict()

export type CheckSettings = z.infer<typeof checkSettingsSchema>

export const publicationSchema = z.object({
  /** Language tags in the order editions set them side by side; each names `<tag>.md`. */
  languages: z
    .array(languageTag)
    .min(1, 'list at least one language')
    .superRefine((tags, context) => {
      tags.forEach((tag, index) => {
        const first = tags.findIndex((other) => other.toLowerCase() === tag.toLowerCase())
        if (first < index) context.addIssue({ code: 'custom', path: [index], message: `\`${tag}\` is listed twice: list each language once` })
      })
    }),
  /** A permanent identifier (`urn:uuid:...`); EPUB readers use it to recognise the book. */
  identifier: text(),
  publisher: localized,
  rights: localized,
  /** The date of this edition; used as the files' date unless SOURCE_DATE_EPOCH is set. */
  date: z
    .union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')])
    .transform((value) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10)))
    // 2026-02-30 would print as typed yet date the files 2 March; 2026-13-45 stopped the build.
    .refine((value) => isCalendarDate(value), { message: 'not a day of the calendar: expected a date as YYYY-MM-DD, such as 2021-07-01' }),
  /** Default paper for printed editions. */
  paper: z.enum(paperNames).default('a4'),
  /** Where people can sign online; printed with a QR code where an edition has room. */
  'sign-url': z
    .url({ protocol: /^https?$/ })
    .max(maxSignUrl, `a link of at most ${maxSignUrl} characters fits in a QR code a phone can read from paper: use a shorter link`)
    .optional(),
  /** Settings of the text checks (`charter check`). */
  check: checkSettingsSchema.default({ 'han-latin-spacing': 'never' })
})
  // A misspelt key (`titel:`, `pubisher:`) is named, not silently ignored.
  .strict()
  // Text for a language the publication does not have would never print: a slip, named.
  .superRefine((publication, context) => {
    for (const field of ['publisher', 'rights'] as const) {
      const value = publication[field]
      if (typeof value === 'string') continue
      for (const lang of Object.keys(value)) {
        if (publication.languages.includes(lang)) continue
        context.addIssue({ code: 'custom', path: [field, lang], message: `\`${lang}\` is not one of the publication's languages (${publication.languages.join(', ')}): add it to \`languages\`, or remove it here` })
      }
    }
  })

export type Publication = z.infer<typeof publicationSchema>

/** The value of a localized field in `lang`, falling back to the first given. */
export function localize(value: Publication['publisher'], lang: string): string {
  if (typeof value === 'string') return value
  return value[lang] ?? Object.values(value)[0]
}

/** Whether `value` (YYYY-MM-DD) names a day that exists. */
function isCalendarDate(value: string): boolean {
  const day = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value
}
