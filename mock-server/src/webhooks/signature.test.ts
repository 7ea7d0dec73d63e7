import { createHmac } from 'node:crypto';
import { signWebhookBody, verifyWebhookSignature } from './signature';

const secret = 'whsec_5f2b1c0d9e8a7b6c';
const body =
  '{"event":"payment.completed","timestamp":"2026-03-18T12:00:00.000Z","data":{"amount":149.5,"merchantName":"Café Ø"}}';
const expected = createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('hex');

describe('signWebhookBody', () => {
  test('gives the lowercase hex HMAC-SHA256 of the UTF-8 bytes', () => {
    expect(signWebhookBody(body, secret)).toBe(expected);
    expect(signWebhookBody(Buffer.from(body, 'utf8'), secret)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('verifyWebhookSignature', () => {
  test('accepts the right signature for a string or a Buffer body', () => {
    expect(verifyWebhookSignature(body, expected, secret)).toBe(true);
    expect(verifyWebhookSignature(Buffer.from(body), expected, secret)).toBe(true);
  });

  test('accepts a sha256= prefix and uppercase hex', () => {
    expect(verifyWebhookSignature(body, `sha256=${expected}`, secret)).toBe(true);
    expect(verifyWebhookSignature(body, expected.toUpperCase(), secret)).toBe(true);
  });

  test('rejects a signature made with another secret', () => {
    expect(verifyWebhookSignature(body, signWebhookBody(body, 'whsec_other'), secret)).toBe(false);
  });

  test('rejects a body changed by one byte', () => {
    expect(verifyWebhookSignature(body.replace('149.5', '149.6'), expected, secret)).toBe(false);
  });

  test('rejects a missing, repeated or malformed header without throwing', () => {
    expect(verifyWebhookSignature(body, undefined, secret)).toBe(false);
    expect(verifyWebhookSignature(body, [expected, expected], secret)).toBe(false);
    expect(verifyWebhookSignature(body, '', secret)).toBe(false);
    expect(verifyWebhookSignature(body, expected.slice(0, 63), secret)).toBe(false);
    expect(verifyWebhookSignature(body, `${expected}00`, secret)).toBe(false);
    expect(verifyWebhookSignature(body, 'z'.repeat(64), secret)).toBe(false);
    expect(verifyWebhookSignature(body, `sha1=${expected}`, secret)).toBe(false);
  });
});
