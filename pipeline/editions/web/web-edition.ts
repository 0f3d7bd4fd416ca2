/**
 * The `web` artifact: the charter as one HTML page (`web/index.html`) with its fonts beside
 * it (`web/fonts/<family>-<weight>.woff2`, ids `web-font-<family>-<weight>`), subset to the page's text. The folder
 * works as it is: opened from disk, served by any web server, or copied to a phone.
 */
import type { Edition } from '../edition.js'
import type { Artifact } from '../../output/write-output.js'
import { renderWeb } from './render-web.js'

/** Folder of the web edition inside the output folder. */
export const webFolder = 'web'

export const webEdition: Edition = {
  id: 'web',
  async produce({ document, fonts }) {
    const page = await renderWeb(document, fonts)
    const fontFiles = page.fonts.map(({ face, url, bytes }): Artifact => ({
      id: `web-font-${face.slug}`,
      file: `${webFolder}/${url}`,
      format: 'woff2',
      paper: null,
      pages: null,
      bytes
    }))
    const html: Artifact = { id: 'web', file: `${webFolder}/index.html`, format: 'html', paper: null, pages: null, bytes: new TextEncoder().encode(page.html) }
    return [html, ...fontFiles]
  }
}
