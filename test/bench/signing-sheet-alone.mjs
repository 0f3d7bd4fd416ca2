#!/usr/bin/env node
// @ts-check
/**
 * Makes the signing sheet alone, as `charter build` does (same modules from lib/, one
 * browser), for the benchmark to tell the sheet's own cost from the whole build's.
 * Usage: node test/bench/signing-sheet-alone.mjs SOURCE-FOLDER OUT-FILE
 */
import { writeFile } from 'node:fs/promises'
import { openPrinter } from '../../lib/browser.js'
import { buildDate } from '../../lib/build-date.js'
import { buildOptionsSchema } from '../../lib/build-options.js'
import { BuildFonts } from '../../lib/font-subset.js'
import { loadFonts } from '../../lib/fonts.js'
import { loadDocument } from '../../lib/load-document.js'
import { papers } from '../../lib/paper.js'
import { readSource } from '../../lib/read-source.js'
import { signingSheetEdition } from '../../lib/signing-sheet-edition.js'

const [sourceFolder, outFile] = process.argv.slice(2)
const options = buildOptionsSchema.parse({ source: sourceFolder })
const source = await readSource(options.source)
const document = loadDocument(source)
if (!document) throw new Error(`The source in ${sourceFolder} has errors: run charter build on it to see them`)
// As a build does: the fonts cut once to every character of the source.
const fonts = new BuildFonts(await loadFonts(), source.files.map((file) => String(file.value)).join('\n'))
const printer = await openPrinter()
try {
  const paper = papers[document.publication.paper]
  const context = { document, fonts, paper, date: buildDate(document.publication), printer, options }
  const [sheet] = await signingSheetEdition.produce(context)
  await writeFile(outFile, sheet.bytes)
} finally {
  await printer.close()
}
