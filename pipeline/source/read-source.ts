/**
 * Reads a source folder: publication.yaml, one Markdown file per language it lists, and
 * signatories.yaml. Each file becomes a VFile whose path is shown relative to the working
 * folder; unreadable text (not UTF-8, binary, empty) is a message on that file.
 */
import { constants } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Root } from 'mdast'
import { VFile } from 'vfile'
import { parseMarkdown } from './markdown.js'
import { publicationSchema, type Publication } from './publication-schema.js'
import { signatoriesSchema, type Signatories } from './signatories-schema.js'
import { SourceFolderError } from '../errors.js'
import type { FontFace } from '../fonts/fonts.js'
import { readOwnFonts } from './own-fonts.js'
import { fail, readYamlData } from './yaml-data.js'

export interface Source {
  /** Every file read, for the reporter, in reading order. */
  files: VFile[]
  publication: Publication | undefined
  /** One file per language, in publication order (absent when publication.yaml failed). */
  languageFiles: VFile[]
  /** Each language file's Markdown, parsed once; undefined where the file could not be read or is past a limit. */
  trees: Array<Root | undefined>
  signatories: Signatories | undefined
  /** publication.yaml and the signatory list as read, for checks that look at the data's text. */
  publicationFile: VFile
  signatoriesFile: VFile
  /**
   * `--signatories FILE`: the list the signing sheet prints instead of the source's. Only
   * the sheet: the editions that are published keep the source's own list.
   */
  sheetSignatories?: Signatories
  sheetSignatoriesFile?: VFile
  /** The publication's own fonts (`fonts:` in publication.yaml), read and checked. */
  ownFonts: FontFace[]
}

/** Largest source file read; the charter is 20 kB, so anything past this is a mistake. */
const maxBytes = 2 * 1024 * 1024

/** Reads `folder`; throws SourceFolderError only when the folder itself is missing. */
export async function readSource(folder: string, signatoriesFile?: string): Promise<Source> {
  const info = await stat(folder).catch(() => undefined)
  if (!info?.isDirectory()) throw new SourceFolderError(folder)

  const files: VFile[] = []
  const open = async (name: string, absolute = path.join(folder, name), missing = 'Missing file: the source folder needs it') => {
    const file = await readText(absolute, missing)
    files.push(file)
    return file
  }

  const publicationFile = await open('publication.yaml')
  const publication = readValue(publicationFile, publicationSchema, 'publication')
  const languageFiles: VFile[] = []
  for (const lang of publication?.languages ?? []) languageFiles.push(await open(`${lang}.md`))
  const trees = languageFiles.map((file) => (file.messages.some((message) => message.fatal) ? undefined : parseMarkdown(file)))
  const signatoriesSource = await open('signatories.yaml')
  const signatories = readValue(signatoriesSource, signatoriesSchema, 'signatories-schema')
  const ownFonts = publication ? await readOwnFonts(folder, publication, publicationFile) : []
  const source: Source = { files, publication, languageFiles, trees, signatories, publicationFile, signatoriesFile: signatoriesSource, ownFonts }
  if (signatoriesFile) {
    const sheetFile = await open('signatories.yaml', path.resolve(signatoriesFile), 'No such file: check the path given to --signatories')
    source.sheetSignatoriesFile = sheetFile
    source.sheetSignatories = readValue(sheetFile, signatoriesSchema, 'signatories-schema')
  }
  return source
}

function readValue<T>(file: VFile, schema: import('zod').ZodType<T>, ruleId: string): T | undefined {
  if (file.messages.some((message) => message.fatal)) return undefined
  return readYamlData(file, String(file.value), schema, ruleId) as T | undefined
}

const start = { line: 1, column: 1 }

/** Reads a file as strict UTF-8 text; problems are messages on the returned file. */
async function readText(absolute: string, missing: string): Promise<VFile> {
  const file = new VFile({ path: path.relative(process.cwd(), absolute) || absolute, value: '' })
  let bytes: Buffer
  try {
    const read = await readRegularFile(absolute)
    if (typeof read === 'string') {
      fail(file, read, start, 'source-file')
      return file
    }
    bytes = read
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'ENOENT' ? missing
      : code === 'EISDIR' ? 'This is a folder, not a file: give the file itself'
      : code === 'EACCES' || code === 'EPERM' ? 'Cannot read the file: you do not have permission to read it'
      : `Cannot read the file (${code})`
    fail(file, reason, start, 'source-file')
    return file
  }
  // Windows Notepad's "Unicode": two bytes a character, every other one NUL for English.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    fail(file, 'Saved as UTF-16 ("Unicode" in Windows Notepad): save the file as UTF-8', start, 'source-encoding')
    return file
  }
  if (bytes.includes(0)) {
    fail(file, 'Not a text file: it holds binary data (NUL bytes)', start, 'source-encoding')
    return file
  }
  try {
    file.value = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    // Dropped from the text, kept in mind: `charter check --fix` writes it back.
    file.data.byteOrderMark = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  } catch {
    const bad = firstInvalidUtf8(bytes)
    fail(file, 'Not UTF-8 text: save the file as UTF-8', bad, 'source-encoding')
    return file
  }
  if (String(file.value).trim() === '') fail(file, 'Empty file', start, 'source-empty')
  // Classic Mac OS ended lines with a CR alone: the whole file would read as one line.
  else if (String(file.value).includes('\r') && !String(file.value).includes('\n')) {
    fail(file, 'Saved with old Mac line ends (a CR alone ends each line): save it with ordinary line ends (LF, or CRLF on Windows)', start, 'source-encoding')
  }
  return file
}

/**
 * The bytes of `absolute` if it is a regular file of at most `maxBytes`, else why not. It is
 * opened without waiting (a FIFO named en.md waited for a writer for good) and checked
 * once open, so what is read is what was checked; a device (a link to /dev/zero) is refused
 * before a byte is read.
 */
async function readRegularFile(absolute: string): Promise<Buffer | string> {
  const handle = await open(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  try {
    const info = await handle.stat()
    if (info.isDirectory()) return 'This is a folder, not a file: give the file itself'
    if (!info.isFile()) return 'Not a regular file (a device, a pipe or a socket): give a text file'
    if (info.size > maxBytes) return `File too large (${info.size} bytes): a source file is at most ${maxBytes} bytes`
    const bytes = await handle.readFile()
    // It grew while being read.
    if (bytes.length > maxBytes) return `File too large (${bytes.length} bytes): a source file is at most ${maxBytes} bytes`
    return bytes
  } finally {
    await handle.close()
  }
}

/** Line and column of the first byte sequence that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Buffer): { line: number; column: number } {
  let low = 0
  let high = bytes.length
  while (high - low > 1) {
    const middle = (low + high) >> 1
    try {
      // Streaming mode accepts a sequence cut short at the end, so only real errors throw.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true })
      low = middle
    } catch {
      high = middle
    }
  }
  const before = bytes.subarray(0, low).toString('utf8')
  const lines = before.split('\n')
  return { line: lines.length, column: lines.at(-1)!.length + 1 }
}
