#!/usr/bin/env node
/**
 * Bundles the compiled pipeline (lib/, from `tsc`) and the packages it uses into one file,
 * lib/charter.js, which the `charter` command runs. Node then reads one file instead of
 * resolving and loading about a thousand modules: a build starts printing 0.15 s sooner.
 * Run by `npm run compile` (and so by `npm ci`, `npm test`, `npm run build`).
 */
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

const lib = fileURLToPath(new URL('../lib/', import.meta.url))

await build({
  entryPoints: [`${lib}cli.js`],
  outfile: `${lib}charter.js`,
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
  legalComments: 'none',
  logLevel: 'warning'
})
