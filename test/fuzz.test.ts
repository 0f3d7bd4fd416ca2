/**
 * The fuzz test: the charter's source, mutated at random (a fixed seed, so a failure can be
 * replayed), built for a bounded time. Every build must end with exit 0 or 1, no stack trace
 * and no fault, no Chromium left running, and on exit 1 the output folder as it was. Each
 * mutant is built first by the bundled command in a worker thread whose printer refuses to
 * print (most mutants are refused before printing, and a worker that hangs is ended); one
 * that gets as far as printing is built again, for real, by the `charter` command.
 * FUZZ_SECONDS (default 12) and FUZZ_SEED (default 2021) change the run.
 */
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { mutate, seededRandom } from './support/mutate.js'
import { runCharter, shortTemporaryFolder, sourceFolder, tool } from './support/run.js'

const seconds = Number(process.env.FUZZ_SECONDS ?? 12)
const seed = Number(process.env.FUZZ_SEED ?? 2021)
const files = ['en.md', 'zh-Hant-HK.md', 'publication.yaml', 'signatories.yaml']

describe('fuzz', () => {
  it(
    `builds mutants of the source for ${seconds} s (seed ${seed}): each exits 0 or 1, with no fault, no browser left, and exit 1 writes nothing`,
    async () => {
      const random = seededRandom(seed)
      const work = await shortTemporaryFolder()
      const tmp = path.join(work, 'tmp')
      await mkdir(tmp)
      const until = performance.now() + seconds * 1000
      const seen = { 0: 0, 1: 0 }
      let printed = 0
      for (let run = 0; performance.now() < until; run++) {
        const source = path.join(work, `source-${run}`)
        await cp(sourceFolder, source, { recursive: true })
        const file = files[Math.floor(random() * files.length)]
        const original = await readFile(path.join(source, file), 'utf8')
        const mutant = mutate(original, random)
        await writeFile(path.join(source, file), mutant)
        const out = path.join(work, `out-${run}`)
        await mkdir(out)
        await writeFile(path.join(out, 'previous.txt'), 'the previous build')

        const args = ['build', '--source', source, '--out', out]
        const quick = await inWorker(args, 30_000)
        const result = quick.printed ? await runCharter(args, { env: { TMPDIR: tmp }, timeout: 60_000 }) : quick
        // What failed can be replayed: the seed, the run and the file are in the message.
        const replay = `run ${run} (seed ${seed}), ${file} mutated:\n${result.stderr.slice(0, 2000)}`
        expect([0, 1], replay).toContain(result.code)
        expect(result.stderr, replay).not.toMatch(/\n\s+at |fault in charter/)
        expect(await chromiumUnder(tmp), replay).toEqual([])
        if (result.code === 1) expect(await readdir(out), replay).toEqual(['previous.txt'])
        seen[result.code as 0 | 1]++
        if (quick.printed) printed++
        await rm(source, { recursive: true, force: true })
        await rm(out, { recursive: true, force: true })
      }
      console.log(`fuzz: ${seen[0] + seen[1]} mutants in ${seconds} s (seed ${seed}): ${seen[0]} built, ${seen[1]} refused with a message (${printed} printed, by the charter command)`)
      // Some mutants must get through the checks to the browser, or the run tested half the build.
      expect(seen[0]).toBeGreaterThan(0)
      expect(seen[1]).toBeGreaterThan(0)
      expect(await readdir(tmp)).toEqual([])
      await worker?.terminate()
    },
    (seconds + 120) * 1000
  )
})

/**
 * `charter ...args` by the bundled command in a worker thread (test/support/refused-worker.mjs),
 * kept for the next mutant; one still running after `timeout` ms is ended (code -1: a hang).
 */
let worker: Worker | undefined
function inWorker(args: string[], timeout: number): Promise<{ code: number; stdout: string; stderr: string; printed: boolean }> {
  worker ??= new Worker(new URL('./support/refused-worker.mjs', import.meta.url), { env: { ...process.env, CI: 'true' } })
  const current = worker
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      current.off('message', answered)
      current.off('error', failed)
    }
    const answered = (message: { code: number; stdout: string; stderr: string; printed: boolean }) => {
      done()
      resolve(message)
    }
    const failed = (error: Error) => {
      done()
      worker = undefined
      resolve({ code: 2, stdout: '', stderr: String(error.stack ?? error), printed: false })
    }
    const timer = setTimeout(() => {
      done()
      worker = undefined
      void current.terminate()
      resolve({ code: -1, stdout: '', stderr: `still running after ${timeout} ms: a hang`, printed: false })
    }, timeout)
    current.on('message', answered)
    current.on('error', failed)
    current.postMessage({ args })
  })
}

/** Chromium processes whose command line names `folder` (their profile is in it). */
async function chromiumUnder(folder: string): Promise<string[]> {
  for (let tries = 0; tries < 20; tries++) {
    const listing = (await tool('ps', ['-eo', 'pid=,args=']).catch(() => '')).split('\n').filter((line) => line.includes(folder) && /chrom/i.test(line))
    if (listing.length === 0) return []
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return (await tool('ps', ['-eo', 'pid=,args='])).split('\n').filter((line) => line.includes(folder) && /chrom/i.test(line))
}
