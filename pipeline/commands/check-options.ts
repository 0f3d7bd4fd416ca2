/** The options of `charter check`, each flag declared once (its help and its schema). */
import { z } from 'zod'
import { flagsSchema, type FlagSet } from './flags.js'

export const checkFlags = {
  source: { value: 'DIR', help: 'source folder (default: source)', schema: z.string().min(1).default('source') },
  fix: { help: 'mend what can be mended safely (full-width punctuation, 、, 「」, ……, ——, spacing), in place', schema: z.boolean().default(false) },
  frail: { help: 'fail on warnings too, not only on errors', schema: z.boolean().default(false) },
  format: {
    value: 'text|json',
    help: "how the findings are printed: text on stderr, or JSON on stdout, as vfile-reporter-json writes it (default: text)",
    schema: z.enum(['text', 'json'], { error: 'takes text or json' }).default('text')
  }
} satisfies FlagSet

export const checkOptionsSchema = flagsSchema(checkFlags)

export type CheckOptions = z.infer<typeof checkOptionsSchema>
