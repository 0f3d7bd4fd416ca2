/**
 * Before any test: bundles charter again if a source changed since the last bundle (so
 * `npm test` after `npm ci` bundles nothing), then starts every shared build of
 * test/support/builds.ts, two at a time, and provides where each one goes. The tests start
 * at once: those that need no shared build run while the builds are made, and those that
 * do wait for theirs (built() in builds.ts). Each build's result goes to results/<name>.json.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { TestProject } from 'vitest/node'
import { builds, listWithMorePrivate, longList, makeSources, otherFontconfig, resultFile, type BuildName, type Built, type SharedBuilds } from './builds.js'

const exec = promisify(execFile)
const projectRoot = path.resolve(import.meta.dirname, '../..')
const charterBin = process.env.CHARTER_TEST_BIN ?? path.join(projectRoot, 'bin/charter.js')

export default async function setup(project: TestProject) {
  await exec(process.execPath, [path.join(projectRoot, 'bin/bundle.mjs'), '--if-stale'], { cwd: projectRoot })
  const root = await mkdtemp(path.join(tmpdir(), 'charter-shared-'))
  const name = `charter-canary-${process.pid}`
  const canary = { folder: path.join(root, name), name, home: path.join(root, name, 'home') }
  await mkdir(canary.home, { recursive: true })
  const sources = await makeSources(root, path.join(projectRoot, 'test/fixtures/charter/source'))
  // What the builds' arguments and environments name by `{...}`.
  const longTmp = path.join('/tmp', `ct-${process.pid}-`.padEnd(60 - '/tmp/'.length, 'x'))
  await mkdir(longTmp, { recursive: true })
  const files: Record<string, string> = {
    '{long-tmp}': longTmp,
    '{other-fonts.conf}': path.join(root, 'other-fonts.conf'),
    '{private-list}': path.join(root, 'private-list.yaml'),
    '{long-list}': path.join(root, 'long-list.yaml')
  }
  await writeFile(files['{other-fonts.conf}'], otherFontconfig)
  await writeFile(files['{private-list}'], await listWithMorePrivate(projectRoot))
  await writeFile(files['{long-list}'], longList())
  const fill = (value: string) => files[value] ?? value

  await mkdir(path.join(root, 'results'))
  const make = async (buildName: BuildName) => {
    const spec = builds[buildName] as (typeof builds)[BuildName] & { canary?: boolean; args?: string[]; env?: Record<string, string> }
    const cwd = spec.canary ? canary.folder : projectRoot
    const out = path.join(spec.canary ? canary.folder : root, 'out', buildName)
    const env = {
      ...process.env,
      CI: 'true',
      ...Object.fromEntries(Object.entries(spec.env ?? {}).map(([key, value]) => [key, fill(value)])),
      ...(spec.canary ? { HOME: canary.home, USER: name, LOGNAME: name, XDG_CONFIG_HOME: '', XDG_CACHE_HOME: '' } : {})
    }
    const args = ['build', '--source', sources[spec.source], '--out', out, ...(spec.args ?? []).map(fill)]
    let made: Built
    try {
      const { stderr } = await exec(process.execPath, [charterBin, ...args], { cwd, env, maxBuffer: 64 * 1024 * 1024 })
      made = { out, source: sources[spec.source], code: 0, stderr }
    } catch (error) {
      const failure = error as { code?: number; stderr?: string }
      made = { out, source: sources[spec.source], code: typeof failure.code === 'number' ? failure.code : 1, stderr: failure.stderr ?? String(error) }
    }
    // Whole or not at all: a test reads the result as soon as the file is there.
    await writeFile(`${resultFile(root, buildName)}.tmp`, JSON.stringify(made))
    await rename(`${resultFile(root, buildName)}.tmp`, resultFile(root, buildName))
  }
  // Two at a time: two cores, and each build mostly waits on its one browser.
  const queue = Object.keys(builds) as BuildName[]
  const making = Promise.all([0, 1].map(async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await make(next)
  }))
  const provided: SharedBuilds = { root, canary }
  project.provide('shared', provided)
  return async () => {
    await making
    await rm(root, { recursive: true, force: true })
    await rm(longTmp, { recursive: true, force: true })
  }
}
