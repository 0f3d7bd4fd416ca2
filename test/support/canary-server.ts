/**
 * A web server on 127.0.0.1 that only counts what reaches it: a build must send it no
 * request, and open no connection to it (a preconnect opens one and sends nothing).
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface CanaryServer {
  port: number
  /** The URLs of the requests it got. */
  requests: string[]
  /** The connections opened to it, with or without a request. */
  connections: number
  close(): Promise<void>
}

export async function startCanaryServer(): Promise<CanaryServer> {
  const canary = { requests: [] as string[], connections: 0 }
  const server: Server = createServer((request, response) => {
    canary.requests.push(request.url ?? '')
    response.writeHead(200, { 'content-type': 'image/png' })
    response.end()
  })
  server.on('connection', () => canary.connections++)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    get requests() {
      return canary.requests
    },
    get connections() {
      return canary.connections
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
