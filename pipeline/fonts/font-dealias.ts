/**
 * "Aliases" in a font's character map: code points that share one glyph with another
 * (’ U+2019 and ʼ U+02BC, 自 and the radical ⾃). Chromium's PDF writer can name only one
 * of them in the text layer, and when it names the rarer one pdf.js (Firefox's viewer)
 * copies and searches the wrong character ("Partyʼs" for "Party’s"). A subset that keeps
 * one code point per glyph, the common one, makes the text layer right (font-subset.ts).
 */

/** Code points that are the rarer twin of a common character sharing its glyph. */
const rareTwins: Array<[number, number]> = [
  [0x00a0, 0x00a0], // no-break space (twin of space)
  [0x00ad, 0x00ad], // soft hyphen (twin of hyphen-minus)
  [0x02b0, 0x02ff], // spacing modifier letters (ʻ ʼ, twins of ‘ ’)
  [0x2215, 0x2215], // division slash (twin of fraction slash)
  [0x2e80, 0x2fdf], // CJK and Kangxi radicals (twins of unified ideographs)
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0x2f800, 0x2fa1f] // CJK compatibility ideographs supplement
]

const isRareTwin = (codePoint: number) => rareTwins.some(([low, high]) => codePoint >= low && codePoint <= high)

/** The code points to drop from a font with `cmap`: for each glyph mapped from several, all but the common one. */
export function aliasedCodePoints(cmap: Map<number, number>): number[] {
  const byGlyph = new Map<number, number[]>()
  for (const [codePoint, glyph] of cmap) byGlyph.set(glyph, [...(byGlyph.get(glyph) ?? []), codePoint])
  return [...byGlyph.values()].flatMap((codePoints) => {
    if (codePoints.length < 2) return []
    const keep = codePoints.find((codePoint) => !isRareTwin(codePoint)) ?? Math.min(...codePoints)
    return codePoints.filter((codePoint) => codePoint !== keep)
  })
}
