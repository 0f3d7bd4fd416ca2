/** The one date every output carries: SOURCE_DATE_EPOCH when set, else the publication's date. */
import type { Publication } from './publication-schema.js'
import { UsageError } from '../errors.js'

/** 9999-12-31T23:59:59Z: the last second a PDF date, an EPUB date and ISO 8601's four-digit year can all hold. */
const latestEpoch = 253402300799

export function buildDate(publication: Publication, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch) || Number(epoch) > latestEpoch) {
      throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, from 0 to ${latestEpoch} (the end of 9999), such as 1700000000 (got "${epoch.slice(0, 40)}").`)
    }
    return new Date(Number(epoch) * 1000)
  }
  return new Date(`${publication.date}T00:00:00Z`)
}
