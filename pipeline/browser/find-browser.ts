/** Finds the Chromium (or Chrome) the build prints with. */
import { existsSync } from 'node:fs'
import { BrowserNotFoundError } from '../errors.js'

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
