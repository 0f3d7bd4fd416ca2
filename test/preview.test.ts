/**
 * `charter preview` as an editor uses it: started on a copy of the source, the page open in
 * a real headless Chromium, then a clause edited, the text broken, and mended. The times
 * from saving to seeing the change are printed and checked; at the end Ctrl-C must take
 * the preview, its browser and its temporary files away.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { get as httpGet, type IncomingHttpHeaders } from 'node:http'
import { readdirSync, readFileSync } from 'node:fs'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDocument } from '../pipeline/source/load-document.js'
import { readSource } from '../pipeline/source/read-source.js'
import { launchTestBrowser } from './support/chromium.js'
import { charterBin, copySource, projectRoot, squash, temporaryFolder, tool } from './support/run.js'

const original = 'The Hong Kong resistance shall be making allies and not enemies.'
const edited = 'The Hong Kong resistance shall be making friends and never enemies.'
/**
 * The targets of issue 8 on a quiet 2-core machine. `npm test` runs two test files at a time,
 * each with its own Chromium, so the checks allow six times as long; the figures are printed.
 */
const targets = { web: 0.5, reading: 1.5 }
const slack = 6

let source: string
let english: string
let tmp: string
let preview: ChildProcess
let url: string
let output = ''
let browser: Browser
let page: Page

beforeAll(async () => {
  source = await copySource()
  english = path.join(source, 'en.md')
  tmp = await temporaryFolder('charter-preview-tmp-')
  preview = spawn(process.execPath, [charterBin, 'preview', '--source', source, '--port', '0'], {
    cwd: projectRoot,
    env: { ...process.env, CI: 'true', TMPDIR: tmp }
  })
  preview.stdout!.on('data', (chunk) => (output += chunk))
  preview.stderr!.on('data', (chunk) => (output += chunk))
  url = await new Promise<string>((resolve, reject) => {
    const look = () => {
      const found = /Preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (found) resolve(found[1])
    }
    preview.stdout!.on('data', look)
    preview.once('exit', (code) => reject(new Error(`preview exited with ${code}:\n${output}`)))
  })
  browser = await launchTestBrowser()
  page = await browser.newPage()
  await page.setViewport({ width: 1024, height: 900 })
  await page.goto(url, { waitUntil: 'load' })
})

