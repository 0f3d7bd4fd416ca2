/** source/signatories.yaml: who has signed, organisations and individuals, in signing order. */
import { z } from 'zod'

export const signatorySchema = z
  .object({
    /** The name as the signatory writes it in Latin letters. */
    name: z.string().trim().min(1).optional(),
    /** The name in Chinese characters. */
    'name-zh': z.string().trim().min(1).optional(),
    /** `false` keeps the signatory out of everything the build publishes. */
    public: z.boolean().default(true)
  })
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
