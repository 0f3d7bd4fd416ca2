#!/usr/bin/env node
// The `charter` command. `npm install` (prepare) bundles the TypeScript in pipeline/ into
// lib/charter.js (bin/bundle.mjs); the command line is read there, and a build starts its
// browser first of all (pipeline/build.ts).
const { main } = await import('../lib/charter.js')

process.exitCode = await main(process.argv.slice(2))
