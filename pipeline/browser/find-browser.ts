/**
 * Finds the browser the build prints with: the one named (`--browser`, CHARTER_BROWSER), or
 * Chrome, Chromium, Edge or Brave where each platform installs them. The platform, the
 * environment and the file system are given, so that every platform's search is tested
 * on any machine.
 */
import { statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import path from 'node:path'
import { BrowserNotFoundError } from '../errors.js'

/** What the search looks at. */
export interface BrowserSearch {
  platform: NodeJS.Platform
  env: NodeJS.ProcessEnv
  /** The user's home folder (macOS's ~/Applications, flatpak's user installs). */
  home: string
  /** Whether `file` is there, as a file (a macOS app's folder is resolved before). */
  isFile: (file: string) => boolean
  /** Whether `folder` is there, as a folder (a macOS `.app`). */
  isFolder: (folder: string) => boolean
  /** The browser named by `--browser`, if any. */
  named?: string
  /** puppeteer's own list of where Chrome is installed on this machine (asked last). */
  chromePaths?: () => string[]
}

/** Chromium-based browsers on Linux, as their packages install them. */
function linuxPaths(home: string): string[] {
  const flatpaks = ['org.chromium.Chromium', 'com.google.Chrome', 'com.microsoft.Edge', 'com.brave.Browser']
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/opt/microsoft/msedge/msedge',
    '/usr/bin/brave-browser',
    '/opt/brave.com/brave/brave',
    '/snap/bin/chromium',
    '/var/lib/snapd/snap/bin/chromium',
    ...flatpaks.map((id) => `/var/lib/flatpak/exports/bin/${id}`),
    ...flatpaks.map((id) => path.posix.join(home, '.local/share/flatpak/exports/bin', id))
  ]
}

/** macOS apps, in /Applications and the user's own ~/Applications. */
function macPaths(home: string): string[] {
  const apps = [
    ['Google Chrome', 'Google Chrome'],
    ['Chromium', 'Chromium'],
    ['Microsoft Edge', 'Microsoft Edge'],
    ['Brave Browser', 'Brave Browser']
  ]
  return ['/Applications', path.posix.join(home, 'Applications')].flatMap((folder) => apps.map(([app, program]) => path.posix.join(folder, `${app}.app`, 'Contents/MacOS', program)))
}

/** Windows: per machine (Program Files, both) and per user (LocalAppData), Edge being on every Windows. */
function windowsPaths(env: NodeJS.ProcessEnv): string[] {
  const value = (name: string) => Object.entries(env).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1]
  const roots = [...new Set([value('PROGRAMFILES'), value('ProgramW6432'), value('PROGRAMFILES(X86)'), value('LOCALAPPDATA'), 'C:\\Program Files', 'C:\\Program Files (x86)'])].filter(
    (root): root is string => Boolean(root)
  )
  const programs = [
    'Google\\Chrome\\Application\\chrome.exe',
    'Microsoft\\Edge\\Application\\msedge.exe',
    'BraveSoftware\\Brave-Browser\\Application\\brave.exe',
    'Chromium\\Application\\chrome.exe'
  ]
  return programs.flatMap((program) => roots.map((root) => path.win32.join(root, program)))
}

/** Where `search.platform` keeps its browsers, most likely first. */
export function usualPaths(search: Pick<BrowserSearch, 'platform' | 'env' | 'home'>): string[] {
  if (search.platform === 'win32') return windowsPaths(search.env)
  if (search.platform === 'darwin') return macPaths(search.home)
  return linuxPaths(search.home)
}

/** A macOS `.app` named instead of its program: the program inside it. */
function programOf(named: string, search: BrowserSearch): string {
  if (search.platform === 'darwin' && /\.app\/?$/.test(named) && search.isFolder(named)) {
    const app = path.posix.basename(named.replace(/\/$/, ''), '.app')
    return path.posix.join(named, 'Contents/MacOS', app)
  }
  return named
}

/**
 * The browser to print with: `--browser`, else CHARTER_BROWSER (then the older
 * PUPPETEER_EXECUTABLE_PATH and CHROME_PATH), else the first of the platform's usual places,
 * else where puppeteer knows Chrome to be. A browser named but not there is an error, not
 * a reason to print with another.
 */
export function findBrowser(search: BrowserSearch = machineSearch()): string {
  const [named, how] = search.named
    ? [search.named, '--browser']
    : search.env.CHARTER_BROWSER
      ? [search.env.CHARTER_BROWSER, 'CHARTER_BROWSER']
      : [undefined, undefined]
  if (named !== undefined && how !== undefined) {
    const program = programOf(named, search)
    if (search.isFile(program)) return program
    throw new BrowserNotFoundError(search.platform, [], { named, how })
  }
  const tried = [search.env.PUPPETEER_EXECUTABLE_PATH, search.env.CHROME_PATH].filter((value): value is string => Boolean(value))
  tried.push(...usualPaths(search))
  const found = tried.find((candidate) => search.isFile(candidate))
  if (found) return found
  const known = (search.chromePaths?.() ?? []).filter((candidate) => !tried.includes(candidate))
  const fromPuppeteer = known.find((candidate) => search.isFile(candidate))
  if (fromPuppeteer) return fromPuppeteer
  throw new BrowserNotFoundError(search.platform, [...tried, ...known])
}

/** This machine's search, with the browser `named` by --browser if any. */
export function machineSearch(named?: string): BrowserSearch {
  const is = (test: 'isFile' | 'isDirectory') => (file: string) => {
    try {
      return statSync(file)[test]()
    } catch {
      return false
    }
  }
  return { platform: process.platform, env: process.env, home: homedir(), isFile: is('isFile'), isFolder: is('isDirectory'), named, chromePaths: puppeteerChromePaths }
}

/** Where puppeteer-core's own list puts Chrome (stable) on this machine; nothing if it has none. */
function puppeteerChromePaths(): string[] {
  try {
    // A package puppeteer-core depends on, loaded only when no usual place had a browser.
    const browsers = createRequire(import.meta.url)('@puppeteer/browsers') as typeof import('@puppeteer/browsers')
    const platform = browsers.detectBrowserPlatform()
    if (!platform) return []
    return [browsers.computeSystemExecutablePath({ browser: browsers.Browser.CHROME, channel: browsers.ChromeReleaseChannel.STABLE, platform })]
  } catch {
    return []
  }
}
