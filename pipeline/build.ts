/**
 * `charter build`, as a list of stages: read the source, parse and align it into the
 * Document, check the text (`charter check`'s rules: errors stop the build here), load
 * the fonts, make every edition through one browser, write the output.
 */
import type { VFile } from 'vfile'
import { openPrinter } from './browser.js'
import { buildDate } from './build-date.js'
import type { BuildOptions } from './build-options.js'
import { editions } from './editions.js'
import { loadFonts } from './fonts.js'
import { failed, lintSource } from './lint/index.js'
import { loadDocument } from './load-document.js'
import { papers } from './paper.js'
import { readSource } from './read-source.js'
import { prepareOutput, writeOutput, type ManifestEntry } from './write-output.js'

export interface BuildResult {
  /** The source files with any messages on them, for the reporter. */
  files: VFile[]
  /** What was written; undefined when the source had errors and nothing was written. */
  manifest: ManifestEntry[] | undefined
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const source = await readSource(options.source, options.signatories)
  const document = loadDocument(source)
  await lintSource(source)
  if (!document || failed(source.files)) return { files: source.files, manifest: undefined }

  await prepareOutput(options.out)
  const fonts = await loadFonts()
  const paper = papers[options.paper ?? document.publication.paper]
  const date = buildDate(document.publication)

  const chosen = options.only ? editions.filter((edition) => options.only!.includes(edition.id)) : editions
  // The preview passes its own browser, kept warm between builds; it closes it, not the build.
  const printer = options.printer ?? (await openPrinter(options.signal))
  let artifacts
  try {
    const context = { document, fonts, paper, date, printer, options }
    artifacts = (await Promise.all(chosen.map((edition) => edition.produce(context)))).flat()
  } finally {
    if (!options.printer) await printer.close()
  }

  const manifest = await writeOutput(options.out, artifacts)
  return { files: source.files, manifest }
}
