/** Helpers the tests share: run the real `charter` command, copy the source, read PDFs. */
import { execFile } from 'node:child_process'
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const exec = promisify(execFile)

export const projectRoot = path.resolve(import.meta.dirname, '../..')
/**
 * The charter's text the tests build: a copy of source/ as shipped, so that editing the
 * text (a new signatory, a changed clause) never breaks the tests of the tool.
 */
export const sourceFolder = path.join(projectRoot, 'test/fixtures/charter/source')
/**
 * The `charter` command the tests run. CHARTER_TEST_BIN points them at another build of it
 * (a checkout of an older commit, say), to see a test fail without the change it guards.
 */
export const charterBin = process.env.CHARTER_TEST_BIN ?? path.join(projectRoot, 'bin/charter.js')

export interface RunResult {
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs `charter ...args` in `cwd` (default: the project) as a user would; never throws. With
 * `timeout` (ms), a run still going then is killed and reported as code -1: a hang.
 */
export async function runCharter(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): Promise<RunResult> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [charterBin, ...args], {
      cwd: options.cwd ?? projectRoot,
      env: { ...process.env, CI: 'true', ...options.env },
      maxBuffer: 64 * 1024 * 1024,
      timeout: options.timeout ?? 0,
      killSignal: 'SIGKILL'
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failure = error as { code?: number; killed?: boolean; stdout?: string; stderr?: string }
    const code = failure.killed ? -1 : typeof failure.code === 'number' ? failure.code : 1
    return { code, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' }
  }
}

/** A fresh temporary folder. */
export function temporaryFolder(prefix = 'charter-test-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix))
}

/**
 * A fresh temporary folder with a short path, to give a build as its TMPDIR: the browser's
 * scratch folder goes there only while the path of the socket Chromium makes inside it fits
 * (see pipeline/scratch-folder.ts), and a test that looks for it there needs it there.
 */
export function shortTemporaryFolder(): Promise<string> {
  return mkdtemp(path.join(process.platform === 'win32' ? tmpdir() : '/tmp', 'ct-'))
}

/** Copies the project's source/ into a temporary folder and returns the copy's path. */
export async function copySource(edit?: (folder: string) => Promise<void>): Promise<string> {
  const folder = path.join(await temporaryFolder(), 'source')
  await cp(sourceFolder, folder, { recursive: true })
  if (edit) await edit(folder)
  return folder
}

/** Rewrites one file of a source copy through `change`. */
export async function editFile(file: string, change: (text: string) => string): Promise<void> {
  await writeFile(file, change(await readFile(file, 'utf8')))
}

/** Runs a command-line tool (pdftotext, pdffonts, qpdf, java ...) and returns its stdout. */
export async function tool(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const { stdout } = await exec(command, args, { maxBuffer: 256 * 1024 * 1024, ...(env ? { env } : {}) })
  return stdout
}

/** The text of each page of a PDF, by pdftotext. */
export async function pdfPagesText(file: string): Promise<string[]> {
  const text = await tool('pdftotext', ['-enc', 'UTF-8', file, '-'])
  const pages = text.split('\f')
  if (pages.at(-1)?.trim() === '') pages.pop()
  return pages
}

/** Removes all white space, so text compares across line breaks and Han–Latin spacing. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '')
}
