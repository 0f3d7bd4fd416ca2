/** The QR code that takes a reader's phone to the publication's sign-up page. */
import QRCode from 'qrcode'

/**
 * An SVG QR code for `url`, made on this machine (no service is asked), with no quiet
 * zone of its own: the template gives it white space. Same URL, same bytes.
 */
export async function signQrCode(url: string): Promise<Uint8Array> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 0, color: { dark: '#000000', light: '#ffffff' } })
  return new TextEncoder().encode(svg)
}
