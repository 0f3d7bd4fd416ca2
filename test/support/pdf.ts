/** Reading PDFs as a reader's tools do: pdf.js (Firefox's viewer), pdffonts, pdf-lib. */
import { readFile } from 'node:fs/promises'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { tool } from './run.js'

/** The text of each page as pdf.js extracts it (what Firefox copies and searches). */
export async function pdfjsPagesText(file: string): Promise<string[]> {
  const data = new Uint8Array(await readFile(file))
  const pdf = await getDocument({ data, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise
  const pages: string[] = []
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''))
  }
  await pdf.destroy()
  return pages
}

/** The outline (bookmarks) as pdf.js reads it, flattened in order. */
export async function pdfjsOutline(file: string): Promise<string[]> {
  const data = new Uint8Array(await readFile(file))
  const pdf = await getDocument({ data, verbosity: 0 }).promise
  const titles: string[] = []
  const walk = (items: Array<{ title: string; items: unknown[] }> | null) =>
    items?.forEach((item) => {
      titles.push(item.title)
      walk(item.items as never)
    })
  walk((await pdf.getOutline()) as never)
  await pdf.destroy()
  return titles
}

/** The document information pdf.js reads (Title, Language, Author, Producer, dates ...). */
export async function pdfjsInfo(file: string): Promise<Record<string, unknown>> {
  const data = new Uint8Array(await readFile(file))
  const pdf = await getDocument({ data, verbosity: 0 }).promise
  const info = (await pdf.getMetadata()).info as Record<string, unknown>
  await pdf.destroy()
  return info
}

export interface PdfFont {
  name: string
  type: string
  embedded: boolean
  subset: boolean
  unicode: boolean
}

/** The fonts `pdffonts` lists. */
export async function pdfFonts(file: string): Promise<PdfFont[]> {
  const lines = (await tool('pdffonts', [file])).split('\n').slice(2).filter(Boolean)
  return lines.map((line) => {
    const match = /^(\S+)\s+(.+?)\s{2,}\S+\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line)
    if (!match) throw new Error(`Unexpected pdffonts line: ${line}`)
    return { name: match[1], type: match[2].trim(), embedded: match[3] === 'yes', subset: match[4] === 'yes', unicode: match[5] === 'yes' }
  })
}

/** Page sizes in points, as `pdfinfo` reports them for every page. */
export async function pdfPageSizes(file: string): Promise<Array<[number, number]>> {
  const info = await tool('pdfinfo', ['-f', '1', '-l', '9999', file])
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((match) => [Number(match[1]), Number(match[2])])
}

/** Code points of the Kangxi radicals and CJK radicals supplement, which must never stand in for ordinary characters. */
export const radicals = /[\u2E80-\u2FDF]/u

/**
 * The text of the whole PDF by the language its tags give it (a structure element's /Lang,
 * or its nearest ancestor's, or the document's), as pdf.js reads the tags: what a screen
 * reader or read-aloud voices in each language.
 */
export async function pdfjsTextByLanguage(file: string): Promise<Record<string, string>> {
  const data = new Uint8Array(await readFile(file))
  const pdf = await getDocument({ data, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise
  const byLanguage: Record<string, string> = {}
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number)
    const content = await page.getTextContent({ includeMarkedContent: true })
    const textOf = new Map<string, string>()
    const open: Array<string | undefined> = []
    for (const item of content.items) {
      if ('str' in item) {
        const id = open.findLast((each) => each !== undefined)
        if (id) textOf.set(id, (textOf.get(id) ?? '') + item.str)
      } else if (item.type === 'endMarkedContent') open.pop()
      else open.push(item.id ?? undefined)
    }
    type Node = { lang?: string; children?: Node[]; type?: string; id?: string }
    const walk = (node: Node, lang: string) => {
      const own = node.lang ?? lang
      if (node.type === 'content' && node.id) byLanguage[own] = (byLanguage[own] ?? '') + (textOf.get(node.id) ?? '')
      for (const child of node.children ?? []) walk(child, own)
    }
    walk((await page.getStructTree()) as Node, 'untagged')
  }
  await pdf.destroy()
  return byLanguage
}
