// @ts-check
/**
 * Runs the bundled `charter` command line (lib/charter.js) in a worker thread, with a
 * printer that refuses to print: for the fuzz test, which runs most mutants this way (no
 * browser, no new process, the fonts' character maps read once) and can end a worker that
 * takes too long. Takes `{ args }` messages, one at a time; answers each with
 * `{ code, stdout, stderr, printed }`, `printed` when the build got as far as printing.
 */
import { Writable } from 'node:stream'
import { parentPort } from 'node:worker_threads'
import { main } from '../../lib/charter.js'

parentPort?.on('message', async (/** @type {{ args: string[] }} */ { args }) => {
  let printed = false
  const refuse = async () => {
    printed = true
    throw new Error('refused to print')
  }
  const printer = { print: refuse, screenshots: refuse, close: async () => undefined }
  let stdout = ''
  let stderr = ''
  const sink = (/** @type {(text: string) => void} */ write) => new Writable({ write(chunk, _encoding, done) { write(String(chunk)); done() } })
  const code = await main(args, { stdout: sink((text) => (stdout += text)), stderr: sink((text) => (stderr += text)), printer })
  parentPort?.postMessage({ code, stdout, stderr, printed })
})
