/** A web server on 127.0.0.1 that only counts the requests it gets: a build must send it none. */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface CanaryServer {
  port: number
  requests: string[]
  close(): Promise<void>
}

export async function startCanaryServer(): Promise<CanaryServer> {
  const requests: string[] = []
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '')
    response.writeHead(200, { 'content-type': 'image/png' })
    response.end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}
