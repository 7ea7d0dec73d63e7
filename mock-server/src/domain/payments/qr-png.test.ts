/** E90: the 1-bit PNG encoder draws exactly qrcode's pixels, decoded by an independent PNG reader. */
import { inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { qrToPng } from './qr-png';
import { renderQr } from './payment-qr';

const URL_SHORT = 'http://127.0.0.1:4010/pay/ABCDEFGHJKLMNPQR';
// A symbol of 61 modules: 61 + 2 × 4 > 64, so at 64 px qrcode falls back to 4 px per module.
const URL_LONG = `https://pay.example.test/pay/${'a1b2c3d4e5'.repeat(20)}`;

// Sizes stay small: under Jest's module sandbox qrcode's own PNG encoder and pngjs's decoder take
// seconds per megapixel. The pixel arithmetic is the same at every size; 333 and 250 give
// fractional pixels per module.
describe('qrToPng', () => {
  test.each([
    ['short URL', 64, URL_SHORT],
    ['short URL', 320, URL_SHORT],
    ['short URL', 333, URL_SHORT],
    ['long URL', 64, URL_LONG],
    ['long URL', 250, URL_LONG],
  ])('%s at %i px decodes to the same pixels as qrcode.toBuffer', async (_name, width, url) => {
    const ours = PNG.sync.read(await qrToPng(QRCode.create(url), width));
    const theirs = PNG.sync.read(await QRCode.toBuffer(url, { type: 'png', width }));
    expect([ours.width, ours.height]).toEqual([theirs.width, theirs.height]);
    // pngjs expands both to RGBA; comparing the buffers keeps a failure message short.
    expect(Buffer.compare(ours.data, theirs.data)).toBe(0);
  });

  test('a symbol too large for the width takes the fallback of qrcode of 4 px per module', async () => {
    const modules = QRCode.create(URL_LONG).modules.size;
    expect(modules + 8).toBeGreaterThan(64);
    expect(PNG.sync.read(await qrToPng(QRCode.create(URL_LONG), 64)).width).toBe((modules + 8) * 4);
  });
});

describe('renderQr as PNG', () => {
  // Fails with qrcode's own renderer, which writes 8-bit RGBA (colour type 6): 32 times the pixel data.
  test('writes 2048 px as 1-bit greyscale: one filter byte and 256 bytes per row', async () => {
    const image = await renderQr(URL_SHORT, 'png', 2048);
    expect(image.contentType).toBe('image/png');
    const png = image.body as Buffer;
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect({
      width: png.readUInt32BE(16),
      height: png.readUInt32BE(20),
      bitDepth: png[24],
      colourType: png[25],
    }).toEqual({ width: 2048, height: 2048, bitDepth: 1, colourType: 0 });
    expect(png.toString('latin1', 37, 41)).toBe('IDAT');
    expect(inflateSync(png.subarray(41, 41 + png.readUInt32BE(33))).length).toBe(2048 * 257);
  });
});
