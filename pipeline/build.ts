/**
 * `charter build`, as a list of stages: make sure the output folder may be written (the
 * organisers' copy never beside the published files), start the browser, read the source,
 * parse and align it into the Document, check the text (`charter check`'s rules: errors
 * stop the build here), cut the fonts, make the editions through the one browser, write
 * the output folder as a whole.
 *
 * The browser starts before the source is read, since it takes the longest to start; a
 * source with errors closes it unused.
 */
import type { VFile } from 'vfile'
import { openPrinter, type Printer } from './browser/printer.js'
import { editionOptions, type BuildOptions } from './build-options.js'
import { editionIds } from './editions/edition-ids.js'
import { UsageError } from './errors.js'
import { organisersCopyRefusal, publicBuildRefusal } from './output/published-folder.js'
import type { ManifestEntry } from './output/write-output.js'

export interface BuildResult {
  /** The source files with any messages on them, for the reporter. */
  files: VFile[]
  /** What was written; undefined when the source had errors and nothing was written. */
  manifest: ManifestEntry[] | undefined
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const step = timer(options.onProgress)
  await refuseOutputFolder(options)

  // The preview passes its own browser, kept warm between builds; it closes it, not the build.
  const owned = !options.printer
  const opening = options.printer ? Promise.resolve(options.printer) : openPrinter({ browser: options.browser })
  opening.catch(() => undefined)
  // Stopped (Ctrl-C), the build closes its browser at once: the jobs waiting on it fail and it unwinds.
  if (owned) options.signal?.addEventListener('abort', () => void closeQuietly(opening), { once: true })
  // The rest of charter loads while the browser starts: it starts first, since it takes the longest.
  const loading = Promise.all([
    import('./source/read-source.js'),
    import('./source/load-document.js'),
    import('./lint/index.js'),
    import('./source/build-date.js'),
    import('./output/write-output.js'),
    import('./fonts/document-fonts.js'),
    import('./fonts/fonts.js'),
    import('./pdf/paper.js'),
    import('./editions/index.js')
  ])
  loading.catch(() => undefined)
  try {
    const [{ readSource }, { loadDocument, publicTexts }, { failed, lintSource }, { buildDate }, { prepareOutput, writeOutput }, { documentFonts }, { loadFonts }, { papers }, { editions, makeEditions }] =
      await loading
    const source = await step('read', readSource(options.source, options.signatories))
    const document = loadDocument(source)
    await step('check', lintSource(source))
    if (!document || failed(source.files)) return { files: source.files, manifest: undefined }

    const date = buildDate(document.publication)
    await prepareOutput(options.out)
    // Finishing a stopped build's moves may have brought files in: look again.
    await refuseOutputFolder(options)
    // The fonts are cut once, for every page printed, from the public source only: a private
    // signatory's characters in them would change the glyph numbers of every public PDF.
    const fonts = documentFonts(await loadFonts(), document, publicTexts(source, document), source.ownFonts)
    await step('fonts', fonts.ready())
    const paper = papers[options.paper ?? document.publication.paper]
    const printer = await step('browser', opening)
    const context = { document, fonts, paper, date, printer, options: editionOptions(options, source.sheetSignatories ?? document.signatories) }
    const artifacts = await makeEditions(editions, options.only ?? editionIds, context, step)
    // Chromium takes a moment to shut down: let it, while the files are written.
    const closing = owned ? closeQuietly(opening) : Promise.resolve()
    const manifest = await step('write', writeOutput(options.out, artifacts))
    await closing
    return { files: source.files, manifest }
  } finally {
    if (owned) await closeQuietly(opening)
  }
}

/** Throws UsageError when the output folder may not take this build (see output/published-folder.ts). */
async function refuseOutputFolder({ includePrivate, out }: BuildOptions): Promise<void> {
  const refused = await (includePrivate ? organisersCopyRefusal(out) : publicBuildRefusal(out))
  if (refused) throw new UsageError(includePrivate ? `--include-private: ${refused}` : refused)
}

async function closeQuietly(opening: Promise<Printer>) {
  const printer = await opening.catch(() => undefined)
  await printer?.close()
}

/** Wraps each stage's promise so that its time since the build began is reported when it settles. */
function timer(onProgress: BuildOptions['onProgress']) {
  const started = performance.now()
  return <T>(name: string, work: Promise<T>): Promise<T> => {
    if (!onProgress) return work
    return work.then((value) => {
      onProgress(name, performance.now() - started)
      return value
    })
  }
}
