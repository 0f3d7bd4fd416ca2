/** The options of `charter check`, validated at the command line and trusted inside. */
import { z } from 'zod'

export const checkOptionsSchema = z.object({
  /** The source folder (publication.yaml, <lang>.md, signatories.yaml). Default `source`. */
  source: z.string().min(1).default('source'),
  /** Mend what the rules mark fixable, in place. Default off. */
  fix: z.boolean().default(false),
  /** Fail (exit 1) on warnings too, not only on errors. Default off. */
  frail: z.boolean().default(false)
})

export type CheckOptions = z.infer<typeof checkOptionsSchema>
