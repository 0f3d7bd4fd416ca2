/**
 * The preview's web server, on 127.0.0.1 only: the web edition at `/` (its fonts beside
 * it), each printed file at `/<file>` and in a reloading viewer at `/__charter/view/<file>`,
 * and a Server-Sent Events stream telling open pages that a newer build is ready.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../errors.js'
import { emptyPage, injectPreview, previewPath, viewerPage, type PreviewState } from './preview-page.js'

export interface PreviewFiles {
  /** The folder holding the web edition's index.html and fonts/, once one was built. */
  webFolder(): string | undefined
  /** The absolute path of a printed file by its name in the output, if built. */
  printed(name: string): string | undefined
}

export interface PreviewServer {
  /** The address to open, `http://127.0.0.1:<port>/`. */
  url: string
  /** Tells every open page the state changed; those showing an older build reload. */
  notify(): void
  close(): Promise<void>
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.epub': 'application/epub+zip',
  '.png': 'image/png',
  '.json': 'application/json'
}

/** Starts the server on `port` (0: any free port). Throws UsageError when the port is taken. */
export async function startPreviewServer(port: number, state: PreviewState, files: PreviewFiles): Promise<PreviewServer> {
  const listeners = new Set<ServerResponse>()
  const message = () => `data: ${JSON.stringify({ web: state.webGeneration, print: state.printGeneration })}\n\n`
  const server = createServer((request, response) => {
    void respond(request, response).catch(() => send(response, 500, 'text/plain', 'The preview failed to read a file; see the terminal.'))
  })

  async function respond(request: IncomingMessage, response: ServerResponse) {
    // Another site in the same browser must not read the preview through a forged host
    // name, nor load anything from it: a page that can tell a preview is running knows
    // who is editing the text, and when.
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(request.headers.host ?? '') || !sameOrigin(request)) return send(response, 403, 'text/plain', 'Forbidden')
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'Only GET')
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const name = decodeURIComponent(url.pathname)
    if (name === `${previewPath}events`) {
      response.writeHead(200, { ...guarded, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
      response.write('retry: 500\n' + message())
      listeners.add(response)
      request.on('close', () => listeners.delete(response))
      return
    }
    if (name.startsWith(`${previewPath}view/`)) {
      const file = name.slice(`${previewPath}view/`.length)
      if (!files.printed(file)) return send(response, 404, 'text/plain', `${file} is not built (yet)`)
      const nonce = randomBytes(16).toString('base64')
      return send(response, 200, types['.html'], viewerPage(file, state, nonce), pageHeaders(nonce))
    }
    const web = files.webFolder()
    if (name === '/' || name === '/index.html') {
      const nonce = randomBytes(16).toString('base64')
      if (!web) return send(response, 200, types['.html'], emptyPage(state, nonce), pageHeaders(nonce))
      return send(response, 200, types['.html'], injectPreview(await readFile(path.join(web, 'index.html'), 'utf8'), state, nonce), pageHeaders(nonce))
    }
    const printed = files.printed(name.slice(1))
    const local = printed ?? (web && name.startsWith('/fonts/') ? inside(web, name) : undefined)
    if (!local) return send(response, 404, 'text/plain', 'Not found')
    const body = await readFile(local).catch(() => undefined)
    if (!body) return send(response, 404, 'text/plain', 'Not found')
    // The viewer page shows a printed file in a frame of its own: that file may be framed, by the preview only.
    return send(response, 200, types[path.extname(local)] ?? 'application/octet-stream', body, printed ? framedByPreview : {})
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new UsageError(`Port ${port} is in use (another preview?): stop it, or choose another port with --port N.`) : error)
    )
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  const actual = typeof address === 'object' && address ? address.port : port
  return {
    url: `http://127.0.0.1:${actual}/`,
    notify() {
      for (const listener of listeners) listener.write(message())
    },
    async close() {
      for (const listener of listeners) listener.end()
      listeners.clear()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

/** `folder` + `name`, or undefined when `name` would climb out of `folder`. */
function inside(folder: string, name: string): string | undefined {
  const resolved = path.resolve(folder, '.' + path.posix.normalize(name))
  return resolved.startsWith(folder + path.sep) ? resolved : undefined
}

/**
 * Whether the request comes from the preview's own pages (or the address typed or
 * bookmarked): browsers say where a request comes from in Sec-Fetch-Site, and older ones
 * in Origin or Referer.
 */
function sameOrigin(request: IncomingMessage): boolean {
  const site = request.headers['sec-fetch-site']
  if (site !== undefined) return site === 'same-origin' || site === 'none'
  const from = request.headers.origin ?? request.headers.referer
  if (from === undefined) return true
  try {
    return new URL(from).host === request.headers.host
  } catch {
    return false
  }
}

/** Sent with every answer: no other site may frame it, guess its type or read it. */
const guarded = {
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'"
}

/** A printed file, which the viewer page frames. */
const framedByPreview = { 'X-Frame-Options': 'SAMEORIGIN', 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'self'" }

/** The pages: their own styles, fonts and frames, and only the preview's script (by its nonce). */
function pageHeaders(nonce: string): Record<string, string> {
  return {
    'Content-Security-Policy': [
      "default-src 'none'",
      "style-src 'unsafe-inline'",
      "font-src 'self'",
      "img-src 'self' data:",
      `script-src 'nonce-${nonce}'`,
      "connect-src 'self'",
      "frame-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'none'"
    ].join('; ')
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) {
  response.writeHead(status, { ...guarded, ...headers, 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) })
  response.end(body)
}
