/** The one date every output carries: SOURCE_DATE_EPOCH when set, else the publication's date. */
import type { Publication } from './publication-schema.js'
import { UsageError } from './errors.js'

export function buildDate(publication: Publication, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970 (got "${epoch}").`)
    return new Date(Number(epoch) * 1000)
  }
  return new Date(`${publication.date}T00:00:00Z`)
}
