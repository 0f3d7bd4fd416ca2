/**
 * The one module that drives Chromium. A build opens one browser, prints every PDF
 * through it in its own page, and closes it on every path. Pages are served from a
 * made-up origin (`https://charter.invalid/`) whose every file is answered from memory
 * or disk; any other request is refused, so printing never touches the network.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import puppeteer, { type Browser, type HTTPRequest, type PDFOptions } from 'puppeteer-core'
import { BrowserError, BrowserNotFoundError } from './errors.js'

/** The origin pages are served from. `.invalid` can never resolve, should anything leak. */
export const pageOrigin = 'https://charter.invalid/'

/** A file a page may load: a path on disk, bytes, or a function that makes the bytes (called once per build). */
export type Asset = string | Uint8Array | (() => Promise<Uint8Array>)

/** A page to print: its HTML and the files it may load, by URL relative to the page. */
export interface PrintJob {
  html: string
  /** Relative URL (`fonts/x.woff2`) to the file's path, bytes or maker. */
  assets: ReadonlyMap<string, Asset>
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
  /** Renders the page at `size` to a PNG (the EPUB cover); the same job gives the same bytes. */
  screenshot(job: Pick<PrintJob, 'html' | 'assets'>, size: ScreenSize): Promise<Uint8Array>
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
   * Let puppeteer close Chromium itself on SIGINT, SIGTERM and SIGHUP (on SIGINT it also ends
   * the process at once). Default true. The preview passes false and closes the browser in
   * order on Ctrl-C, so Chromium leaves no profile folder behind.
   */
  closeOnSignals?: boolean
}

/** Launches the browser. Call `close()` in a `finally`: it is safe to call twice. */
export async function openPrinter(signal?: AbortSignal, { closeOnSignals = true }: PrinterOptions = {}): Promise<Printer> {
  const executablePath = findBrowser()
  let browser: Browser
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      handleSIGINT: closeOnSignals,
      handleSIGTERM: closeOnSignals,
      handleSIGHUP: closeOnSignals,
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
        '--font-render-hinting=none'
      ],
      // The machine's fonts never stand in: every face comes from fonts/ (see fonts.ts).
      env: { ...process.env, TZ: 'UTC', LANG: 'C.UTF-8' }
    })
  } catch (error) {
    throw new BrowserError(`Chromium at ${executablePath} did not start: ${(error as Error).message.split('\n')[0]}`)
  }
  const closeOnAbort = () => void browser.close().catch(() => undefined)
  // Font files are read once per build, however many pages ask for them.
  const cache = new Map<Asset, Promise<Uint8Array>>()
  signal?.addEventListener('abort', closeOnAbort, { once: true })

  let screenshots: Promise<unknown> = Promise.resolve()
  async function capture(job: Pick<PrintJob, 'html' | 'assets'>, { width, height }: ScreenSize): Promise<Uint8Array> {
    const page = await browser.newPage()
    const blocked: string[] = []
    try {
      await page.setJavaScriptEnabled(false)
      await page.setViewport({ width, height, deviceScaleFactor: 1 })
      await page.setRequestInterception(true)
      page.on('request', (request) => void answer(request, job, blocked, cache))
      await page.goto(pageOrigin + 'index.html', { waitUntil: 'load', timeout: 60_000 })
      await page.bringToFront()
      await page.evaluateHandle('document.fonts.ready').catch(() => undefined)
      const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height }, captureBeyondViewport: false })
      if (blocked.length > 0) throw new BlockedRequestError(blocked)
      return png
    } finally {
      await page.close().catch(() => undefined)
    }
  }

  return {
    async print(job) {
      const page = await browser.newPage()
      const blocked: string[] = []
      try {
        await page.setJavaScriptEnabled(false)
        await page.setRequestInterception(true)
        page.on('request', (request) => void answer(request, job, blocked, cache))
        await page.goto(pageOrigin + 'index.html', { waitUntil: 'load', timeout: 60_000 })
        await page.evaluateHandle('document.fonts.ready').catch(() => undefined)
        const pdf = await page.pdf({
          preferCSSPageSize: true,
          printBackground: true,
          waitForFonts: true,
          timeout: 120_000,
          ...job.pdf
        })
        if (blocked.length > 0) throw new BlockedRequestError(blocked)
        return pdf
      } finally {
        await page.close().catch(() => undefined)
      }
    },
    screenshot(job, size) {
      // A page captures only while it is the one in front, so screenshots take turns.
      const turn = screenshots.then(() => capture(job, size))
      screenshots = turn.catch(() => undefined)
      return turn
    },
    async close() {
      signal?.removeEventListener('abort', closeOnAbort)
      await browser.close().catch(() => undefined)
    }
  }
}

async function answer(request: HTTPRequest, job: Pick<PrintJob, 'html' | 'assets'>, blocked: string[], cache: Map<Asset, Promise<Uint8Array>>) {
  const url = request.url()
  if (url.startsWith('data:')) return request.continue()
  const relative = url.startsWith(pageOrigin) ? decodeURIComponent(url.slice(pageOrigin.length)) : undefined
  if (relative === 'index.html') {
    return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: job.html })
  }
  // Chromium asks for a favicon by itself; it is no request of the document's.
  if (relative === 'favicon.ico') return request.respond({ status: 404, body: '' })
  const asset = relative === undefined ? undefined : job.assets.get(relative)
  if (asset === undefined) {
    blocked.push(url)
    return request.abort('blockedbyclient')
  }
  if (!cache.has(asset)) cache.set(asset, typeof asset === 'string' ? readFile(asset) : typeof asset === 'function' ? asset() : Promise.resolve(asset))
  const body = Buffer.from(await cache.get(asset)!)
  return request.respond({ status: 200, contentType: contentType(relative!), body })
}

function contentType(name: string): string {
  if (name.endsWith('.woff2')) return 'font/woff2'
  if (name.endsWith('.css')) return 'text/css'
  if (name.endsWith('.png')) return 'image/png'
  if (name.endsWith('.svg')) return 'image/svg+xml'
  return 'application/octet-stream'
}
