declare module 'wawoff2' {
  /** A WOFF2 file's fonts as TrueType or OpenType bytes. */
  export function decompress(woff2: Uint8Array): Promise<Uint8Array>
  export function compress(sfnt: Uint8Array): Promise<Uint8Array>
}
