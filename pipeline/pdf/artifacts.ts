/**
 * Marks what Chromium prints outside its tags as artifacts (PDF/UA-1 7.1: every piece of
 * content is either tagged or an artifact). Chromium tags the page's text and leaves out
 * what the page draws around it: the running heads and page numbers of `@page` margin
 * boxes, rules, borders, backgrounds, emphasis dots. A screen reader then read "Page 2 of 7"
 * in the middle of a sentence. Every text, path, image or shading object that stands outside
 * any marked content is wrapped in `/Artifact BMC … EMC`; tagged content, and every byte of
 * the stream besides, is left as it was.
 */
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFPage } from 'pdf-lib'

/** One operator with its operands, as the bytes `start` to `end` of the stream. */
interface Statement {
  operator: string
  start: number
  end: number
}

const whitespace = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20])
const delimiters = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25])

/** The stream's statements, or undefined when it holds what this reader does not take apart (an inline image). */
export function statements(bytes: Uint8Array): Statement[] | undefined {
  const found: Statement[] = []
  let index = 0
  let start = -1
  const skipString = () => {
    // A literal string: balanced parentheses, with backslash escapes.
    let depth = 0
    for (; index < bytes.length; index++) {
      const byte = bytes[index]
      if (byte === 0x5c) index++
      else if (byte === 0x28) depth++
      else if (byte === 0x29 && --depth === 0) {
        index++
        return
      }
    }
  }
  while (index < bytes.length) {
    const byte = bytes[index]
    if (whitespace.has(byte)) {
      index++
      continue
    }
    if (byte === 0x25) {
      // A comment, to the end of the line.
      while (index < bytes.length && bytes[index] !== 0x0a && bytes[index] !== 0x0d) index++
      continue
    }
    if (start < 0) start = index
    if (byte === 0x28) skipString()
    else if (byte === 0x3c && bytes[index + 1] === 0x3c) index += 2
    else if (byte === 0x3e && bytes[index + 1] === 0x3e) index += 2
    else if (byte === 0x3c) {
      while (index < bytes.length && bytes[index] !== 0x3e) index++
      index++
    } else if (byte === 0x5b || byte === 0x5d || byte === 0x7b || byte === 0x7d) index++
    else if (byte === 0x2f) {
      index++
      while (index < bytes.length && !whitespace.has(bytes[index]) && !delimiters.has(bytes[index])) index++
    } else {
      const from = index
      while (index < bytes.length && !whitespace.has(bytes[index]) && !delimiters.has(bytes[index])) index++
      const word = String.fromCharCode(...bytes.subarray(from, index))
      // A number or a keyword operand is not an operator.
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) || word === 'true' || word === 'false' || word === 'null') continue
      if (word === 'BI' || word === 'ID' || word === 'EI') return undefined
      found.push({ operator: word, start, end: index })
      start = -1
    }
  }
  return found
}

const painting = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*'])
const pathConstruction = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're'])

/**
 * `bytes` with every graphics object outside marked content wrapped as an artifact, or
 * undefined when nothing needed it (or the stream could not be read).
 */
export function markArtifacts(bytes: Uint8Array): Uint8Array | undefined {
  const list = statements(bytes)
  if (!list) return undefined
  const spans: Array<[number, number]> = []
  let depth = 0
  for (let index = 0; index < list.length; index++) {
    const { operator } = list[index]
    if (operator === 'BMC' || operator === 'BDC') depth++
    else if (operator === 'EMC') depth = Math.max(0, depth - 1)
    if (depth > 0) continue
    if (operator === 'BT') {
      // A text object: whole, unless marked content starts inside it.
      let end = index
      while (end < list.length && list[end].operator !== 'ET') end++
      if (end < list.length && !list.slice(index, end).some((statement) => statement.operator === 'BDC' || statement.operator === 'BMC')) spans.push([list[index].start, list[end].end])
      index = end
    } else if (pathConstruction.has(operator)) {
      // A path object: its construction, clipping and painting; an unpainted (clipping) path is not content.
      let end = index
      while (end < list.length && (pathConstruction.has(list[end].operator) || list[end].operator === 'W' || list[end].operator === 'W*')) end++
      if (end < list.length && painting.has(list[end].operator)) spans.push([list[index].start, list[end].end])
      index = end
    } else if (operator === 'Do' || operator === 'sh') {
      spans.push([list[index].start, list[index].end])
    }
  }
  if (spans.length === 0) return undefined
  const open = new TextEncoder().encode('/Artifact BMC\n')
  const close = new TextEncoder().encode('\nEMC')
  const parts: Uint8Array[] = []
  let at = 0
  for (const [from, to] of spans) {
    parts.push(bytes.subarray(at, from), open, bytes.subarray(from, to), close)
    at = to
  }
  parts.push(bytes.subarray(at))
  return new Uint8Array(Buffer.concat(parts))
}

/** Marks the untagged content of every page of `pdf` as artifacts (see above). */
export function markPdfArtifacts(pdf: PDFDocument): void {
  for (const page of pdf.getPages()) markPageArtifacts(pdf, page)
}

function markPageArtifacts(pdf: PDFDocument, page: PDFPage): void {
  const contents = page.node.get(PDFName.of('Contents'))
  const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : []
  for (const ref of refs) {
    const stream = ref instanceof PDFRef ? pdf.context.lookup(ref) : ref
    if (!(stream instanceof PDFRawStream)) continue
    const marked = markArtifacts(decodePDFRawStream(stream).decode())
    if (!marked) continue
    const replacement = pdf.context.flateStream(marked)
    if (ref instanceof PDFRef) pdf.context.assign(ref, replacement)
    else page.node.set(PDFName.of('Contents'), pdf.context.register(replacement))
  }
}
