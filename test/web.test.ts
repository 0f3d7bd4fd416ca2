/**
 * The web edition, built by the real command from a copy of the source (with one
 * signatory who asked not to be named), and read in a real Chromium with scripts off:
 * every clause in both languages, the language switch, the fonts beside the page, and
 * nothing that points off the reader's own device.
 */
import { readdir, readFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Document } from '../pipeline/source/document.js'
import { loadDocument } from '../pipeline/source/load-document.js'
import { readSource } from '../pipeline/source/read-source.js'
import { launchTestBrowser } from './support/chromium.js'
import { built, privateNames } from './support/builds.js'
import { squash } from './support/run.js'

const hidden = privateNames.web
let document: Document
let source: string
let out: string
let web: string
let html: string
let browser: Browser

beforeAll(async () => {
  source = (await built('private')).source
  document = loadDocument(await readSource(source))!
  out = (await built('private')).out
  web = path.join(out, 'web')
  html = await readFile(path.join(web, 'index.html'), 'utf8')
  browser = await launchTestBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const clauses = () => document.sections.flatMap((section) => section.clauses)

/** Opens the page from disk with scripts off; `requests` collects every URL it asked for. */
async function open(requests: string[] = [], failures: string[] = []): Promise<Page> {
  const page = await browser.newPage()
  await page.setJavaScriptEnabled(false)
  await page.setViewport({ width: 390, height: 844 })
  page.on('request', (request) => requests.push(request.url()))
  page.on('requestfailed', (request) => failures.push(request.url()))
  await page.goto(pathToFileURL(path.join(web, 'index.html')).href, { waitUntil: 'load' })
  await page.evaluate('document.fonts.ready')
  return page
}

const visibleText = (page: Page) => page.$eval('main', (main) => (main as HTMLElement).innerText)

describe('the web edition', () => {
  it('holds every clause, the criteria and the public signatories in both languages, and no private one', async () => {
    const page = await open()
    const text = squash(await visibleText(page))
    const missing = clauses().flatMap((clause) =>
      Object.entries(clause.text).filter(([, fragment]) => !text.includes(squash(fragment.text))).map(([lang]) => `${clause.number} ${lang}`)
    )
    expect(missing).toEqual([])
    expect(clauses()).toHaveLength(25)
    for (const item of document.criteria!.items) for (const fragment of Object.values(item)) expect(text).toContain(squash(fragment.text))
    for (const signatory of document.signatories.individuals.filter((one) => one.public)) expect(text).toContain(squash(signatory.name!))
    expect(html).not.toContain('PRIVATE-PERSON')
    expect(await page.$eval('html', (root) => root.lang)).toBe('en')
    expect(await page.$$eval('.part[lang="zh-Hant-HK"]', (parts) => parts.length)).toBeGreaterThan(25)
    await page.close()
  })

  it('switches between both languages, English and 中文 with scripts off', async () => {
    const page = await open()
    const english = squash(clauses()[0].text.en.text)
    const chinese = squash(clauses()[0].text['zh-Hant-HK'].text)
    const labels = await page.$$eval('.switch label', (all) => all.map((label) => (label as HTMLElement).innerText.replace(/\s+/g, ' ')))
    expect(labels).toEqual(['English + 中文', 'English', '中文'])

    await page.click('label[for="show-en"]')
    let text = squash(await visibleText(page))
    expect(text).toContain(english)
    expect(text).not.toContain(chinese)
    expect(text).not.toMatch(/[\u4e00-\u9fff]/u)

    await page.click('label[for="show-zh-Hant-HK"]')
    text = squash(await visibleText(page))
    expect(text).toContain(chinese)
    expect(text).not.toContain(english)
    expect(squash(await page.$eval('h1', (h1) => (h1 as HTMLElement).innerText))).toBe('2021香港約章')

    await page.click('label[for="show-all"]')
    text = squash(await visibleText(page))
    expect(text).toContain(english)
    expect(text).toContain(chinese)
    await page.close()
  })

  it('keeps the date in the colophon on one line on a phone', async () => {
    const page = await open()
    // How many lines each language's date is set on, at 390 px wide.
    const lines = await page.$$eval('footer.colophon p', (all) =>
      all.map((paragraph) => {
        const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.search(/\d{4}-\d{2}-\d{2}/)
          if (at < 0) continue
          const range = document.createRange()
          range.setStart(node, at)
          range.setEnd(node, at + 10)
          return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size
        }
        return 0
      })
    )
    expect(lines).toEqual(lines.map(() => 1))
    await page.close()
  })

  it('loads only its own font files, and sets every line in them (no system font stands in)', async () => {
    const requests: string[] = []
    const failures: string[] = []
    const page = await open(requests, failures)
    expect(failures).toEqual([])
    const folder = pathToFileURL(web).href + '/'
    expect(requests.filter((url) => !url.startsWith(folder))).toEqual([])
    expect(requests.some((url) => url.includes('/fonts/noto-serif-hk-'))).toBe(true)

    const client = await page.createCDPSession()
    await client.send('DOM.enable')
    await client.send('CSS.enable')
    const { root } = await client.send('DOM.getDocument', { depth: -1 })
    const { nodeIds } = await client.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'h1 span, h2 span, .clause p, li, label, .colophon p' })
    const families = new Set<string>()
    for (const nodeId of nodeIds) {
      const { fonts } = await client.send('CSS.getPlatformFontsForNode', { nodeId })
      for (const font of fonts) families.add(`${font.familyName}${font.isCustomFont ? '' : ' (system)'}`)
    }
    expect([...families].sort()).toEqual(['Noto Serif HK', 'Source Serif 4'])
    await page.close()
  })

  it('names only font files that lie beside it, each listed in manifest.json', async () => {
    const named = [...html.matchAll(/url\(([^)]+)\)/g)].map((match) => match[1])
    const present = (await readdir(path.join(web, 'fonts'))).map((name) => `fonts/${name}`)
    // One file per family and weight, each cut to the characters the page sets in it.
    expect(named.sort()).toEqual(['fonts/noto-serif-hk-400.woff2', 'fonts/noto-serif-hk-700.woff2', 'fonts/source-serif-4-400.woff2', 'fonts/source-serif-4-700.woff2'])
    expect(present.sort()).toEqual(named)
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { artifacts: Array<Record<string, unknown>> }
    const entries = new Map(manifest.artifacts.map((entry) => [entry.file as string, entry]))
    expect(entries.get('web/index.html')).toMatchObject({ id: 'web', format: 'html', paper: null, pages: null })
    for (const font of present) {
      const bytes = await readFile(path.join(web, font))
      expect(entries.get(`web/${font}`)).toEqual({
        id: `web-font-${path.basename(font, '.woff2')}`,
        file: `web/${font}`,
        format: 'woff2',
        paper: null,
        pages: null,
        bytes: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex')
      })
    }
  })

  it('puts nothing but phrasing content in a heading, as HTML allows', () => {
    const headings = [...html.matchAll(/<(h[1-6])\b[^>]*>([\s\S]*?)<\/\1>/g)].map((match) => match[2])
    expect(headings.length).toBeGreaterThan(5)
    for (const inside of headings) expect(inside).not.toMatch(/<(div|p|ul|ol|li|section|header|footer|table|h[1-6])\b/)
  })

  it('points nowhere off the device: no web or file URL, no absolute path, no script', () => {
    expect(html).not.toMatch(/https?:|file:|\/\/[a-z]/i)
    expect(html).not.toMatch(/(src|href)="\/|url\(\//)
    expect(html).not.toContain(out)
    expect(html).not.toMatch(/<script/i)
  })

  it('is the same bytes, page and fonts, when built again from the same source', async () => {
    const again = (await built('plain')).out
    const webEntries = async (folder: string) =>
      (JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as { artifacts: Array<{ id: string }> }).artifacts.filter(({ id }) => id.startsWith('web'))
    const first = await webEntries(out)
    expect(first.length).toBe(5)
    expect(await webEntries(again)).toEqual(first)
  })
})

