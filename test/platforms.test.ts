/**
 * What differs from one volunteer's computer to another's, tested here on Linux with the
 * platform, the environment and the file system given: where the browser is found on
 * Linux, macOS and Windows, what is said when there is none, how the browser is ended on
 * Windows, and what a file held open by a viewer gives. Then `--browser` and CHARTER_BROWSER
 * with the real Chromium.
 */
import { EventEmitter } from 'node:events'
import type { ChildProcess } from 'node:child_process'
import { cp, mkdir, readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findBrowser, usualPaths, type BrowserSearch } from '../pipeline/browser/find-browser.js'
import { killProcessGroup } from '../pipeline/browser/process-group.js'
import { lockedFileError } from '../pipeline/output/commit.js'
import { BrowserNotFoundError } from '../pipeline/errors.js'
import { runCharter, sourceFolder, temporaryFolder } from './support/run.js'

/** A machine of `platform` whose only files are `files` (and `folders`). */
function machine(platform: NodeJS.Platform, files: string[], more: Partial<BrowserSearch> = {}): BrowserSearch {
  return { platform, env: {}, home: platform === 'win32' ? 'C:\\Users\\陳大文' : platform === 'darwin' ? '/Users/chan' : '/home/chan', isFile: (file) => files.includes(file), isFolder: () => false, ...more }
}

const windowsEnv = { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\陳大文\\AppData\\Local' }

describe('finding the browser', () => {
  it('finds Chrome, Edge or Brave where Windows installs them, per machine or per user', () => {
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'
    const userChrome = 'C:\\Users\\陳大文\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'
    const brave = 'C:\\Users\\陳大文\\AppData\\Local\\BraveSoftware\\Brave-Browser\\Application\\brave.exe'
    expect(findBrowser(machine('win32', [edge, chrome], { env: windowsEnv }))).toBe(chrome)
    expect(findBrowser(machine('win32', [edge], { env: windowsEnv }))).toBe(edge)
    expect(findBrowser(machine('win32', [userChrome], { env: windowsEnv }))).toBe(userChrome)
    expect(findBrowser(machine('win32', [brave], { env: windowsEnv }))).toBe(brave)
    // Environment names are not case-sensitive on Windows.
    expect(findBrowser(machine('win32', ['D:\\Apps\\Google\\Chrome\\Application\\chrome.exe'], { env: { PROGRAMFILES: 'D:\\Apps' } }))).toBe('D:\\Apps\\Google\\Chrome\\Application\\chrome.exe')
  })

  it('finds the apps of /Applications and ~/Applications on macOS, and a .app given by name', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
    const userEdge = '/Users/chan/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'
    expect(findBrowser(machine('darwin', [chrome]))).toBe(chrome)
    expect(findBrowser(machine('darwin', [userEdge]))).toBe(userEdge)
    expect(findBrowser(machine('darwin', ['/Applications/Brave Browser.app/Contents/MacOS/Brave Browser']))).toBe('/Applications/Brave Browser.app/Contents/MacOS/Brave Browser')
    const app = machine('darwin', [chrome], { named: '/Applications/Google Chrome.app', isFolder: (folder) => folder === '/Applications/Google Chrome.app' })
    expect(findBrowser(app)).toBe(chrome)
  })

  it('finds Debian’s Chromium, Chrome, Edge, Brave, the snap and the flatpaks on Linux', () => {
    expect(findBrowser(machine('linux', ['/usr/bin/chromium', '/usr/bin/google-chrome']))).toBe('/usr/bin/chromium')
    for (const file of ['/opt/google/chrome/chrome', '/usr/bin/microsoft-edge', '/usr/bin/brave-browser', '/snap/bin/chromium', '/var/lib/flatpak/exports/bin/org.chromium.Chromium', '/home/chan/.local/share/flatpak/exports/bin/com.google.Chrome'])
      expect(findBrowser(machine('linux', [file]))).toBe(file)
  })

  it('takes --browser first, then CHARTER_BROWSER, then the older variables, then the usual places', () => {
    const everything = ['/usr/bin/chromium', '/opt/a', '/opt/b', '/opt/c', '/opt/d']
    expect(findBrowser(machine('linux', everything, { named: '/opt/a', env: { CHARTER_BROWSER: '/opt/b', CHROME_PATH: '/opt/c' } }))).toBe('/opt/a')
    expect(findBrowser(machine('linux', everything, { env: { CHARTER_BROWSER: '/opt/b', CHROME_PATH: '/opt/c' } }))).toBe('/opt/b')
    expect(findBrowser(machine('linux', everything, { env: { PUPPETEER_EXECUTABLE_PATH: '/opt/d', CHROME_PATH: '/opt/c' } }))).toBe('/opt/d')
    expect(findBrowser(machine('linux', everything, { env: { CHROME_PATH: '/opt/c' } }))).toBe('/opt/c')
  })

  it('asks puppeteer where Chrome is only when no usual place has a browser', () => {
    let asked = 0
    const chromePaths = () => {
      asked++
      return ['/somewhere/chrome']
    }
    expect(findBrowser(machine('linux', ['/usr/bin/chromium', '/somewhere/chrome'], { chromePaths }))).toBe('/usr/bin/chromium')
    expect(asked).toBe(0)
    expect(findBrowser(machine('linux', ['/somewhere/chrome'], { chromePaths }))).toBe('/somewhere/chrome')
    expect(asked).toBe(1)
  })

  it('refuses a named browser that is not there, rather than print with another', () => {
    const search = machine('linux', ['/usr/bin/chromium'], { named: '/no/such/chrome' })
    expect(() => findBrowser(search)).toThrow(BrowserNotFoundError)
    expect(() => findBrowser(search)).toThrow(
      'The browser named by --browser is not there: /no/such/chrome\nGive the program of Chrome, Chromium, Edge or Brave, such as --browser /usr/bin/chromium, or leave --browser out to let charter look for one.'
    )
    expect(() => findBrowser(machine('win32', [], { env: { CHARTER_BROWSER: 'C:\\chrome.exe' } }))).toThrow(
      'The browser named by CHARTER_BROWSER is not there: C:\\chrome.exe\nGive the program of Chrome, Chromium, Edge or Brave, such as --browser C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe, or leave CHARTER_BROWSER out to let charter look for one.'
    )
  })

  it('says what to install for each platform when there is no browser, and how to name one', () => {
    const message = (platform: NodeJS.Platform) => {
      try {
        findBrowser(machine(platform, [], { env: platform === 'win32' ? windowsEnv : {} }))
      } catch (error) {
        return (error as Error).message
      }
      return ''
    }
    expect(message('linux')).toContain('Install Chromium (`sudo apt-get install chromium` on Debian; on Ubuntu, Google Chrome from https://www.google.com/chrome/), or name the one you have with --browser PATH (or the CHARTER_BROWSER variable), such as --browser /usr/bin/chromium.')
    expect(message('darwin')).toContain('Install Google Chrome (https://www.google.com/chrome/) into Applications, or name the one you have with --browser PATH (or the CHARTER_BROWSER variable), such as --browser "/Applications/Google Chrome.app".')
    expect(message('win32')).toContain('Install Google Chrome (https://www.google.com/chrome/), or repair Microsoft Edge, which comes with Windows, or name the one you have with --browser PATH')
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(message(platform)).toMatch(/^No browser found to print with: charter needs Chrome, Chromium, Edge or Brave \(looked in \d+ places, such as /)
      expect(usualPaths(machine(platform, [], { env: windowsEnv })).length).toBeGreaterThanOrEqual(4)
    }
  })
})

