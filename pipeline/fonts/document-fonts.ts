/** The fonts of one Document's build: its languages' stacks, and every face cut to its public text. */
import { cssLanguages } from '../markup/language-css.js'
import { superscriptDigits } from '../markup/notes.js'
import { allNotes, type Document } from '../source/document.js'
import { scriptOf } from './scripts.js'
import { fontStacks, type FontStacks } from './font-stacks.js'
import { BuildFonts, type FontText } from './font-subset.js'
import type { FontFace, FontSet } from './fonts.js'

/** The font stack of every language the Document's public text is tagged with. */
export function documentStacks(fonts: FontSet, document: Document, own: FontFace[]): FontStacks {
  const languages = cssLanguages(document).map(({ lang }) => ({ lang, script: scriptOf(lang) ?? 'Latn' }))
  return fontStacks(fonts, languages, own)
}

/** Starts cutting the build's fonts: `texts` is what the published editions print (publicTexts()). */
export function documentFonts(fonts: FontSet, document: Document, texts: FontText[], own: FontFace[]): BuildFonts {
  // Printed note numbers: superscript figures in the text, and each note's own number in
  // its language's face (notes.ts, print-common.css).
  const notes =
    allNotes(document).length > 0 ? [{ lang: undefined, text: superscriptDigits }, ...document.languages.map(({ lang }) => ({ lang, text: '0123456789' }))] : []
  return new BuildFonts(fonts, documentStacks(fonts, document, own), [...texts, ...notes], own)
}
