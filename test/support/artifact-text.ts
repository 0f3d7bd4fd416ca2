/**
 * Everything a build wrote, opened up for searching: PDFs with their streams
 * decompressed (qpdf) plus their extracted text, EPUBs unzipped entry by entry, HTML and
 * JSON as they are. What a leak test must search, a reader's tools could find.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import JSZip from 'jszip'
import { tool } from './run.js'

export interface OpenedFile {
  /** `file` for a top-level file, `file!entry` for a file inside an EPUB. */
  name: string
  /** The bytes as latin1 text (for paths and ASCII canaries) ... */
  raw: string
  /** ... and as readable text: the PDF's extracted text, or the entry decoded as UTF-8. */
  text: string
}

/**
 * Every file of manifest.json in `out`, plus manifest.json itself, opened up. With
 * `pdfText: 'only'`, a PDF is read for its text alone (pdftotext), not decompressed whole.
 */
export async function openArtifacts(out: string, { pdfText = 'all' }: { pdfText?: 'all' | 'only' } = {}): Promise<OpenedFile[]> {
  const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { artifacts: Array<{ file: string; format: string }> }
  const opened: OpenedFile[] = []
  const manifestBytes = await readFile(path.join(out, 'manifest.json'))
  opened.push({ name: 'manifest.json', raw: manifestBytes.toString('latin1'), text: manifestBytes.toString('utf8') })
  for (const { file } of manifest.artifacts) {
    const absolute = path.join(out, file)
    const bytes = await readFile(absolute)
    if (file.endsWith('.pdf') && pdfText === 'only') {
      opened.push({ name: file, raw: '', text: await tool('pdftotext', ['-enc', 'UTF-8', absolute, '-']) })
    } else if (file.endsWith('.pdf')) {
      const uncompressed = await tool('qpdf', ['--qdf', '--object-streams=disable', '--stream-data=uncompress', absolute, '-']).catch(
        () => bytes.toString('latin1')
      )
      // The page text, the document information as a viewer shows it, and every UTF-16 string
      // (pdf-lib and Chromium write metadata, bookmarks and alt text as <FEFF...> hex).
      const text = await tool('pdftotext', ['-enc', 'UTF-8', absolute, '-'])
      const info = await tool('pdfinfo', ['-enc', 'UTF-8', absolute])
      const strings = [...uncompressed.matchAll(/<(feff(?:[0-9a-f]{4})*)>/gi)].map((match) => utf16(match[1].slice(4)))
      opened.push({ name: file, raw: uncompressed, text: [text, info, ...strings].join('\n') })
    } else if (file.endsWith('.epub')) {
      const zip = await JSZip.loadAsync(bytes)
      for (const entry of Object.values(zip.files)) {
        if (entry.dir) continue
        const content = await entry.async('nodebuffer')
        opened.push({ name: `${file}!${entry.name}`, raw: content.toString('latin1'), text: content.toString('utf8') })
      }
    } else {
      opened.push({ name: file, raw: bytes.toString('latin1'), text: bytes.toString('utf8') })
    }
  }
  return opened
}

function utf16(hex: string): string {
  const bytes = Buffer.from(hex, 'hex')
  let text = ''
  for (let index = 0; index + 1 < bytes.length; index += 2) text += String.fromCharCode(bytes.readUInt16BE(index))
  return text
}
