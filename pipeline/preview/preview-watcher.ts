/**
 * Watches the folders a preview depends on (source/, templates/, fonts/) and calls back
 * once per burst of changes: editors save in several steps (write a temporary file,
 * rename it over the old one), and one save should make one rebuild.
 */
import { readdirSync, watch, type FSWatcher } from 'node:fs'
import path from 'node:path'

export interface Watcher {
  close(): void
}

/** How long the folders must stay quiet before the callback runs, in milliseconds. */
const settleMs = 30

/** Calls `onChange` after changes anywhere under `folders` settle; editors' scratch files are ignored. */
export function watchFolders(folders: string[], onChange: (changed: string[]) => void, wait = settleMs): Watcher {
  let timer: NodeJS.Timeout | undefined
  const changed = new Set<string>()
  // One watcher per folder, not per file: an editor that saves by renaming a new file over
  // the old one replaces the file, and a watch on the old file would go quiet.
  const watchers = new Map<string, FSWatcher>()
  const add = (folder: string) => {
    for (const each of subfolders(folder)) {
      if (watchers.has(each)) continue
      watchers.set(
        each,
        watch(each, { persistent: true }, (_event, name) => {
          const file = name ? path.join(each, String(name)) : each
          if (isEditorScratch(path.basename(file))) return
          changed.add(file)
          clearTimeout(timer)
          timer = setTimeout(() => {
            const files = [...changed]
            changed.clear()
            // A folder made since the start is watched from now on.
            for (const root of folders) add(root)
            onChange(files)
          }, wait)
        })
      )
    }
  }
  for (const folder of folders) add(folder)
  return {
    close() {
      clearTimeout(timer)
      for (const watcher of watchers.values()) watcher.close()
      watchers.clear()
    }
  }
}

/** `folder` and every folder below it. */
function subfolders(folder: string): string[] {
  let entries
  try {
    entries = readdirSync(folder, { withFileTypes: true })
  } catch {
    return []
  }
  return [folder, ...entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).flatMap((entry) => subfolders(path.join(folder, entry.name)))]
}

/** Vim's `.x.swp` and `4913` probe, Emacs's `#x#` and `.#x`, backups `x~`: never part of the text. */
function isEditorScratch(name: string): boolean {
  return /^\.#|^#.*#$|~$|\.sw[a-p]x?$|^4913$/.test(name)
}
