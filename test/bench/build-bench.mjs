#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: how long the full build takes on this machine, against the machine's
 * own floor (a bare headless Chromium start), and where the time goes.
 *
 * 1. the floor: `chromium --headless --dump-dom about:blank`, RUNS times;
 * 2. the full build of source/ (every edition), RUNS times, each a fresh process:
 *    median, min and max wall seconds, and peak memory (charter + Chromium, Pss summed);
 * 3. each edition's share: when it finished, from one more build with --progress;
 * 4. the signing sheet with 10,000 signatories (test/bench/signing-sheet-bench.mjs).
 *
 * Usage: npm run bench [-- RUNS]   (default 5; compile first, which `npm run bench` does)
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, tmpdir, totalmem } from 'node:os'
import path from 'node:path'
import { findBrowser } from '../../lib/charter.js'
import { mb, measure, spread } from './measure.mjs'

const projectRoot = path.resolve(import.meta.dirname, '../..')
const runs = Number(process.argv[2] ?? 5)
const charter = path.join(projectRoot, 'bin/charter.js')
const chromium = findBrowser()
const browserFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const targets = { seconds: 2.5, timesFloor: 4 }

const work = await mkdtemp(path.join(tmpdir(), 'charter-bench-'))
const seconds = (/** @type {number} */ value) => `${value.toFixed(2)} s`
try {
  const version = spawnSync(chromium, ['--version'], { encoding: 'utf8' }).stdout.trim()
  console.log(`machine     ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${mb(totalmem())}, Node ${process.version}, ${version}`)
  console.log(`runs        ${runs} of each, after one warm-up run\n`)

  // Warm-up: the first run reads every file from disk into the page cache.
  await measure(chromium, [...browserFlags, `--user-data-dir=${path.join(work, 'profile-warm')}`, '--dump-dom', 'about:blank'])
  await measure(process.execPath, [charter, 'build', '--out', path.join(work, 'warm')], { cwd: projectRoot })

  // Timed runs sample no memory (it costs CPU); memory comes from runs of its own.
  const floor = []
  const builds = []
  for (let run = 0; run < runs; run++) {
    floor.push(await measure(chromium, [...browserFlags, `--user-data-dir=${path.join(work, `profile-${run}`)}`, '--dump-dom', 'about:blank'], { every: 0 }))
    builds.push(await measure(process.execPath, [charter, 'build', '--out', path.join(work, `out-${run}`)], { cwd: projectRoot, every: 0 }))
  }
  const sampled = []
  for (let run = 0; run < Math.min(runs, 3); run++) {
    sampled.push(await measure(process.execPath, [charter, 'build', '--out', path.join(work, `memory-${run}`)], { cwd: projectRoot }))
  }
  const floorTime = spread(floor.map((result) => result.seconds))
  const buildTime = spread(builds.map((result) => result.seconds))
  const buildMemory = spread(sampled.map((result) => result.peakTree))
  console.log('                            median     min        max')
  console.log(`bare Chromium start         ${seconds(floorTime.median).padEnd(11)}${seconds(floorTime.min).padEnd(11)}${seconds(floorTime.max)}`)
  console.log(`full build (every edition)  ${seconds(buildTime.median).padEnd(11)}${seconds(buildTime.min).padEnd(11)}${seconds(buildTime.max)}`)
  console.log(`peak memory of the build    ${mb(buildMemory.median).padEnd(11)}${mb(buildMemory.min).padEnd(11)}${mb(buildMemory.max)}   (charter and Chromium, Pss summed)`)
  const ratio = buildTime.median / floorTime.median
  console.log(`\nfull build / bare start     ${ratio.toFixed(1)}x`)
  console.log(`targets                     median at most ${targets.seconds} s: ${buildTime.median <= targets.seconds ? 'met' : 'NOT met'}; at most ${targets.timesFloor}x the bare start: ${ratio <= targets.timesFloor ? 'met' : 'NOT met'}`)

  const progress = await measure(process.execPath, [charter, 'build', '--progress', '--out', path.join(work, 'progress')], { cwd: projectRoot })
  console.log('\nwhen each stage finished, from the start of one build (editions run at once):')
  for (const line of progress.stderr.split('\n').filter((text) => /^ {2}\S+\s+[\d.]+ s$/.test(text))) console.log(line)

  console.log('\nthe signing sheet with 10,000 signatories:')
  const sheet = spawnSync(process.execPath, [path.join(import.meta.dirname, 'signing-sheet-bench.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  process.stdout.write(sheet.stdout)
} finally {
  await rm(work, { recursive: true, force: true })
}
