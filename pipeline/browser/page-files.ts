/**
 * What a tab's page may load: the job's page and files, answered from memory at a made-up
 * origin (`https://charter.invalid/`), and nothing else. `.invalid` can never resolve,
 * should anything leak.
 */
import type { Reply } from './chromium.js'
import { mediaType } from '../output/media-types.js'

/** The origin pages are served from. */
export const pageOrigin = 'https://charter.invalid/'

/** A page to load: its HTML and the files it may load, by URL relative to the page. */
export interface PageFiles {
  html: string
  /** Relative URL (`fonts/x.ttf`) to the file's bytes. */
  assets: ReadonlyMap<string, Uint8Array>
}

/**
 * The reply to a request for `url` while `job` is loaded: one of its files, or undefined
 * (refused), after noting the URL in `refused`.
 */
export function answerRequest(job: PageFiles | undefined, url: string, encoded: AssetCache, refused: string[]): Reply | undefined {
  const relative = url.startsWith(pageOrigin) ? decodeURIComponent(url.slice(pageOrigin.length)) : undefined
  if (job && relative === 'index.html') return { status: 200, type: 'text/html; charset=utf-8', base64: Buffer.from(job.html, 'utf8').toString('base64') }
  // Chromium asks for a favicon by itself; it is no request of the document's.
  if (relative === 'favicon.ico') return { status: 404, type: 'text/plain', base64: '' }
  const asset = relative === undefined ? undefined : job?.assets.get(relative)
  if (asset === undefined) {
    refused.push(url)
    return undefined
  }
  return { status: 200, type: mediaType(relative!), base64: encoded.base64(asset) }
}

/**
 * Every file served, kept as base64 however many pages ask for it. Held weakly: a preview
 * keeps its browser for many builds, each with files of its own.
 */
export class AssetCache {
  readonly #encoded = new WeakMap<Uint8Array, string>()

  base64(bytes: Uint8Array): string {
    let encoded = this.#encoded.get(bytes)
    if (encoded === undefined) {
      encoded = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
      this.#encoded.set(bytes, encoded)
    }
    return encoded
  }
}
