#!/usr/bin/env node
// @ts-check
/**
 * Benchmark: a copy of source/ whose signatory list holds 10,000 generated names (Chinese,
 * English and both); the signing sheet made alone (`charter build --only signing-sheet`),
 * then a real `charter build` of every edition. Prints
 * for each the wall time and the peak memory (charter and every Chromium process it starts,
 * summed), and the sheet's pages. Run with `npm run bench:signing-sheet [-- COUNT]`.
 * Linux only: memory is read from /proc. Compile first (`npm run compile`).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { cpus, tmpdir, totalmem } from 'node:os'
import path from 'node:path'
import { mb, measure } from './measure.mjs'
import { signatoriesYaml } from './signatory-list.mjs'

const projectRoot = path.resolve(import.meta.dirname, '../..')
const count = Number(process.argv[2] ?? 10_000)

/** Runs `node ...args` in `cwd`, sampling its process tree's memory; wall seconds and peaks. */
const run = (/** @type {string[]} */ args, /** @type {string} */ cwd) => measure(process.execPath, args, { cwd })

const work = await mkdtemp(path.join(tmpdir(), 'charter-bench-'))
try {
  const source = path.join(work, 'source')
  await cp(path.join(projectRoot, 'source'), source, { recursive: true })
  await writeFile(path.join(source, 'signatories.yaml'), signatoriesYaml(count))
  console.log(`signatories        ${count}`)
  console.log(`machine            ${cpus().length} cores, ${mb(totalmem())} memory, Node ${process.version}`)

  const alone = await run([path.join(projectRoot, 'bin/charter.js'), 'build', '--only', 'signing-sheet', '--source', source, '--out', path.join(work, 'alone')], work)
  const build = await run([path.join(projectRoot, 'bin/charter.js'), 'build', '--source', source, '--out', path.join(work, 'out')], work)
  const manifest = JSON.parse(await readFile(path.join(work, 'out', 'manifest.json'), 'utf8'))
  const sheet = manifest.artifacts.find((/** @type {{ id: string }} */ entry) => entry.id === 'signing-sheet')

  console.log(`signing sheet      ${sheet ? `${sheet.pages} pages, ${(sheet.bytes / 1024 / 1024).toFixed(1)} MB` : 'not built'}`)
  console.log('')
  console.log('                   the sheet alone    the whole build (every edition)')
  console.log(`wall time          ${`${alone.seconds.toFixed(1)} s`.padEnd(19)}${build.seconds.toFixed(1)} s`)
  console.log(`peak memory        ${mb(alone.peakTree).padEnd(19)}${mb(build.peakTree)}   (charter and its Chromium processes, summed: Pss)`)
  console.log(`largest process    ${mb(alone.peakOne).padEnd(19)}${mb(build.peakOne)}   (its peak resident size: VmHWM)`)
} finally {
  await rm(work, { recursive: true, force: true })
}
