/**
 * The one module that drives Chromium. A build opens one browser, prints every PDF
 * through it in its own page, and closes it on every path. Pages are served from a
 * made-up origin (`https://charter.invalid/`) whose every file is answered from memory
 * or disk; any other request is refused, so printing never touches the network.
 */
import { existsSync, rmSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import puppeteer, { type Browser, type Page, type PDFOptions, type Protocol } from 'puppeteer-core'
import { BrowserError, BrowserNotFoundError, CharterError } from './errors.js'
import { loadFonts } from './fonts.js'
import { makeScratchFolder } from './scratch-folder.js'

/** The origin pages are served from. `.invalid` can never resolve, should anything leak. */
export const pageOrigin = 'https://charter.invalid/'

/** A page to print: its HTML and the files it may load, by URL relative to the page. */
export interface PrintJob {
  html: string
  /** Relative URL (`fonts/x.ttf`) to the file's bytes. */
  assets: ReadonlyMap<string, Uint8Array>
  pdf: Pick<PDFOptions, 'outline' | 'tagged'>
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
  screenshots(job: Pick<PrintJob, 'html' | 'assets'>, size: ScreenSize, count: number): Promise<Uint8Array[]>
  close(): Promise<void>
}

const knownPaths = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
]

/** Finds Chromium: PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, then the usual install paths. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, usualPaths: string[] = knownPaths): string {
  const candidates = [env.PUPPETEER_EXECUTABLE_PATH, env.CHROME_PATH].filter((value): value is string => Boolean(value))
  const tried = [...candidates, ...usualPaths]
  const found = tried.find((candidate) => existsSync(candidate))
  if (!found) throw new BrowserNotFoundError(tried)
  return found
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
}

/** Launches the browser. Call `close()` in a `finally`: it is safe to call twice. */
export async function openPrinter({ closeOnSignals = true }: PrinterOptions = {}): Promise<Printer> {
  const executablePath = findBrowser()
  // The browser's profile and its own temporary files (shared memory) live in one folder of
  // the build's, deleted by close() once the browser has exited.
  const scratch = makeScratchFolder()
  // Should the process end before close() (puppeteer's own Ctrl-C handler ends it at once),
  // the folder still goes with it: it held a 2 MB profile after every Ctrl-C.
  const removeScratch = () => rmSync(scratch, { recursive: true, force: true })
  process.once('exit', removeScratch)
  let browser: Browser
  try {
    const fontconfig = await pinFontconfig(scratch)
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir: path.join(scratch, 'profile'),
      handleSIGINT: closeOnSignals,
      handleSIGTERM: false,
      handleSIGHUP: false,
      // No first window: its empty page would start a renderer that no job uses.
      waitForInitialPage: false,
      ignoreDefaultArgs: ['about:blank'],
      // Talk over a pipe, not a TCP port: nothing else on the machine can reach the browser,
      // and Chromium exits by itself when the pipe closes, even if this process is killed.
      pipe: true,
      protocolTimeout: 120_000,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--disable-extensions',
        '--font-render-hinting=none',
        '--no-startup-window',
        // No name is ever looked up, and no connection opened: a page's every request is
        // answered from memory (see answer()), but Chromium opens the connections that
        // <link rel=preconnect> and dns-prefetch ask for without a request anyone can see.
        '--host-resolver-rules=MAP * ~NOTFOUND',
        // Crash reports went to ~/.config/chromium/Crash Reports, naming the build's folders
        // and so the user; they stay in the scratch folder, deleted with it.
        `--crash-dumps-dir=${path.join(scratch, 'crashes')}`,
        '--disable-breakpad',
        // Chromium 156 preloads the address bar's dropdown, a web page of its own, into a
        // renderer of its own as soon as a tab opens: 0.8 s of processor time per build
        // (renderer and browser) on a toolbar no one sees.
        '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'
      ],
      env: { ...machineEnv(), ...homeIn(scratch), TZ: 'UTC', LANG: 'C.UTF-8', TMPDIR: scratch, FONTCONFIG_FILE: fontconfig }
    })
  } catch (error) {
    process.off('exit', removeScratch)
    await rm(scratch, { recursive: true, force: true })
    if (error instanceof CharterError) throw error
    throw new BrowserError(`Chromium at ${executablePath} did not start: ${(error as Error).message.split('\n')[0]}`)
  }
  const files = new AssetCache()

  // Pages are kept open and reused, each serving one job at a time: opening a page starts a
  // renderer process, which cost a build more than laying out its smaller pages did.
  const idle: Tab[] = []
  let open = 0
  const waiting: Array<(tab: Tab | undefined) => void> = []
  /** Gives a free tab to the first job waiting, or keeps it for the next; undefined: one fewer is open. */
  const release = (tab: Tab | undefined) => {
    const next = waiting.shift()
    if (next) next(tab)
    else if (tab) idle.push(tab)
  }
  async function withTab<T>(use: (tab: Tab) => Promise<T>): Promise<T> {
    let tab = idle.pop()
    if (!tab && open >= maxTabs) tab = await new Promise<Tab | undefined>((resolve) => waiting.push(resolve))
    if (!tab) {
      open++
      tab = await openTab(browser, files).catch((error: unknown) => {
        open--
        throw error
      })
    }
    let reusable = false
    try {
      const result = await use(tab)
      reusable = true
      return result
    } finally {
      tab.job = undefined
      tab.blocked = []
      if (reusable) release(tab)
      else {
        open--
        release(undefined)
        await tab.page.close().catch(() => undefined)
      }
    }
  }
  // The tabs open while the build is still reading and checking the source.
  const opening: Array<Promise<void>> = []
  for (let index = 0; index < maxTabs; index++) {
    open++
    opening.push(
      openTab(browser, files).then(release, () => {
        open--
        release(undefined)
      })
    )
  }

  /** Loads `job` in the tab (callers then check what it asked for and was refused). */
  async function load(tab: Tab, job: Pick<PrintJob, 'html' | 'assets'>) {
    tab.job = job
    await tab.page.goto(pageOrigin + 'index.html', { waitUntil: 'load', timeout: 60_000 })
  }

  let screenshots: Promise<unknown> = Promise.resolve()
  function capture(job: Pick<PrintJob, 'html' | 'assets'>, { width, height }: ScreenSize, count: number): Promise<Uint8Array[]> {
    return withTab(async (tab) => {
      await tab.page.setViewport({ width, height: height * count, deviceScaleFactor: 1 })
      await load(tab, job)
      await tab.page.evaluateHandle('document.fonts.ready').catch(() => undefined)
      await tab.page.bringToFront()
      const pngs: Uint8Array[] = []
      for (let frame = 0; frame < count; frame++) {
        pngs.push(await tab.page.screenshot({ type: 'png', clip: { x: 0, y: frame * height, width, height }, captureBeyondViewport: false }))
      }
      if (tab.blocked.length > 0) throw new BlockedRequestError(tab.blocked)
      return pngs
    })
  }

  return {
    print(job) {
      return withTab(async (tab) => {
        await load(tab, job)
        const pdf = await tab.page.pdf({
          preferCSSPageSize: true,
          printBackground: true,
          // Waits for document.fonts.ready itself.
          waitForFonts: true,
          timeout: 120_000,
          ...job.pdf
        })
        if (tab.blocked.length > 0) throw new BlockedRequestError(tab.blocked)
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
      await Promise.all(opening)
      // Every job is done: the browser has nothing left to save (its profile is a temporary
      // folder), so it is stopped at once, with every process of its group, instead of shutting
      // down in order (0.1 s at the end of each build).
      const child = browser.process()
      const exited = child && child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined
      if (child?.pid) {
        try {
          process.kill(-child.pid, 'SIGKILL')
        } catch {
          // Already gone.
        }
      }
      await exited
      await browser.close().catch(() => undefined)
      // The group's other processes die a moment after its leader; one still writing while
      // the folder is removed left it behind (seen once in a full test run on a busy machine).
      if (child?.pid) await groupGone(child.pid, 500)
      await rm(scratch, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 })
      process.off('exit', removeScratch)
    }
  }
}