afterAll(async () => {
  await browser?.close()
  if (preview && preview.exitCode === null && preview.signalCode === null) preview.kill('SIGKILL')
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

/** Seconds from `start` until the page's visible text satisfies `test`. */
async function pageSettles(start: number, test: string): Promise<number> {
  await page.waitForFunction(test, { timeout: 30_000, polling: 20 })
  return (performance.now() - start) / 1000
}

const mainText = (words: string) => `document.querySelector('main')?.innerText.includes(${JSON.stringify(words)})`
const problemShown = `document.getElementById('charter-preview-problems') !== null`

describe('charter preview', () => {
  it('serves the web edition on 127.0.0.1 with links to the printed files', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(await page.evaluate(mainText(original))).toBe(true)
    const links = await page.$$eval('#charter-preview-files a', (all) => all.map((link) => link.textContent))
    expect(links).toContain('charter-reading-a4.pdf')
  })

  it(`shows a one-clause edit in the page within ${targets.web} s and in the reading PDF within ${targets.reading} s`, async () => {
    const pdfUrl = `${url}charter-reading-a4.pdf`
    const before = Buffer.from(await (await fetch(pdfUrl)).arrayBuffer())
    const start = performance.now()
    await writeFile(english, (await readFile(english, 'utf8')).replace(original, edited))
    const web = await pageSettles(start, mainText(edited))
    let reading = Infinity
    while (performance.now() - start < 30_000) {
      const bytes = Buffer.from(await (await fetch(pdfUrl)).arrayBuffer())
      if (!bytes.equals(before)) {
        reading = (performance.now() - start) / 1000
        const file = path.join(tmp, 'reading.pdf')
        await writeFile(file, bytes)
        expect(squash(await tool('pdftotext', ['-enc', 'UTF-8', file, '-']))).toContain(squash(edited))
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    console.log(`preview: edit to page ${web.toFixed(2)} s, to reading PDF ${reading.toFixed(2)} s (targets ${targets.web} s, ${targets.reading} s)`)
    expect(web).toBeLessThan(targets.web * slack)
    expect(reading).toBeLessThan(targets.reading * slack)
  })

  it('shows a broken source as a panel at file:line:col over the last good page', async () => {
    const text = await readFile(english, 'utf8')
    const broken = text.replace(/^4\. The Hong Kong resistance/m, '40. The Hong Kong resistance')
    expect(broken).not.toBe(text)
    await writeFile(english, broken)
    const start = performance.now()
    // What the pipeline itself says about this text, to find in the panel.
    const read = await readSource(source)
    expect(loadDocument(read)).toBeUndefined()
    const first = read.files
      .flatMap((file) => file.messages.map((message) => ({ file: path.basename(file.path), message })))
      .find(({ message }) => message.fatal)!
    const seconds = await pageSettles(start, problemShown)
    console.log(`preview: broken source to panel ${seconds.toFixed(2)} s`)
    const panel = await page.$eval('#charter-preview-problems', (element) => (element as HTMLElement).innerText)
    expect(panel).toContain(`${first.file}:${first.message.line}:${first.message.column}`)
    expect(panel).toContain(first.message.reason)
    expect(panel).toContain(first.message.ruleId!)
    // The last good page is still there beneath the panel.
    expect(await page.evaluate(mainText(edited))).toBe(true)
  })

  it('takes the panel away once the source is mended', async () => {
    await writeFile(english, (await readFile(english, 'utf8')).replace(/^40\. The Hong Kong resistance/m, '4. The Hong Kong resistance'))
    await pageSettles(performance.now(), `!(${problemShown}) && ${mainText(edited)}`)
  })

  it('answers only its own pages: another site gets 403, and no page of it can be framed', async () => {
    const port = Number(new URL(url).port)
    const ask = (target: string, headers: Record<string, string>) =>
      new Promise<{ status: number; headers: IncomingHttpHeaders }>((resolve, reject) => {
        const request = httpGet({ host: '127.0.0.1', port, path: target, headers }, (response) => {
          response.resume()
          resolve({ status: response.statusCode!, headers: response.headers })
        })
        request.on('error', reject)
      })
    // A hostile page in the same browser: an image, a fetch, a frame of it.
    for (const headers of [{ 'Sec-Fetch-Site': 'cross-site' }, { 'Sec-Fetch-Site': 'same-site' }, { Origin: 'https://evil.example' }, { Referer: 'https://evil.example/page' }]) {
      for (const target of ['/', '/charter-reading-a4.pdf', '/__charter/events']) {
        expect((await ask(target, headers)).status, `${target} ${JSON.stringify(headers)}`).toBe(403)
      }
    }
    // The address typed or bookmarked, and the preview's own pages.
    for (const headers of [{ 'Sec-Fetch-Site': 'none' }, { 'Sec-Fetch-Site': 'same-origin' }, {}]) {
      const answer = await ask('/', headers)
      expect(answer.status).toBe(200)
      expect(answer.headers['x-frame-options']).toBe('DENY')
      expect(answer.headers['content-security-policy']).toMatch(/^default-src 'none';.*script-src 'nonce-[^']+'.*frame-ancestors 'none'/)
    }
    // The page still works under its policy: it reloads itself (its script ran) after an edit.
    expect(await page.evaluate(mainText(edited))).toBe(true)
  })

  it('stops on Ctrl-C and takes its browser and temporary files with it', async () => {
    const family = descendants(preview.pid!)
    expect(family.length).toBeGreaterThan(0)
    const exited = new Promise((resolve) => preview.once('exit', resolve))
    preview.kill('SIGINT')
    await exited
    const deadline = performance.now() + 10_000
    while (family.some(alive) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(family.filter(alive)).toEqual([])
    expect(await readdir(tmp).then((names) => names.filter((name) => name !== 'reading.pdf'))).toEqual([])
  })
})

/** Every process below `pid` (Chromium and its helpers), read from /proc. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(parent, [...(children.get(parent) ?? []), Number(name)])
    } catch {
      // The process ended while the table was read.
    }
  }
  const found: number[] = []
  const walk = (parent: number) => (children.get(parent) ?? []).forEach((child) => (found.push(child), walk(child)))
  walk(pid)
  return found
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ')
  } catch {
    return false
  }
}