/** A browser process that exits when `end` is called. */
function fakeChild(pid: number) {
  const child = new EventEmitter() as EventEmitter & { pid: number; exitCode: number | null; signalCode: string | null; kill: () => boolean }
  child.pid = pid
  child.exitCode = null
  child.signalCode = null
  const end = () => {
    child.signalCode = 'SIGKILL'
    child.emit('exit', null, 'SIGKILL')
  }
  child.kill = () => {
    end()
    return true
  }
  return { child: child as unknown as ChildProcess, end }
}

describe('ending the browser', () => {
  it('ends the whole tree with taskkill on Windows, where there are no process groups', async () => {
    const { child, end } = fakeChild(4242)
    const calls: string[][] = []
    const kills: number[] = []
    await killProcessGroup(child, {
      platform: 'win32',
      taskkill: async (args) => {
        calls.push(args)
        end()
      },
      kill: (pid) => void kills.push(pid)
    })
    expect(calls).toEqual([['/pid', '4242', '/T', '/F']])
    expect(kills).toEqual([])
  })

  it('still ends the browser itself on Windows when taskkill could not', async () => {
    const { child } = fakeChild(4243)
    await killProcessGroup(child, { platform: 'win32', taskkill: async () => undefined, kill: () => undefined })
    expect(child.signalCode).toBe('SIGKILL')
  })

  it('kills the process group elsewhere', async () => {
    const { child, end } = fakeChild(4244)
    const kills: Array<[number, string]> = []
    await killProcessGroup(child, {
      platform: 'darwin',
      taskkill: async () => {
        throw new Error('not on macOS')
      },
      kill: (pid, signal) => {
        kills.push([pid, signal])
        end()
      }
    })
    expect(kills).toEqual([[-4244, 'SIGKILL']])
  })
})

