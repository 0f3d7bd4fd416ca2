/**
 * The browser's tabs, kept open and reused, each serving one job at a time: opening a tab
 * starts a renderer process, which cost a build more than laying out its smaller pages did.
 * The tabs open as soon as the browser is up, while the build is still reading its source.
 */
import type { Chromium, ChromiumTab } from './chromium.js'
import { answerRequest, AssetCache, type PageFiles } from './page-files.js'

/** An open tab and the job it is serving. */
export interface Tab {
  tab: ChromiumTab
  job: PageFiles | undefined
  /** URLs the current job's page asked for and was refused. */
  refused: string[]
}

export class TabPool {
  readonly #browser: Chromium
  readonly #size: number
  readonly #files = new AssetCache()
  readonly #idle: Tab[] = []
  readonly #waiting: Array<(tab: Tab | undefined) => void> = []
  readonly #opening: Array<Promise<void>> = []
  #open = 0

  /** Opens `size` tabs in `browser` at once. */
  constructor(browser: Chromium, size: number) {
    this.#browser = browser
    this.#size = size
    for (let index = 0; index < size; index++) {
      this.#open++
      this.#opening.push(
        this.#openTab().then(
          (tab) => this.#release(tab),
          () => {
            this.#open--
            this.#release(undefined)
          }
        )
      )
    }
  }

  /** Runs `use` with a free tab (waiting for one if all are busy); a tab that failed is closed, not reused. */
  async withTab<T>(use: (tab: Tab) => Promise<T>): Promise<T> {
    let tab = this.#idle.pop()
    if (!tab && this.#open >= this.#size) tab = await new Promise<Tab | undefined>((resolve) => this.#waiting.push(resolve))
    if (!tab) {
      this.#open++
      tab = await this.#openTab().catch((error: unknown) => {
        this.#open--
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
      tab.refused = []
      if (reusable) this.#release(tab)
      else {
        this.#open--
        this.#release(undefined)
        await tab.tab.close().catch(() => undefined)
      }
    }
  }

  /** Resolves once the tabs opened at the start are open (or failed): the browser may then close. */
  async settled(): Promise<void> {
    await Promise.all(this.#opening)
  }

  async #openTab(): Promise<Tab> {
    // The tab's requests are answered from whatever job it is serving at the time.
    const serving: Omit<Tab, 'tab'> = { job: undefined, refused: [] }
    const tab = await this.#browser.newTab((url) => answerRequest(serving.job, url, this.#files, serving.refused))
    return Object.assign(serving, { tab })
  }

  /** Gives a free tab to the first job waiting, or keeps it for the next; undefined: one fewer is open. */
  #release(tab: Tab | undefined) {
    const next = this.#waiting.shift()
    if (next) next(tab)
    else if (tab) this.#idle.push(tab)
  }
}
