/**
 * The build's printer: one Chromium, opened once per build, in which every PDF is printed
 * and every cover captured, and which is closed on every path. Pages are served from a
 * made-up origin whose every file is answered from memory; any other request is refused,
 * so printing never touches the network.
 */
import { accessSync, constants, rmSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { BrowserError, CharterError } from '../errors.js'
import { fontSet } from '../fonts/fonts.js'
import { makeScratchFolder } from '../system/scratch-folder.js'
import { browserEnv, browserFlags, pinFontconfig } from './browser-settings.js'
import { launchChromium, type ChromiumTab } from './chromium.js'
import { findBrowser, machineSearch } from './find-browser.js'
import { pageOrigin, type PageFiles } from './page-files.js'
import { killProcessGroup } from './process-group.js'
import { TabPool } from './tab-pool.js'

/** A page to print: its HTML, the files it may load, and how Chromium writes the PDF. */
export interface PrintJob extends PageFiles {
  pdf: { outline?: boolean; tagged?: boolean }
}

/** A request the page made that the build refused to serve. */
export class BlockedRequestError extends BrowserError {
  override name = 'BlockedRequestError'
  constructor(readonly urls: string[]) {
    super(`The page asked for files from outside the build, which were refused: ${urls.join(', ')}`)
  }
}

/** The size of a screenshot, in CSS pixels (one device pixel each). */
export interface ScreenSize {
  width: number
  height: number
}

export interface Printer {
  print(job: PrintJob): Promise<Uint8Array>
  /**
   * Renders a page of `count` frames of `size`, one above the other, to a PNG each (the EPUB
   * covers: one page load for all of them). The same job gives the same bytes.
   */
  screenshots(job: PageFiles, size: ScreenSize, count: number): Promise<Uint8Array[]>
  close(): Promise<void>
}

/** How the browser is opened. */
export interface PrinterOptions {
  /**
   * Let puppeteer kill Chromium and end the process at once on Ctrl-C (SIGINT). Default true.
   * The preview passes false and closes the browser in order on Ctrl-C. SIGTERM and SIGHUP
   * are the command's to handle (cli.ts stops the build, which closes the browser): puppeteer
   * closing it by itself as well, while a page was still opening, kept a build stopped by
   * SIGHUP alive for 30 s.
   */
  closeOnSignals?: boolean
  /** The browser named by --browser; default: CHARTER_BROWSER, else the first found (find-browser.ts). */
  browser?: string
}

/** Whether `file` may be run (its execute permission). */
function canRun(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Pages open at once: as many as keep two cores busy without a renderer for every job. */
const tabs = 2

/** Launches the browser. Call `close()` in a `finally`: it is safe to call twice. */
export async function openPrinter({ closeOnSignals = true, browser: named }: PrinterOptions = {}): Promise<Printer> {
  const executablePath = findBrowser(machineSearch(named))
  // A file that cannot be run made Node's spawn fail outside any promise, puppeteer's included.
  if (process.platform !== 'win32' && !canRun(executablePath)) {
    throw new BrowserError(`The browser at ${executablePath} is not a program this computer can run: is it Chrome, Chromium, Edge or Brave? Name another with --browser PATH.`)
  }
  // The browser's profile and its own temporary files (shared memory) live in one folder of
  // the build's, deleted by close() once the browser has exited.
  const scratch = makeScratchFolder()
  // Should the process end before close() (puppeteer's own Ctrl-C handler ends it at once),
  // the folder still goes with it: it held a 2 MB profile after every Ctrl-C.
  const removeScratch = () => rmSync(scratch, { recursive: true, force: true })
  process.once('exit', removeScratch)
  let browser
  try {
    const fontconfig = pinFontconfig(scratch, fontSet().faces)
    browser = await launchChromium({
      executablePath,
      userDataDir: path.join(scratch, 'profile'),
      args: browserFlags(scratch),
      env: browserEnv(scratch, fontconfig),
      closeOnSignals
    })
  } catch (error) {
    process.off('exit', removeScratch)
    await rm(scratch, { recursive: true, force: true })
    if (error instanceof CharterError) throw error
    throw new BrowserError(
      `The browser at ${executablePath} did not start (${(error as Error).message.split('\n')[0]}): is it Chrome, Chromium, Edge or Brave? Name another with --browser PATH, or update this one.`
    )
  }
  const pool = new TabPool(browser, tabs)

  /** Loads `job` in the tab, then checks what it asked for and was refused. */
  const load = async (tab: { tab: ChromiumTab; job: PageFiles | undefined }, job: PageFiles, viewport?: ScreenSize) => {
    tab.job = job
    await tab.tab.load(pageOrigin + 'index.html', 60_000, viewport)
  }

  let screenshots: Promise<unknown> = Promise.resolve()
  const capture = (job: PageFiles, { width, height }: ScreenSize, count: number) =>
    pool.withTab(async (tab) => {
      await load(tab, job, { width, height: height * count })
      const pngs = await tab.tab.screenshots(width, height, count)
      if (tab.refused.length > 0) throw new BlockedRequestError(tab.refused)
      return pngs
    })

  return {
    print(job) {
      return pool.withTab(async (tab) => {
        await load(tab, job)
        const pdf = await tab.tab.pdf(job.pdf)
        if (tab.refused.length > 0) throw new BlockedRequestError(tab.refused)
        return pdf
      })
    },
    screenshots(job, size, count) {
      // A page captures only while it is the one in front, so screenshots take turns.
      const turn = screenshots.then(() => capture(job, size, count))
      screenshots = turn.catch(() => undefined)
      return turn
    },
    async close() {
      // A page still opening when the browser closes leaves puppeteer waiting 30 s for it,
      // which kept a build that failed early (a missing source folder) from exiting.
      await pool.settled()
      // Every job is done: the browser has nothing left to save (its profile is a temporary
      // folder), so it is stopped at once, with every process of its group, instead of shutting
      // down in order (0.1 s at the end of each build).
      await killProcessGroup(browser.process())
      await browser.close().catch(() => undefined)
      await rm(scratch, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 })
      process.off('exit', removeScratch)
    }
  }
}
