#!/usr/bin/env node
// @ts-check
/**
 * Benchmark: a copy of source/ whose signatory list holds 10,000 generated names (Chinese,
 * English and both); the signing sheet made alone, then a real `charter build` of it. Prints
 * for each the wall time and the peak memory (charter and every Chromium process it starts,
 * summed), and the sheet's pages. Run with `npm run bench:signing-sheet [-- COUNT]`.
 * Linux only: memory is read from /proc. Compile first (`npm run compile`).
 */
import { spawn } from 'node:child_process'
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { cpus, tmpdir, totalmem } from 'node:os'
import path from 'node:path'

const projectRoot = path.resolve(import.meta.dirname, '../..')
const count = Number(process.argv[2] ?? 10_000)

const surnames = [['CHAN', '陳'], ['WONG', '黃'], ['LEUNG', '梁'], ['LAU', '劉'], ['CHEUNG', '張'], ['LEE', '李'], ['NG', '吳'], ['HO', '何'], ['TSANG', '曾'], ['LAM', '林'], ['CHOW', '周'], ['YEUNG', '楊'], ['FUNG', '馮'], ['KWOK', '郭'], ['TAM', '譚'], ['MAK', '麥'], ['TANG', '鄧'], ['YIP', '葉'], ['SO', '蘇'], ['LO', '盧']]
// Given names are two syllables from this list (in Chinese and in Hong Kong romanisation).
const syllables = [['Ka', '嘉'], ['Wai', '偉'], ['Chi', '志'], ['Hoi', '凱'], ['Tsz', '子'], ['Siu', '小'], ['Mei', '美'], ['Kwok', '國'], ['Wing', '詠'], ['Ho', '浩'], ['Man', '文'], ['Fung', '峰'], ['Ting', '婷'], ['Kin', '健'], ['Ming', '明'], ['Ling', '玲'], ['Yan', '欣'], ['Sze', '詩'], ['Yin', '然'], ['Hei', '希'], ['Lok', '樂'], ['Chun', '俊'], ['Yu', '宇'], ['Tung', '彤'], ['Hang', '恆'], ['Pui', '佩'], ['Shing', '成'], ['Kit', '傑'], ['Wah', '華'], ['On', '安']]
const english = ['Alex', 'Joanne', 'Nathan', 'Grace', 'Vincent', 'Karen', 'Marcus', 'Iris', 'Dennis', 'Winnie', 'Kelvin', 'Phoebe', 'Jason', 'Cherry', 'Louis', 'Yvonne']
const places = [['London', '倫敦'], ['Manchester', '曼徹斯特'], ['Toronto', '多倫多'], ['Vancouver', '溫哥華'], ['Sydney', '悉尼'], ['Taipei', '台北'], ['Berlin', '柏林'], ['Melbourne', '墨爾本']]

/** A deterministic pseudo-random sequence, so every run measures the same list. */
function random(seed) {
  let state = seed
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648
    // The low bits of this generator repeat quickly; the high ones do not.
    return Math.floor((state / 2147483648) * n)
  }
}

/**
 * The signatory list as YAML, every name different (a repeated name is an error): one
 * organisation in twenty; individuals in Chinese, in English or both; one in fifty not public.
 */
function signatoriesYaml(total) {
  const pick = random(2021)
  const organisations = []
  const individuals = []
  const seen = new Set()
  while (organisations.length + individuals.length < total) {
    const index = organisations.length + individuals.length
    if (index % 20 === 0) {
      const [place, placeZh] = places[pick(places.length)]
      const number = organisations.length + 1
      organisations.push(`  - name: Hongkongers in ${place} ${number}\n    name-zh: ${placeZh}港人第${number}會`)
      continue
    }
    const [surname, surnameZh] = surnames[pick(surnames.length)]
    const [[first, firstZh], [second, secondZh]] = [syllables[pick(syllables.length)], syllables[pick(syllables.length)]]
    const latin = `${english[pick(english.length)]} ${surname} ${first} ${second}`
    const chinese = `${surnameZh}${firstZh}${secondZh}`
    const kind = pick(3)
    const key = kind === 0 ? chinese : kind === 1 ? latin : `${latin}|${chinese}`
    if (seen.has(key) || seen.has(chinese) || seen.has(latin)) continue
    seen.add(key)
    const entry = kind === 0 ? `  - name-zh: ${chinese}` : kind === 1 ? `  - name: ${latin}` : `  - name: ${latin}\n    name-zh: ${chinese}`
    individuals.push(pick(50) === 0 ? `${entry}\n    public: false` : entry)
  }
  return `organisations:\n${organisations.join('\n')}\nindividuals:\n${individuals.join('\n')}\n`
}

/** Every process descending from `root`, `root` included. */
async function processTree(root) {
  const parents = new Map()
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '')
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    if (ppid) parents.set(Number(name), ppid)
  }
  const tree = new Set([root])
  for (let grew = true; grew; ) {
    grew = false
    for (const [pid, ppid] of parents) if (tree.has(ppid) && !tree.has(pid)) (tree.add(pid), (grew = true))
  }
  return [...tree]
}

/**
 * Memory of `pid` in bytes: its proportional share (Pss: shared pages split between the
 * processes sharing them, so that summing over Chromium's processes does not count its
 * libraries ten times) and its peak resident size as the kernel kept it (VmHWM).
 */
async function memoryOf(pid) {
  const [rollup, status] = await Promise.all([
    readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => ''),
    readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  ])
  const kb = (pattern, text) => Number(pattern.exec(text)?.[1] ?? 0) * 1024
  return { share: kb(/^Pss:\s+(\d+) kB/m, rollup), peak: kb(/VmHWM:\s+(\d+) kB/, status) }
}

/** Runs `node ...args` in `cwd`, sampling its process tree's memory; wall seconds and peaks. */
async function measure(args, cwd) {
  const started = performance.now()
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'ignore', 'pipe'] })
  let errors = ''
  child.stderr?.on('data', (chunk) => (errors = (errors + chunk).slice(-4000)))
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)))
  let peakTree = 0
  let peakOne = 0
  let done = false
  void exited.then(() => (done = true))
  while (!done) {
    const sizes = await Promise.all((await processTree(child.pid ?? 0)).map(memoryOf))
    peakTree = Math.max(peakTree, sizes.reduce((sum, size) => sum + size.share, 0))
    peakOne = Math.max(peakOne, ...sizes.map((size) => size.peak))
    // Sampling more often takes CPU from the build it measures (two cores).
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const code = await exited
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}:\n${errors}`)
  return { seconds: (performance.now() - started) / 1000, peakTree, peakOne }
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const work = await mkdtemp(path.join(tmpdir(), 'charter-bench-'))
try {
  const source = path.join(work, 'source')
  await cp(path.join(projectRoot, 'source'), source, { recursive: true })
  await writeFile(path.join(source, 'signatories.yaml'), signatoriesYaml(count))
  console.log(`signatories        ${count}`)
  console.log(`machine            ${cpus().length} cores, ${mb(totalmem())} memory, Node ${process.version}`)

  const alone = await measure([path.join(projectRoot, 'test/bench/signing-sheet-alone.mjs'), source, path.join(work, 'sheet.pdf')], work)
  const build = await measure([path.join(projectRoot, 'bin/charter.js'), 'build', '--source', source, '--out', path.join(work, 'out')], work)
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
