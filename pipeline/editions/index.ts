/** Every edition a build makes, in manifest order. A new edition is one line here. */
import { bookletEdition } from './booklet/booklet-edition.js'
import type { Edition } from './edition.js'
import { epubEdition } from './epub/epub-edition.js'
import { pamphletEdition } from './pamphlet/pamphlet-edition.js'
import { readingEdition } from './reading/reading-edition.js'
import { signingSheetEdition } from './signing-sheet/signing-sheet-edition.js'
import { webEdition } from './web/web-edition.js'

export const editions: Edition[] = [readingEdition, webEdition, signingSheetEdition, pamphletEdition, bookletEdition, epubEdition]

export { makeEditions } from './make-editions.js'
