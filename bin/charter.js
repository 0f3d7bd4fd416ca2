#!/usr/bin/env node
// The `charter` command. `npm install` (prepare) compiles the TypeScript in pipeline/ to lib/
// and bundles it into lib/charter.js and lib/charter-browser.js (bin/bundle.mjs).
import { openPrinter } from '../lib/charter-browser.js'

const [command, ...rest] = process.argv.slice(2)
// A build starts Chromium first, while the rest of charter loads: it takes the longest to start.
const browser = command === 'build' && !rest.includes('--help') && !rest.includes('-h') ? openPrinter() : undefined
browser?.catch(() => undefined)
const { main } = await import('../lib/charter.js')

main(process.argv.slice(2), { browser }).then((code) => {
  process.exitCode = code
})
