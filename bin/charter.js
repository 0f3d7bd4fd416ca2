#!/usr/bin/env node
// The `charter` command. `npm install` (prepare) compiles the TypeScript in pipeline/ to lib/
// and bundles it into lib/charter.js (bin/bundle.mjs).
import { main } from '../lib/charter.js'

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
