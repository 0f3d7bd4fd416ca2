#!/usr/bin/env node
// The `charter` command. The TypeScript in pipeline/ is compiled to lib/ by `npm install` (prepare).
import { main } from '../lib/cli.js'

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
