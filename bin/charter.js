#!/usr/bin/env node
// The `charter` command. `npm install` (prepare) and `npm pack` (prepack) bundle the
// TypeScript in pipeline/ into lib/charter.js (bin/bundle.mjs); the command line is read
// there, and a build starts its browser first of all (pipeline/build.ts).

// The oldest Node.js charter runs on (package.json's engines): 20.15 brought zlib.crc32,
// which the e-books' and the web fonts' writing needs. Said plainly, before anything fails.
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 20 || (major === 20 && minor < 15)) {
  process.stderr.write(
    `charter: needs Node.js 20.15 or newer, and this is Node.js ${process.versions.node}. Install the current LTS version from https://nodejs.org/ and run it again.\n`
  )
  process.exit(1)
}

const { main } = await import('../lib/charter.js')

process.exitCode = await main(process.argv.slice(2))
