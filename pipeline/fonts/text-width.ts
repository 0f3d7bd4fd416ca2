/**
 * How wide a line of text prints, from the fonts' own advance widths: what an edition
 * needs to know to keep a name on one line (a wider cell, a smaller size) before the
 * browser lays it out. Kerning is left out; callers leave a little room for it.
 */
import { readAdvances } from './font-cmap.js'
import type { BuildFonts } from './font-subset.js'
import { faceBytes, faceCmap, mayHold, type FontFace } from './fonts.js'

const advances = new Map<FontFace, Promise<(glyph: number) => number>>()

function advancesOf(face: FontFace): Promise<(glyph: number) => number> {
  let read = advances.get(face)
  if (!read) {
    read = faceBytes(face).then(readAdvances)
    advances.set(face, read)
  }
  return read
}

/** The width of `text` set in `lang`'s stack at `weight`, in em. */
export async function textWidth(fonts: BuildFonts, text: string, lang: string, weight = 400): Promise<number> {
  const stack = fonts.stacks.of(lang)
  let width = 0
  for (const character of text) {
    const codePoint = character.codePointAt(0)!
    let found = false
    for (const family of stack) {
      const faces = fonts.faces.filter((face) => face.family === family && face.style === 'normal' && mayHold(face, codePoint))
      const face = faces.find((candidate) => candidate.weight === weight) ?? faces[0]
      if (!face) continue
      const glyph = (await faceCmap(face)).get(codePoint)
      if (glyph === undefined) continue
      width += (await advancesOf(face))(glyph)
      found = true
      break
    }
    // A character no face has would print as a box of about an em.
    if (!found) width += 1
  }
  return width
}
