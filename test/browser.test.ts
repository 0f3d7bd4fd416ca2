/**
 * The one module that drives Chromium: it serves a page only the build's own files, runs no script, and refuses every other request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BlockedRequestError, openPrinter, type Printer } from '../pipeline/browser/printer.js'
import { startCanaryServer, type CanaryServer } from './support/canary-server.js'
import { tool } from './support/run.js'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { temporaryFolder } from './support/run.js'

let server: CanaryServer
let printer: Printer

beforeAll(async () => {
  server = await startCanaryServer()
  printer = await openPrinter()
})
afterAll(async () => {
  await printer.close()
  await server.close()
})

const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`

describe('print()', () => {
  it('prints a page with the files it was given', async () => {
    const pdf = await printer.print({ html: page('<p>Hello 你好</p>'), assets: new Map(), pdf: {} })
    const file = path.join(await temporaryFolder(), 'hello.pdf')
    await writeFile(file, pdf)
    expect(await tool('pdftotext', [file, '-'])).toContain('Hello')
  })

  it('refuses a remote image, stylesheet or font, and sends no request', async () => {
    const base = `http://127.0.0.1:${server.port}`
    const job = {
      html: page(
        `<link rel="stylesheet" href="${base}/style.css"><style>@font-face{font-family:x;src:url(${base}/font.woff2)} p{font-family:x}</style><img src="${base}/banner.png"><p>text</p>`
      ),
      assets: new Map(),
      pdf: {}
    }
    const error = await printer.print(job).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(BlockedRequestError)
    expect((error as BlockedRequestError).urls.sort()).toEqual([`${base}/banner.png`, `${base}/font.woff2`, `${base}/style.css`])
    expect(server.requests).toEqual([])
  })

  it('opens no connection for a preconnect, a dns-prefetch or a refresh, which request interception never sees', async () => {
    const base = `127.0.0.1:${server.port}`
    const head = `<link rel="preconnect" href="https://${base}/"><link rel="preconnect" href="http://${base}/"><link rel="dns-prefetch" href="//${base}/"><meta http-equiv="refresh" content="0;url=http://${base}/refresh">`
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head><body><p>text</p></body></html>`
    await printer.print({ html, assets: new Map(), pdf: {} }).catch(() => undefined)
    // A preconnect is made at once, but give a slow one its time.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(server.connections).toBe(0)
    expect(server.requests).toEqual([])
  })

  it('serves each job its own files, though pages are reused and the URLs repeat', async () => {
    const texts: string[] = []
    for (const word of ['first', 'second', 'third']) {
      const pdf = await printer.print({
        html: page('<link rel="stylesheet" href="style.css"><p>job</p>'),
        assets: new Map([['style.css', new TextEncoder().encode(`p::after { content: " ${word}" }`)]]),
        pdf: {}
      })
      const file = path.join(await temporaryFolder(), `${word}.pdf`)
      await writeFile(file, pdf)
      texts.push((await tool('pdftotext', [file, '-'])).trim())
    }
    expect(texts).toEqual(['job first', 'job second', 'job third'])
  })

  it('starts no process for browser furniture: only the pages it prints in', async () => {
    await printer.print({ html: page('<p>job</p>'), assets: new Map(), pdf: {} })
    // Chromium 156 preloads its address bar's dropdown (a WebUI page) into a renderer of its
    // own when a tab opens: 0.8 s of processor time a build, for a toolbar no one sees.
    const renderers = (await chromiumCommandLines()).filter((line) => line.includes('--type=renderer'))
    expect(renderers.length).toBeGreaterThan(0)
    expect(renderers.filter((line) => line.includes('--top-chrome-webui'))).toEqual([])
  })

  it("draws nothing in the machine's fonts, not even text no page font covers", async () => {
    // No @font-face at all: the default serif, a sans-serif, a monospace, and a snowman.
    const pdf = await printer.print({
      html: page('<p>Serif</p><p style="font-family: sans-serif">Sans ☃</p><p style="font-family: monospace">Mono 香港</p>'),
      assets: new Map(),
      pdf: {}
    })
    const file = path.join(await temporaryFolder(), 'system-fonts.pdf')
    await writeFile(file, pdf)
    const fonts = (await tool('pdffonts', [file])).split('\n').slice(2).filter(Boolean).map((line) => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''))
    expect(fonts.length).toBeGreaterThan(0)
    for (const font of fonts) expect(font).toMatch(/^(SourceSerif4|NotoSerifHK)-(Regular|Bold)$/)
  })

  it('runs no script in the page', async () => {
    const base = `http://127.0.0.1:${server.port}`
    const pdf = await printer.print({
      html: page(`<p id="p">before</p><script>document.getElementById('p').textContent = 'script ran'; new Image().src = '${base}/ran'</script>`),
      assets: new Map(),
      pdf: {}
    })
    const file = path.join(await temporaryFolder(), 'script.pdf')
    await writeFile(file, pdf)
    const text = await tool('pdftotext', [file, '-'])
    expect(text).toContain('before')
    expect(text).not.toContain('script ran')
    expect(server.requests).toEqual([])
  })
})

/** The command lines of the Chromium processes charter started (their profile is in a charter-XXXXXX scratch folder). */
async function chromiumCommandLines(): Promise<string[]> {
  const lines: string[] = []
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const line = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
    if (/charter-\w{6}\/profile/.test(line)) lines.push(line.split('\0').join(' '))
  }
  return lines
}