describe('the web edition, as axe-core checks it (WCAG 2.2 A and AA, and best practice)', () => {
  for (const build of ['plain', 'three-languages', 'statement'] as const) {
    it(`has no violation at 390 and 1366 px wide, light and dark, in every mode of the switch: ${build}`, async () => {
      const { AxePuppeteer } = await import('@axe-core/puppeteer')
      const file = pathToFileURL(path.join((await built(build)).out, 'web/index.html')).href
      const found: string[] = []
      let runs = 0
      // The charter's page in every combination; the other sources on a phone in light and a computer in dark.
      const combinations = build === 'plain' ? [[390, 'light'], [390, 'dark'], [1366, 'light'], [1366, 'dark']] as const : [[390, 'light'], [1366, 'dark']] as const
      for (const [width, scheme] of combinations) {
        {
          const page = await browser.newPage()
          await page.setViewport({ width, height: 900 })
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }])
          await page.goto(file, { waitUntil: 'load' })
          const modes = await page.$$eval('.switch input', (inputs) => inputs.map((input) => input.id))
          expect(modes.length).toBeGreaterThanOrEqual(3)
          for (const mode of modes) {
            await page.click(`label[for="${mode}"]`)
            const result = await new AxePuppeteer(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze()
            runs++
            for (const violation of result.violations) found.push(`${width} px ${scheme} ${mode}: ${violation.id} (${violation.impact}) at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
          }
          await page.close()
        }
      }
      expect(found.join('\n')).toBe('')
      expect(runs).toBeGreaterThanOrEqual(build === 'plain' ? 12 : 6)
    }, 120_000)
  }

  it('names the switch and its group of buttons in every language, and makes it a landmark', async () => {
    const page = await open()
    const names = await page.$eval('#switch-name', (name) => [...name.querySelectorAll('[lang]')].map((span) => [span.getAttribute('lang'), span.textContent]))
    expect(names).toEqual([
      ['en', 'Languages shown'],
      ['zh-Hant-HK', '顯示的語言']
    ])
    expect(await page.$eval('section.switch', (section) => section.getAttribute('aria-labelledby'))).toBe('switch-name')
    expect(await page.$eval('[role="radiogroup"]', (group) => group.getAttribute('aria-labelledby'))).toBe('switch-name')
    type Node = { role: string; name?: string; children?: Node[] }
    const flat = (node: Node): Node[] => [node, ...(node.children ?? []).flatMap(flat)]
    const nodes = flat((await page.accessibility.snapshot({ interestingOnly: false })) as Node).map(({ role, name }) => `${role}: ${name}`)
    expect(nodes).toContain('radiogroup: Languages shown · 顯示的語言')
    expect(nodes).toContain('region: Languages shown · 顯示的語言')
    // Named, not read twice: the name's own text is hidden from the reading.
    expect(nodes.filter((node) => node === 'StaticText: Languages shown')).toEqual([])
    await page.close()
  })
})

describe('the web edition on a narrow phone', () => {
  it('never scrolls sideways, and sets every name on one line, the longest smaller', async () => {
    const problems: string[] = []
    for (const build of ['statement', 'three-languages', 'plain'] as const) {
      for (const width of [320, 390, 1366]) {
        const page = await browser.newPage()
        await page.setViewport({ width, height: 800 })
        await page.goto(pathToFileURL(path.join((await built(build)).out, 'web/index.html')).href, { waitUntil: 'load' })
        await page.evaluate('document.fonts.ready')
        const wide = await page.evaluate(() => document.documentElement.scrollWidth)
        if (wide > width) problems.push(`${build} at ${width} px is ${wide} px wide`)
        const broken = await page.$$eval('.signatory-name', (names) => names.filter((name) => name.getClientRects().length > 1).map((name) => name.textContent))
        for (const name of broken) problems.push(`${build} at ${width} px breaks ${name}`)
        await page.close()
      }
    }
    expect(problems.join('\n')).toBe('')
  }, 60_000)
})
