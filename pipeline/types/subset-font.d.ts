// subset-font ships no types; this is the part of its API the project uses.
declare module 'subset-font' {
  interface SubsetOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2'
    preserveNameIds?: number[]
    keepFeatures?: string[]
  }
  export default function subsetFont(font: Uint8Array, text: string, options?: SubsetOptions): Promise<Buffer>
}

// fontverter (subset-font's own converter) ships no types either.
declare module 'fontverter' {
  const fontverter: {
    convert(font: Uint8Array, to: 'truetype' | 'sfnt' | 'woff' | 'woff2', from?: string): Promise<Buffer>
    detectFormat(font: Uint8Array): string
  }
  export default fontverter
}
