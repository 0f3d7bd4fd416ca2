/**
 * The order test files start in: first those that need no shared build (they run while the
 * global setup makes the builds), then those that read them, roughly in the order the
 * builds are made (test/support/builds.ts). Two workers take files from the front.
 */
import path from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

const first = ['fuzz', 'preview', 'bad-input', 'check-command', 'align', 'browser', 'impose', 'write-output', 'fonts', 'woff2-encode', 'zip-write']
const then = ['trust', 'hardening', 'epub', 'web', 'reading-edition', 'signing-sheet', 'booklet-edition']

export default class SharedBuildsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const name = path.basename(file.moduleId).replace(/\.test\.ts$/, '')
      const at = [...first, ...then].indexOf(name)
      return at === -1 ? first.length : at
    }
    return [...files].sort((a, b) => rank(a) - rank(b))
  }
}
