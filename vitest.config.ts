import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each end-to-end test drives a real Chromium; two cores, so two files at a time.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
})
