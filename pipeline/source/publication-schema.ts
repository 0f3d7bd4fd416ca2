/** source/publication.yaml: what the publication is, beside its text. */
import { z } from 'zod'
import { paperNames } from '../pdf/paper.js'
import { fontSet } from '../fonts/fonts.js'
import { unsupportedLanguage } from '../fonts/scripts.js'
import { languageTag } from './source-schema.js'

/** Every script a family of fonts/fonts.json sets. */
export function fontScripts(): string[] {
  return fontSet().families.flatMap((family) => family.scripts)
}

/** Printed text of the publication's: at most 1,000 characters (see source-schema.ts's labels). */
const text = () => z.string().min(1).max(1000, 'at most 1,000 characters')

/**
 * One text for every language (a name, `CC BY 4.0`), or one per language tag. A text per
 * language must be given for every language: a missing one fell back to another language's
 * text, which printed twice, tagged as the language it is not.
 */
const localized = z.union([text(), z.record(z.string(), text())])

/** A file name made of letters, digits and hyphens: what every output file's name starts with. */
export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** A publication's own TrueType font, in the source folder's fonts/. */
const ownFontSchema = z
  .object({
    /** The file, as `fonts/<name>.ttf` inside the source folder. */
    file: z
      .string()
      .regex(/^fonts\/[A-Za-z0-9][A-Za-z0-9_-]{0,60}\.ttf$/, 'expected a TrueType file in the source folder\'s fonts/ folder, such as `fonts/MyNames.ttf` (letters, digits, `-` and `_` in its name)')
  })
  .strict()

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
        const unsupported = unsupportedLanguage(tag, fontScripts())
        if (unsupported) context.addIssue({ code: 'custom', path: [index], message: unsupported })
      })
    }),
  /**
   * How every output file's name starts: `charter` gives charter-reading-a4.pdf. Letters,
   * digits and hyphens; made from the title when not given.
   */
  slug: z
    .string()
    .max(60, 'at most 60 characters')
    .regex(slugPattern, 'expected small letters, digits and single hyphens, such as `hong-kong-charter-2027`')
    .optional(),
  /** `continuous`: clauses numbered 1, 2, 3 ... through the text; `per-section`: from 1 in every section. */
  numbering: z.enum(['continuous', 'per-section'], { error: 'expected `continuous` or `per-section`' }).default('continuous'),
  /** Fonts of the publication's own, for characters no font of the project has (fonts/README.md). */
  fonts: z.array(ownFontSchema).max(8, 'at most 8 fonts').default([]),
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
      for (const lang of publication.languages) {
        if (lang in value) continue
        context.addIssue({ code: 'custom', path: [field], message: `no text in \`${lang}\`: add \`${lang}: ...\` under \`${field}\` (each language prints its own), or give one text for every language (\`${field}: ...\`)` })
      }
      for (const lang of Object.keys(value)) {
        if (publication.languages.includes(lang)) continue
        context.addIssue({ code: 'custom', path: [field, lang], message: `\`${lang}\` is not one of the publication's languages (${publication.languages.join(', ')}): add it to \`languages\`, or remove it here` })
      }
    }
  })

export type Publication = z.infer<typeof publicationSchema>

/** The value of a localized field in `lang` (the schema holds one for every language). */
export function localize(value: Publication['publisher'], lang: string): string {
  if (typeof value === 'string') return value
  return value[lang] ?? Object.values(value)[0]
}

/** Whether a localized field gives one text for every language (printed once, not once per language). */
export function isOneText(value: Publication['publisher']): value is string {
  return typeof value === 'string'
}

/** Whether `value` (YYYY-MM-DD) names a day that exists. */
function isCalendarDate(value: string): boolean {
  const day = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value
}
