/** A real headless Chromium for tests that look at pages as a reader's browser shows them. */
import puppeteer, { type Browser } from 'puppeteer-core'
import { findBrowser } from '../../pipeline/browser/find-browser.js'

/** Launches Chromium with no network services of its own; close it in `afterAll`. */
export function launchTestBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: findBrowser(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
}
