/** D24: a payment's `paymentUrl` as a QR image (the partner may just as well render it itself). */
import QRCode from 'qrcode';
import { qrToPng } from './qr-png';

export type QrFormat = 'svg' | 'png';

export interface QrImage {
  contentType: 'image/svg+xml' | 'image/png';
  body: string | Buffer;
}

export async function renderQr(url: string, format: QrFormat, size: number): Promise<QrImage> {
  // E90: qrcode computes the modules; the PNG is encoded 1 bit per pixel (qrcode's own costs ~0.5 s at 2048 px).
  if (format === 'png') return { contentType: 'image/png', body: await qrToPng(QRCode.create(url), size) };
  return { contentType: 'image/svg+xml', body: await QRCode.toString(url, { type: 'svg', width: size, margin: 1 }) };
}

/** `format` wins when given; otherwise `Accept: image/png` picks PNG, and anything else SVG (the spec's default). */
export function pickQrFormat(format: unknown, accept: string | undefined): QrFormat {
  if (format === 'svg' || format === 'png') return format;
  return /\bimage\/png\b/i.test(accept ?? '') && !/\bimage\/svg\+xml\b/i.test(accept ?? '') ? 'png' : 'svg';
}
