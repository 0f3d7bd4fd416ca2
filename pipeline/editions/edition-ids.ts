/** The ids of the editions a build makes, in manifest order (editions/index.ts has the editions). */
export const editionIds = ['reading', 'web', 'signing-sheet', 'pamphlet', 'booklet', 'epub'] as const

export type EditionId = (typeof editionIds)[number]
