/**
 * Where charter itself is installed: the folder holding its package.json, templates/ and
 * fonts/. Found from this module's own place, which is pipeline/ when the TypeScript runs
 * (the tests) and lib/ when the bundle does, so that no module counts folders up to it.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** charter's name in package.json (npm's). */
const packageName = '@hong-kong-charter/charter'

function findProjectFolder(start: string): string {
  for (let folder = start; ; folder = path.dirname(folder)) {
    const manifest = path.join(folder, 'package.json')
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === packageName) return folder
    if (path.dirname(folder) === folder) throw new Error(`charter's package.json was not found above ${start}: reinstall charter`)
  }
}

/** charter's own folder. */
const projectFolder = findProjectFolder(path.dirname(fileURLToPath(import.meta.url)))

/** A path inside charter's own folder: `projectPath('templates')`. */
export function projectPath(...parts: string[]): string {
  return path.join(projectFolder, ...parts)
}
