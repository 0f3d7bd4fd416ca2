/**
 * Errors of the environment or of the command line, as opposed to problems in the text
 * (which are vfile messages). Each message says what to do about it.
 */

/** Base class: the CLI prints `message` alone (no stack) and exits 1. */
export class CharterError extends Error {
  override name = 'CharterError'
}

/** No Chromium was found where the build looks for one. */
export class BrowserNotFoundError extends CharterError {
  override name = 'BrowserNotFoundError'
  constructor(platform: NodeJS.Platform, tried: string[], named?: { named: string; how: string }) {
    const example = {
      win32: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      darwin: '"/Applications/Google Chrome.app"'
    }[platform as 'win32' | 'darwin'] ?? '/usr/bin/chromium'
    if (named) {
      super(
        `The browser named by ${named.how} is not there: ${named.named}\n` +
          `Give the program of Chrome, Chromium, Edge or Brave, such as --browser ${example}, or leave ${named.how} out to let charter look for one.`
      )
      return
    }
    const install = {
      win32: 'Install Google Chrome (https://www.google.com/chrome/), or repair Microsoft Edge, which comes with Windows',
      darwin: 'Install Google Chrome (https://www.google.com/chrome/) into Applications'
    }[platform as 'win32' | 'darwin'] ?? 'Install Chromium (`sudo apt-get install chromium` on Debian; on Ubuntu, Google Chrome from https://www.google.com/chrome/)'
    super(
      `No browser found to print with: charter needs Chrome, Chromium, Edge or Brave (looked in ${tried.length} places, such as ${tried.slice(0, 3).join(', ')}).\n` +
        `${install}, or name the one you have with --browser PATH (or the CHARTER_BROWSER variable), such as --browser ${example}.`
    )
  }
}

/** The browser started but failed while printing. */
export class BrowserError extends CharterError {
  override name = 'BrowserError'
}

/** The source folder does not exist. */
export class SourceFolderError extends CharterError {
  override name = 'SourceFolderError'
  constructor(folder: string) {
    super(`No source folder at ${folder}: give the folder holding publication.yaml and the language files with --source DIR.`)
  }
}

/** A font package named in fonts/fonts.json is not installed. */
export class FontPackageError extends CharterError {
  override name = 'FontPackageError'
  constructor(packageName: string) {
    super(`The font package ${packageName} is not installed: run \`npm ci\` in the project folder.`)
  }
}

/** The output folder cannot be created or written. */
export class OutputError extends CharterError {
  override name = 'OutputError'
}

/** A command-line flag is wrong. */
export class UsageError extends CharterError {
  override name = 'UsageError'
}
