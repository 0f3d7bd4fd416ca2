/**
 * Makes the editions asked for, each once, with those they need (made, not written: the
 * booklet's pamphlet under `--only booklet`), all at once through the build's one browser.
 * Returns the artifacts of the editions asked for, in the editions' order.
 */
import type { Artifact } from '../output/write-output.js'
import type { Edition, EditionContext } from './edition.js'
import type { EditionId } from './edition-ids.js'

export async function makeEditions(
  editions: Edition[],
  wanted: readonly EditionId[],
  context: Omit<EditionContext, 'made'>,
  step: <T>(name: string, work: Promise<T>) => Promise<T>
): Promise<Artifact[]> {
  const made = new Map<EditionId, Promise<Artifact[]>>()
  const make = (id: EditionId): Promise<Artifact[]> => {
    let artifacts = made.get(id)
    if (!artifacts) {
      const edition = editions.find((candidate) => candidate.id === id)
      if (!edition) throw new Error(`No edition "${id}": add it to editions/index.ts`)
      artifacts = step(id, edition.produce({ ...context, made: make }))
      made.set(id, artifacts)
    }
    return artifacts
  }
  const asked = editions.filter((edition) => wanted.includes(edition.id))
  const results = await Promise.all(asked.map((edition) => make(edition.id)))
  return results.flat()
}
