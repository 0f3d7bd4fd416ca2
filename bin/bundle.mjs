#!/usr/bin/env node
/**
 * Bundles the pipeline (its TypeScript, straight from pipeline/) and the packages it uses
 * into lib/charter.js, which the `charter` command runs. Node then reads a few files instead
 * of resolving and loading about a thousand modules: a build starts printing 0.15 s sooner.
 * What a command loads only when it runs (the build's stages, the preview) is in
 * lib/charter-chunk-*.js. Type checking is `tsc`'s job (`npm run typecheck`), not this one's.
 * Run by `npm run compile` (and so by `npm ci`), and with --if-stale by `npm run build`
 * and the tests, which bundle again only when a source has changed.
 */
import { build } from 'esbuild'
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const lib = fileURLToPath(new URL('../lib/', import.meta.url))
const project = fileURLToPath(new URL('../', import.meta.url))

/**
 * What the bundle is made from: the pipeline's sources, this script and the locked
 * packages. With --if-stale, a bundle made from the same is kept (`npm test` and
 * `npm run build` after `npm ci` make none).
 */
async function inputsHash() {
  const hash = createHash('sha256')
  const files = (await readdir(path.join(project, 'pipeline'), { recursive: true })).filter((name) => name.endsWith('.ts')).sort()
  for (const file of [...files.map((name) => path.join('pipeline', name)), 'bin/bundle.mjs', 'package.json', 'package-lock.json']) {
    hash.update(`${file}\0`).update(await readFile(path.join(project, file))).update('\0')
  }
  return hash.digest('hex')
}
const stamp = path.join(lib, '.inputs-sha256')
const inputs = await inputsHash()
if (process.argv.includes('--if-stale') && (await readFile(stamp, 'utf8').catch(() => '')) === inputs) process.exit(0)

/**
 * Packages that come with charter's dependencies for things charter never does. Each is
 * replaced by a stand-in that throws if it is ever used; they made up half the bundle,
 * and Node parses all of it at every start.
 */
const unused = {
  'proxy-agent': 'puppeteer downloads browsers through it; charter uses the machine\'s Chromium',
  'node-fetch': 'epub-gen-memory downloads remote images and fonts with it; the build never fetches anything',
  'woff2sfnt-sfnt2woff': 'fontverter converts WOFF with it; charter never uses WOFF',
  ws: 'puppeteer talks to a browser over a WebSocket with it; charter talks over a pipe',
  'chromium-bidi': 'puppeteer speaks WebDriver BiDi with it; charter speaks the DevTools protocol',
  yargs: 'the command line of @puppeteer/browsers',
  'extract-zip': 'unpacks downloaded browsers',
  'tar-fs': 'unpacks downloaded browsers'
}

/** Resolves every package in `unused` (and its subpaths) to a module that throws when used. */
const leaveOut = {
  name: 'leave-out-unused',
  setup(build) {
    const names = Object.keys(unused).map((name) => name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
    build.onResolve({ filter: new RegExp(`^(${names.join('|')})(/.*)?$`) }, (args) => ({ path: args.path, namespace: 'left-out' }))
    build.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => {
      const name = Object.keys(unused).find((key) => args.path === key || args.path.startsWith(`${key}/`))
      const why = `${args.path} was left out of lib/charter.js (bin/bundle.mjs): ${unused[name]}`
      return {
        loader: 'js',
        contents: `const fail = () => { throw new Error(${JSON.stringify(why)}) }
module.exports = new Proxy(fail, { get: (target, key) => (key === '__esModule' ? false : key === 'prototype' ? Object.prototype : fail) })`
      }
    })
  }
}

// lib/ holds the bundle and nothing else: chunks are named by their content, and the last
// bundle's must not linger.
await rm(lib, { recursive: true, force: true })
await mkdir(lib, { recursive: true })

await build({
  // In lib/: the pipeline finds charter's folder (fonts/, templates/) from there.
  entryPoints: { charter: fileURLToPath(new URL('../pipeline/cli.ts', import.meta.url)) },
  outdir: lib,
  splitting: true,
  chunkNames: 'charter-chunk-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Packages written as CommonJS ask for require, __filename and __dirname, which an ES module
  // lacks; they are made for the bundle's own place, lib/, from which node_modules/ resolves.
  banner: {
    js: [
      "import { createRequire as charterCreateRequire } from 'node:module';",
      "import { fileURLToPath as charterFileURLToPath } from 'node:url';",
      'const require = charterCreateRequire(import.meta.url);',
      'const __filename = charterFileURLToPath(import.meta.url);',
      "const __dirname = charterFileURLToPath(new URL('.', import.meta.url));"
    ].join(' ')
  },
  plugins: [leaveOut],
  // WOFF2 unpacking (the fallback font's slices) is WebAssembly that finds its .wasm file
  // beside its own script: it is loaded from node_modules/ as it is.
  external: ['wawoff2'],
  // `charter --version`.
  define: { CHARTER_VERSION: JSON.stringify(JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')).version) },
  legalComments: 'none',
  logLevel: 'warning'
})
await writeFile(stamp, inputs)
