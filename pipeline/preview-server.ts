/**
 * The preview's web server, on 127.0.0.1 only: the web edition at `/` (its fonts beside
 * it), each printed file at `/<file>` and in a reloading viewer at `/__charter/view/<file>`,
 * and a Server-Sent Events stream telling open pages that a newer build is ready.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from './errors.js'
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
    // Another site in the same browser must not read the preview through a forged host name.
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(request.headers.host ?? '')) return send(response, 403, 'text/plain', 'Forbidden')
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const name = decodeURIComponent(url.pathname)
    if (name === `${previewPath}events`) {
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
      response.write('retry: 500\n' + message())
      listeners.add(response)
      request.on('close', () => listeners.delete(response))
      return
    }
    if (name.startsWith(`${previewPath}view/`)) {
      const file = name.slice(`${previewPath}view/`.length)
      if (!files.printed(file)) return send(response, 404, 'text/plain', `${file} is not built (yet)`)
      return send(response, 200, types['.html'], viewerPage(file, state))
    }
    const web = files.webFolder()
    if (name === '/' || name === '/index.html') {
      if (!web) return send(response, 200, types['.html'], emptyPage(state))
      return send(response, 200, types['.html'], injectPreview(await readFile(path.join(web, 'index.html'), 'utf8'), state))
    }
    const printed = files.printed(name.slice(1))
    const local = printed ?? (web && name.startsWith('/fonts/') ? inside(web, name) : undefined)
    if (!local) return send(response, 404, 'text/plain', 'Not found')
    const body = await readFile(local).catch(() => undefined)
    if (!body) return send(response, 404, 'text/plain', 'Not found')
    return send(response, 200, types[path.extname(local)] ?? 'application/octet-stream', body)
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

function send(response: ServerResponse, status: number, type: string, body: string | Buffer) {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) })
  response.end(body)
}
