/** source/publication.yaml: what the publication is, beside its text. */
import { z } from 'zod'

/** A string, or one string per language tag. */
const localized = z.union([z.string().min(1), z.record(z.string(), z.string().min(1))])

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
  languages: z.array(z.string().min(1)).min(1, 'list at least one language'),
  /** A permanent identifier (`urn:uuid:...`); EPUB readers use it to recognise the book. */
  identifier: z.string().min(1),
  publisher: localized,
  rights: localized,
  /** The date of this edition; used as the files' date unless SOURCE_DATE_EPOCH is set. */
  date: z
    .union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')])
    .transform((value) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10)))
    // 2026-02-30 would print as typed yet date the files 2 March; 2026-13-45 stopped the build.
    .refine((value) => isCalendarDate(value), { message: 'not a day of the calendar: expected a date as YYYY-MM-DD, such as 2021-07-01' }),
  /** Default paper for printed editions. */
  paper: z.enum(['a4', 'letter']).default('a4'),
  /** Where people can sign online; printed with a QR code where an edition has room. */
  'sign-url': z.url({ protocol: /^https?$/ }).optional(),
  /** Settings of the text checks (`charter check`). */
  check: checkSettingsSchema.default({ 'han-latin-spacing': 'never' })
})
  // A misspelt key (`titel:`, `pubisher:`) is named, not silently ignored.
  .strict()

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