describe('a file open in a viewer', () => {
  it('asks to close it in the PDF viewer, on Windows (EPERM, EACCES, EBUSY) and anywhere (EBUSY)', () => {
    const error = (code: string) => Object.assign(new Error(code), { code })
    for (const code of ['EPERM', 'EACCES', 'EBUSY'])
      expect(lockedFileError(error(code), 'charter-reading-a4.pdf', 'win32')?.message).toBe(
        `charter-reading-a4.pdf is open in another program, which keeps it from being replaced: close it in your PDF viewer (or e-book reader) and build again (${code}).`
      )
    expect(lockedFileError(error('EBUSY'), 'charter.epub', 'linux')?.message).toContain('close it in your PDF viewer')
    expect(lockedFileError(error('EPERM'), 'charter.epub', 'linux')).toBeUndefined()
    expect(lockedFileError(error('ENOSPC'), 'charter.epub', 'win32')).toBeUndefined()
  })
})

describe('folders named as people name them', () => {
  it('builds from and into folders with spaces and Chinese in their names, with such a temporary folder too', async () => {
    const root = path.join(await temporaryFolder(), '陳大文 的 文件', 'Hong Kong 約章')
    const source = path.join(root, 'my source')
    await mkdir(root, { recursive: true })
    await cp(sourceFolder, source, { recursive: true })
    const scratch = path.join(root, 'temp 暫存')
    await mkdir(scratch)
    const out = path.join(root, '輸出 out')
    const result = await runCharter(['build', '--source', source, '--out', out, '--only', 'reading,epub'], { env: { ...process.env, TMPDIR: scratch } })
    expect(result.stderr).not.toMatch(/fault in charter/)
    expect(result.code).toBe(0)
    expect((await readdir(out)).sort()).toEqual(['charter-en.epub', 'charter-reading-a4.pdf', 'charter-zh-Hant-HK.epub', 'charter.epub', 'manifest.json'])
    // The browser's scratch folder went with the build.
    expect(await readdir(scratch)).toEqual([])
  }, 60_000)
})

describe('--browser and CHARTER_BROWSER, with the real Chromium', () => {
  it('builds with the browser named, and refuses a wrong one with a plain message and exit 1', async () => {
    const out = await temporaryFolder()
    const named = await runCharter(['build', '--source', sourceFolder, '--out', out, '--only', 'reading', '--browser', '/usr/bin/chromium', '--json'])
    expect(named.code).toBe(0)
    expect(JSON.parse(named.stdout).artifacts.map((entry: { id: string }) => entry.id)).toEqual(['reading'])
    const fromEnv = await runCharter(['build', '--source', sourceFolder, '--out', out, '--only', 'reading'], { env: { ...process.env, CHARTER_BROWSER: '/usr/bin/chromium', PATH: '' } })
    expect(fromEnv.code).toBe(0)

    const missing = await runCharter(['build', '--source', sourceFolder, '--out', out, '--browser', '/no/such/chrome'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toBe(
      'charter: The browser named by --browser is not there: /no/such/chrome\nGive the program of Chrome, Chromium, Edge or Brave, such as --browser /usr/bin/chromium, or leave --browser out to let charter look for one.\n'
    )
    const notABrowser = await runCharter(['build', '--source', sourceFolder, '--out', out, '--browser', `${sourceFolder}/en.md`])
    expect(notABrowser.code).toBe(1)
    expect(notABrowser.stderr).toBe(`charter: The browser at ${sourceFolder}/en.md is not a program this computer can run: is it Chrome, Chromium, Edge or Brave? Name another with --browser PATH.\n`)
    // A program, but not a browser.
    const notChromium = await runCharter(['build', '--source', sourceFolder, '--out', out, '--browser', '/bin/true'])
    expect(notChromium.code).toBe(1)
    expect(notChromium.stderr).toMatch(/^charter: The browser at \/bin\/true did not start \(.*\): is it Chrome, Chromium, Edge or Brave\? Name another with --browser PATH, or update this one\.\n$/)
    const fromWrongEnv = await runCharter(['build', '--source', sourceFolder, '--out', out], { env: { ...process.env, CHARTER_BROWSER: '/no/such/chrome' } })
    expect(fromWrongEnv.code).toBe(1)
    expect(fromWrongEnv.stderr).toContain('The browser named by CHARTER_BROWSER is not there: /no/such/chrome')
  }, 60_000)
})

describe('scratch folders a killed build left', () => {
  it('removes one its build never marked, once it is a few seconds old, and leaves a new one', async () => {
    const { makeScratchFolder } = await import('../pipeline/system/scratch-folder.js')
    const { utimesSync, mkdirSync, existsSync, rmSync } = await import('node:fs')
    const base = await temporaryFolder('charter-scratch-')
    const old = path.join(base, 'charter-oldabc')
    const fresh = path.join(base, 'charter-newabc')
    mkdirSync(old)
    mkdirSync(fresh)
    const past = new Date(Date.now() - 60_000)
    utimesSync(old, past, past)
    const made = makeScratchFolder(base)
    expect(existsSync(old)).toBe(false)
    expect(existsSync(fresh)).toBe(true)
    expect(existsSync(made)).toBe(true)
    rmSync(made, { recursive: true })
  })
})
