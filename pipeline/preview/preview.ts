/**
 * `charter preview`: builds the editions into a private temporary folder, serves them on
 * 127.0.0.1, and rebuilds on every saved change under source/, templates/ and fonts/.
 * One browser stays open for the whole session. Each change rebuilds the web edition at
 * once (the page reloads as soon as it is ready), then the reading PDF, then the rest; a
 * newer change stops the printed files' rebuild and starts again from the web edition.
 * When the text has an error nothing is replaced: the last good files stay, and the page
 * shows the problem.
 */
import { rmSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { VFile } from 'vfile'
import { openPrinter, type Printer } from '../browser/printer.js'
import { build } from '../build.js'
import { buildOptionsSchema } from '../build-options.js'
import { capped, reportProblems } from '../commands/report.js'
import { coalescingTask } from './coalescing-task.js'
import { makeScratchFolder } from '../system/scratch-folder.js'
import { editionIds, type EditionId } from '../editions/edition-ids.js'
import { CharterError, SourceFolderError } from '../errors.js'
import { fontsFolder } from '../fonts/fonts.js'
import type { PreviewState } from './preview-page.js'
import { startPreviewServer } from './preview-server.js'
import { watchFolders, type Watcher } from './preview-watcher.js'
import { templatesFolder } from '../markup/template.js'
import { webFolder } from '../editions/web/web-edition.js'

export interface PreviewOptions {
  source: string
  port: number
  paper?: 'a4' | 'letter'
  /** The browser to print with (--browser). */
  browser?: string
}

export interface Preview {
  url: string
  close(): Promise<void>
}

/** The printed files, in the order they are rebuilt after the web edition: the reading PDF first. */
const printPasses: EditionId[][] = [['reading'], editionIds.filter((id) => id !== 'web' && id !== 'reading')]

/** Starts the preview: opens the browser, builds once, serves, and watches. */
export async function startPreview(options: PreviewOptions, io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<Preview> {
  const buildOptions = buildOptionsSchema.parse({ source: options.source, paper: options.paper })
  if (!(await stat(options.source).catch(() => undefined))?.isDirectory()) throw new SourceFolderError(options.source)
  const temporary = makeScratchFolder()
  // Should the process end some other way than close(), the files still go with it.
  const removeTemporary = () => rmSync(temporary, { recursive: true, force: true })
  process.once('exit', removeTemporary)
  const state: PreviewState = { webGeneration: 0, printGeneration: 0, problems: [], files: [] }
  const printed = new Map<string, string>()
  let web: string | undefined
  let printer: Promise<Printer> | undefined
  let watcher: Watcher | undefined
  let closed = false

  /** The session's one browser; Ctrl-C reaches it through close(), not puppeteer's own handler. */
  const browser = () => (printer ??= openPrinter({ closeOnSignals: false, browser: options.browser }))
  const closeBrowser = async () => {
    const open = printer
    printer = undefined
    await (await open?.catch(() => undefined))?.close()
  }

  /** Builds `only` into `out`; true when it worked. Problems go to the terminal and the page. */
  async function pass(only: EditionId[], out: string): Promise<boolean> {
    const started = performance.now()
    try {
      const result = await build({ ...buildOptions, out, only, printer: await browser() })
      if (!result.manifest) return failed(reportProblems(result.files), problemLines(result.files.map(capped)))
      for (const entry of result.manifest) {
        if (entry.id === 'web') web = path.join(out, webFolder)
        else if (entry.format !== 'woff2') printed.set(entry.file, path.join(out, entry.file))
      }
    } catch (error) {
      if (closed) return false
      // A browser that failed once is not trusted again: the next pass opens a fresh one.
      await closeBrowser()
      const text = error instanceof CharterError ? error.message : `${(error as Error).message} (a fault in charter, not in your text)`
      return failed(error instanceof CharterError ? text : String((error as Error).stack), [text])
    }
    io.stdout.write(`  ${only.join(', ')} rebuilt in ${((performance.now() - started) / 1000).toFixed(2)} s\n`)
    return true
  }

  function failed(report: string, problems: string[]): false {
    io.stderr.write(report + '\n')
    state.problems = problems
    state.webGeneration++
    state.printGeneration++
    server.notify()
    return false
  }

  let webBuilding = false
  const webTask = coalescingTask(async () => {
    if (closed) return
    webBuilding = true
    const built = await pass(['web'], path.join(temporary, 'web-build'))
    webBuilding = false
    if (!built) return
    state.problems = []
    state.webGeneration++
    server.notify()
    void printTask.run()
  })
  const printTask = coalescingTask(async () => {
    for (const [index, only] of printPasses.entries()) {
      // A newer change is on its way through the web edition, which starts this again.
      if (closed || printTask.pending || webBuilding) return
      if (!(await pass(only, path.join(temporary, `print-build-${index}`)))) return
      state.files = [...printed.keys()].sort()
      state.printGeneration++
      server.notify()
    }
  })

  const server = await startPreviewServer(options.port, state, { webFolder: () => web, printed: (name) => printed.get(name) }).catch((error) => {
    removeTemporary()
    throw error
  })
  const close = async () => {
    closed = true
    watcher?.close()
    await server.close()
    // Closing the browser first ends a print in progress, so the build in flight stops at once.
    await closeBrowser()
    await Promise.all([webTask.current, printTask.current])
    await closeBrowser()
    removeTemporary()
    process.off('exit', removeTemporary)
  }
  try {
    await browser()
    watcher = watchFolders([path.resolve(options.source), templatesFolder, fontsFolder], () => void webTask.run())
    await webTask.run()
    await printTask.current
  } catch (error) {
    await close()
    throw error
  }
  return { url: server.url, close }
}

/** Each message as one line: `source/en.md:12:3  error  Clause 8 is missing ...  clause-missing`. */
function problemLines(files: VFile[]): string[] {
  return files.flatMap((file) =>
    file.messages.map((message) => {
      const place = message.line ? `:${message.line}:${message.column ?? 1}` : ''
      const severity = message.fatal ? 'error' : 'warning'
      return `${file.path}${place}  ${severity}  ${message.reason}${message.ruleId ? `  ${message.ruleId}` : ''}`
    })
  )
}
