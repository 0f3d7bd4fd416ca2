/** The options of `charter build`, validated at the command line and trusted inside. */
import { z } from 'zod'

export const buildOptionsSchema = z.object({
  /** The source folder (publication.yaml, <lang>.md, signatories.yaml). Default `source`. */
  source: z.string().min(1).default('source'),
  /** The output folder. Default `dist`. */
  out: z.string().min(1).default('dist'),
  /** Paper for the printed editions; default: publication.yaml's `paper`. */
  paper: z.enum(['a4', 'letter']).optional()
})

export type BuildOptions = z.infer<typeof buildOptionsSchema> & {
  /** Stops the build (and closes the browser) when aborted. */
  signal?: AbortSignal
}