/**
 * Chromium finds fonts, and how to draw them, through fontconfig, which reads the machine's
 * settings: Debian's, a desktop's, or a user's own ~/.config/fontconfig. Those reach the
 * layout. Full hinting, say, moved a line break in every Chinese paragraph of the reading
 * edition, so the same source printed differently on two machines. The browser gets a
 * fontconfig of its own instead: the project's four faces (fonts/fonts.json) as its only
 * fonts, so a character they lack can never be drawn from a system font, and drawing
 * settings written out here (Debian's defaults, so the files stayed byte for byte the same).
 * Returns the configuration file's path; it and fontconfig's cache live in `scratch`.
 */
async function pinFontconfig(scratch: string): Promise<string> {
  const fonts = path.join(scratch, 'fonts')
  await mkdir(fonts)
  // Links to the exact files, not the packages' folders, which hold other weights.
  for (const face of (await loadFonts()).faces) await symlink(face.file, path.join(fonts, `${face.slug}.ttf`))
  const file = path.join(scratch, 'fonts.conf')
  await writeFile(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>${xmlText(fonts)}</dir>
  <cachedir>${xmlText(path.join(scratch, 'fontconfig-cache'))}</cachedir>
  <match target="font">
    <edit name="antialias" mode="assign"><bool>true</bool></edit>
    <edit name="hinting" mode="assign"><bool>true</bool></edit>
    <edit name="hintstyle" mode="assign"><const>hintslight</const></edit>
    <edit name="autohint" mode="assign"><bool>false</bool></edit>
    <edit name="rgba" mode="assign"><const>none</const></edit>
    <edit name="lcdfilter" mode="assign"><const>lcddefault</const></edit>
    <edit name="embeddedbitmap" mode="assign"><bool>false</bool></edit>
  </match>
</fontconfig>
`
  )
  return file
}

/** The environment without the fontconfig variables that would move or add to the browser's own. */
function machineEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const name of ['FONTCONFIG_PATH', 'FONTCONFIG_SYSROOT', 'FC_DEBUG']) delete env[name]
  return env
}

/**
 * A home of the browser's own in `scratch`: Chromium and the libraries it loads (GLib's dconf,
 * NSS) write caches and settings under HOME and the XDG folders, which outlive the build.
 */
function homeIn(scratch: string): NodeJS.ProcessEnv {
  const home = path.join(scratch, 'home')
  return {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    GSETTINGS_BACKEND: 'memory'
  }
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * Resolves when no live process of group `id` is left, or after `limit` ms. Read from /proc
 * (Linux): a killed process stays a zombie until reaped, which some containers do late,
 * and a zombie writes nothing. Elsewhere it resolves at once.
 */
async function groupGone(id: number, limit: number): Promise<void> {
  const until = performance.now() + limit
  while (performance.now() < until) {
    let alive = false
    try {
      for (const pid of await readdir('/proc')) {
        if (!/^\d+$/.test(pid)) continue
        const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        if (Number(fields[2]) === id && fields[0] !== 'Z' && fields[0] !== 'X') {
          alive = true
          break
        }
      }
    } catch {
      return
    }
    if (!alive) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Pages open at once: as many as keep two cores busy without a renderer for every job. */
const maxTabs = 2

/** An open page and the job it is serving. */
interface Tab {
  page: Page
  job: Pick<PrintJob, 'html' | 'assets'> | undefined
  /** URLs the current job's page asked for and was refused. */
  blocked: string[]
}

/**
 * Opens a page that runs no script and sends no request: every request stops at the Fetch
 * domain and is answered from the job's files, or refused.
 */
async function openTab(browser: Browser, files: AssetCache): Promise<Tab> {
  const page = await browser.newPage()
  const tab: Tab = { page, job: undefined, blocked: [] }
  try {
    await page.setJavaScriptEnabled(false)
    // The same URLs carry other files in the next job (or the next preview build): never from a cache.
    await page.setCacheEnabled(false)
    const client = await page.createCDPSession()
    client.on('Fetch.requestPaused', (event: Protocol.Fetch.RequestPausedEvent) => {
      const reply = answer(tab, event.request.url, files)
      const sent = reply
        ? client.send('Fetch.fulfillRequest', { requestId: event.requestId, ...reply })
        : client.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'BlockedByClient' })
      // The page may be gone (a failed build closing the browser): nothing is left to answer.
      sent.catch(() => undefined)
    })
    await client.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] })
  } catch (error) {
    await page.close().catch(() => undefined)
    throw error
  }
  return tab
}

type Reply = Omit<Protocol.Fetch.FulfillRequestRequest, 'requestId'>

/** The reply to a request of the tab's page: one of its job's files, or undefined (refused). */
function answer(tab: Tab, url: string, files: AssetCache): Reply | undefined {
  const job = tab.job
  const relative = url.startsWith(pageOrigin) ? decodeURIComponent(url.slice(pageOrigin.length)) : undefined
  if (job && relative === 'index.html') return reply(200, 'text/html; charset=utf-8', Buffer.from(job.html, 'utf8').toString('base64'))
  // Chromium asks for a favicon by itself; it is no request of the document's.
  if (relative === 'favicon.ico') return reply(404, 'text/plain', '')
  const asset = relative === undefined ? undefined : job?.assets.get(relative)
  if (asset === undefined) {
    tab.blocked.push(url)
    return undefined
  }
  return reply(200, contentType(relative!), files.base64(asset))
}

function reply(status: number, type: string, body: string): Reply {
  return { responseCode: status, responseHeaders: [{ name: 'Content-Type', value: type }], body }
}

/**
 * Every file served, kept as base64 however many pages ask for it. Held weakly: a preview
 * keeps its browser for many builds, each with files of its own.
 */
class AssetCache {
  readonly #encoded = new WeakMap<Uint8Array, string>()

  base64(bytes: Uint8Array): string {
    let encoded = this.#encoded.get(bytes)
    if (encoded === undefined) {
      encoded = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
      this.#encoded.set(bytes, encoded)
    }
    return encoded
  }
}

function contentType(name: string): string {
  if (name.endsWith('.woff2')) return 'font/woff2'
  if (name.endsWith('.ttf')) return 'font/ttf'
  if (name.endsWith('.css')) return 'text/css'
  if (name.endsWith('.png')) return 'image/png'
  if (name.endsWith('.svg')) return 'image/svg+xml'
  return 'application/octet-stream'
}
