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
  constructor(tried: string[]) {
    super(
      `No Chromium browser found (looked at ${tried.join(', ')}).\n` +
        'Install it with `sudo apt-get install chromium` (Debian, Ubuntu), or set CHROME_PATH to a Chromium or Chrome executable.'
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
