/** The media type of each kind of file charter makes or serves, by its name's extension. */

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.epub': 'application/epub+zip',
  '.json': 'application/json'
}

/** `font/woff2` for `fonts/x.woff2`; `application/octet-stream` for what has no entry. */
export function mediaType(name: string): string {
  const extension = /\.[^./]+$/.exec(name)?.[0].toLowerCase() ?? ''
  return types[extension] ?? 'application/octet-stream'
}
