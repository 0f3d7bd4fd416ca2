/** source/signatories.yaml: who has signed, organisations and individuals, in signing order. */
import { z } from 'zod'
import { unsupportedLanguage } from '../fonts/scripts.js'
import { fontScripts } from './publication-schema.js'
import { languageTag } from './source-schema.js'

// A name YAML reads as a number, a date or `yes` is still a name: quoting keeps it as written.
const nameAsText = 'expected a name as text: put it in quotes ("...")'
const composed = (name: string) => name.normalize('NFC')
/** Characters in a name, at most: an organisation's full name fits with room to spare. */
const maxName = 200
const tooLong = `a name is at most ${maxName} characters`

const signatorySchema = z
  .object({
    // Composed (NFC): a name typed with combining accents (Nguye\u0302\u0303n) prints the same,
    // but copied from the PDF as 'Nguyễ n', and no search for the name found it.
    /** The name as the signatory writes it: in Latin letters, or in the script `lang` names. */
    name: z.string({ error: nameAsText }).trim().min(1, 'the name is empty').max(maxName, tooLong).transform(composed).optional(),
    /**
     * The language `name` is written in (`ja` for 山田花子), when its letters do not tell:
     * Latin letters are taken for the publication's first language in Latin letters, kana
     * for Japanese, Han characters for its first Chinese language.
     */
    lang: languageTag
      .superRefine((tag, context) => {
        const unsupported = unsupportedLanguage(tag, fontScripts())
        if (unsupported) context.addIssue({ code: 'custom', message: unsupported })
      })
      .optional(),
    /** The name in Chinese characters (tagged with the publication's Chinese language). */
    'name-zh': z.string({ error: nameAsText }).trim().min(1, 'the name is empty').max(maxName, tooLong).transform(composed).optional(),
    /** `false` keeps the signatory out of everything the build publishes. */
    public: z.boolean({ error: 'expected `true` or `false`' }).default(true)
  }, { error: 'expected a signatory (`- name: ...` or `- name-zh: ...`), not an empty entry' })
  .strict()
  .refine((entry) => entry.name !== undefined || entry['name-zh'] !== undefined, {
    message: 'a signatory needs a `name`, a `name-zh`, or both'
  })

export type Signatory = z.infer<typeof signatorySchema>

export const signatoriesSchema = z
  .object({
    organisations: z.array(signatorySchema).nullish().transform((list) => list ?? []),
    individuals: z.array(signatorySchema).nullish().transform((list) => list ?? [])
  })
  .strict()

export type Signatories = z.infer<typeof signatoriesSchema>
