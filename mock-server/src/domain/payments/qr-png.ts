/**
 * E90: a QR code as a 1-bit greyscale PNG, drawn from the modules `qrcode` computes. qrcode's own
 * PNG renderer writes 4 bytes per pixel and lets pngjs try five filters on every row: at 2048 px that
 * is 16 MB and about half a second of the event loop per image. Here a pixel is one bit, each module
 * row is packed once and copied, and zlib compresses on its thread pool, so the event loop spends
 * about a millisecond. The pixels are exactly qrcode's (`qrToImageData` in its
 * lib/renderer/utils.js, the same arithmetic): a test decodes both images and compares them.
 */
import { promisify } from 'node:util';
import { crc32, deflate } from 'node:zlib';
import type { QRCode } from 'qrcode';

const deflateAsync = promisify(deflate);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** qrcode's default quiet zone for PNG, in modules. */
export const QR_PNG_MARGIN = 4;

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * The PNG qrcode's `toBuffer(text, {type: 'png', width, margin})` would draw for `qr`, black on
 * white, as 1-bit greyscale. Like qrcode, a `width` too small for one pixel per module falls back to
 * 4 pixels per module.
 */
export async function qrToPng(qr: QRCode, width: number, margin = QR_PNG_MARGIN): Promise<Buffer> {
  const size = qr.modules.size;
  const data = qr.modules.data;
  // qrcode's getOptions / getScale / getImageWidth.
  const requested = width >= 21 ? width : undefined;
  const scale = requested && requested >= size + margin * 2 ? requested / (size + margin * 2) : 4;
  const symbolSize = Math.floor((size + margin * 2) * scale);
  const scaledMargin = margin * scale;
  const inside = (p: number) => p >= scaledMargin && p < symbolSize - scaledMargin;

  // Source module column of every pixel column, -1 in the quiet zone.
  const column = new Int32Array(symbolSize);
  for (let j = 0; j < symbolSize; j += 1) column[j] = inside(j) ? Math.floor((j - scaledMargin) / scale) : -1;

  // One scanline per module row (and one all light): filter byte 0, then 1 bit per pixel, MSB
  // first, 1 = light. Padding bits past the last pixel stay 1.
  const stride = 1 + Math.ceil(symbolSize / 8);
  const lines = new Map<number, Buffer>();
  const scanline = (row: number): Buffer => {
    let line = lines.get(row);
    if (line) return line;
    line = Buffer.alloc(stride, 0xff);
    line[0] = 0;
    if (row >= 0) {
      for (let byte = 0; byte < stride - 1; byte += 1) {
        let bits = 0xff;
        for (let bit = 0; bit < 8; bit += 1) {
          const col = column[byte * 8 + bit] ?? -1; // past the last pixel: undefined
          if (col >= 0 && data[row * size + col]) bits &= ~(0x80 >> bit);
        }
        line[byte + 1] = bits;
      }
    }
    lines.set(row, line);
    return line;
  };
  const raw = Buffer.allocUnsafe(stride * symbolSize);
  for (let i = 0; i < symbolSize; i += 1) {
    scanline(inside(i) ? Math.floor((i - scaledMargin) / scale) : -1).copy(raw, i * stride);
  }

  const header = Buffer.alloc(13);
  header.writeUInt32BE(symbolSize, 0);
  header.writeUInt32BE(symbolSize, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // colour type: greyscale; compression, filter and interlace methods stay 0
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', await deflateAsync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
