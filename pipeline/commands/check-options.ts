/** The options of `charter check`, each flag declared once (its help and its schema). */
import { z } from 'zod'
import { flagsSchema, type FlagSet } from './flags.js'

export const checkFlags = {
  source: { value: 'DIR', help: 'source folder (default: source)', schema: z.string().min(1).default('source') },
  fix: { help: 'mend what can be mended safely (full-width punctuation, 、, 「」, ……, ——, spacing), in place', schema: z.boolean().default(false) },
  frail: { help: 'fail on warnings too, not only on errors', schema: z.boolean().default(false) }
} satisfies FlagSet

export const checkOptionsSchema = flagsSchema(checkFlags)

export type CheckOptions = z.infer<typeof checkOptionsSchema>
