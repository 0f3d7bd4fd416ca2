import { defineConfig } from 'vitest/config'
import SharedBuildsFirst from './test/support/sequencer.js'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every build the tests read is made once, before them (test/support/builds.ts).
    globalSetup: ['test/support/global-setup.ts'],
    // The files that need no shared build first, while the setup makes them.
    sequence: { sequencer: SharedBuildsFirst },
    // Each end-to-end test drives a real Chromium; two cores, so two files at a time.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
})
