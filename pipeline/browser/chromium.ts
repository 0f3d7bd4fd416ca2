/**
 * The one module that imports puppeteer: it starts Chromium and drives its pages, and gives
 * the rest of the pipeline small interfaces of its own (a browser, a tab), so that nothing
 * else depends on puppeteer's API or its version.
 */
import type { ChildProcess } from 'node:child_process'
import puppeteer, { type Browser, type Page, type PDFOptions, type Protocol } from 'puppeteer-core'

/** What a tab answers a request with: a file (status, type, body in base64), or undefined to refuse it. */
export interface Reply {
  status: number
  type: string
  base64: string
}

/** How to start the browser. */
export interface LaunchSettings {
  executablePath: string
  /** The profile folder. */
  userDataDir: string
  args: string[]
  env: NodeJS.ProcessEnv
  /** Let puppeteer kill Chromium and end the process on Ctrl-C (SIGINT). */
  closeOnSignals: boolean
}

export interface ChromiumTab {
  /** Loads `url` (answered through the tab's request handler), up to `timeout` ms, in a window of `viewport` when given. */
  load(url: string, timeout: number, viewport?: { width: number; height: number }): Promise<void>
  pdf(options: Pick<PDFOptions, 'outline' | 'tagged'>): Promise<Uint8Array>
  /** Captures `count` frames of `width` × `height` pixels, one above the other, once the fonts are in, as PNGs. */
  screenshots(width: number, height: number, count: number): Promise<Uint8Array[]>
  close(): Promise<void>
}

export interface Chromium {
  /** Opens a tab whose every request goes to `answer` (undefined: refused); no script runs in it. */
  newTab(answer: (url: string) => Reply | undefined): Promise<ChromiumTab>
  /** The browser's main process, which leads its process group. */
  process(): ChildProcess | null
  close(): Promise<void>
}

/** Starts Chromium. */
export async function launchChromium(settings: LaunchSettings): Promise<Chromium> {
  const browser = await puppeteer.launch({
    executablePath: settings.executablePath,
    headless: true,
    userDataDir: settings.userDataDir,
    handleSIGINT: settings.closeOnSignals,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // No first window: its empty page would start a renderer that no job uses.
    waitForInitialPage: false,
    ignoreDefaultArgs: ['about:blank'],
    // Talk over a pipe, not a TCP port: nothing else on the machine can reach the browser,
    // and Chromium exits by itself when the pipe closes, even if this process is killed.
    pipe: true,
    protocolTimeout: 120_000,
    args: settings.args,
    env: settings.env
  })
  return {
    newTab: (answer) => openTab(browser, answer),
    process: () => browser.process(),
    close: () => browser.close()
  }
}

/**
 * Opens a page that runs no script and sends no request: every request stops at the Fetch
 * domain and is answered by `answer`, or refused.
 */
async function openTab(browser: Browser, answer: (url: string) => Reply | undefined): Promise<ChromiumTab> {
  const page = await browser.newPage()
  try {
    await page.setJavaScriptEnabled(false)
    // The same URLs carry other files in the next job (or the next preview build): never from a cache.
    await page.setCacheEnabled(false)
    const client = await page.createCDPSession()
    client.on('Fetch.requestPaused', (event: Protocol.Fetch.RequestPausedEvent) => {
      const reply = answer(event.request.url)
      const sent = reply
        ? client.send('Fetch.fulfillRequest', {
            requestId: event.requestId,
            responseCode: reply.status,
            responseHeaders: [{ name: 'Content-Type', value: reply.type }],
            body: reply.base64
          })
        : client.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'BlockedByClient' })
      // The page may be gone (a failed build closing the browser): nothing is left to answer.
      sent.catch(() => undefined)
    })
    await client.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] })
  } catch (error) {
    await page.close().catch(() => undefined)
    throw error
  }
  return tabOf(page)
}

function tabOf(page: Page): ChromiumTab {
  return {
    async load(url, timeout, viewport) {
      if (viewport) await page.setViewport({ ...viewport, deviceScaleFactor: 1 })
      await page.goto(url, { waitUntil: 'load', timeout })
    },
    pdf: (options) =>
      page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        // Waits for document.fonts.ready itself.
        waitForFonts: true,
        timeout: 120_000,
        ...options
      }),
    async screenshots(width, height, count) {
      await page.evaluateHandle('document.fonts.ready').catch(() => undefined)
      // A page captures only while it is the one in front (the printer takes turns).
      await page.bringToFront()
      const pngs: Uint8Array[] = []
      for (let frame = 0; frame < count; frame++) {
        pngs.push(await page.screenshot({ type: 'png', clip: { x: 0, y: frame * height, width, height }, captureBeyondViewport: false }))
      }
      return pngs
    },
    close: () => page.close()
  }
}
