/** Every edition a build makes, in manifest order. A new edition is one line here. */
import type { Edition } from './edition.js'
import { readingEdition } from './reading-edition.js'
import { webEdition } from './web-edition.js'

export const editions: Edition[] = [readingEdition, webEdition]
