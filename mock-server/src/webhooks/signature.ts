/**
 * Webhook signatures (D28): `X-Webhook-Signature` is the lowercase hex HMAC-SHA256 of the exact raw
 * request body, keyed with the webhook's secret. Receivers must verify the bytes they received,
 * before any JSON parsing, because re-serialising parsed JSON rarely gives the same bytes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Webhook-Signature';

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** Lowercase hex HMAC-SHA256 of `body` (UTF-8 when a string) keyed with `secret`. */
export function signWebhookBody(body: string | Buffer, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/**
 * Checks an `X-Webhook-Signature` header against the raw body, in constant time.
 * Accepts the bare hex digest or one prefixed with `sha256=`; returns false for a missing, repeated
 * or malformed header instead of throwing.
 *
 * @example
 * // Express: keep the raw bytes, verify, then parse.
 * app.post('/webhooks', express.raw({ type: 'application/json' }), (req, res) => {
 *   if (!verifyWebhookSignature(req.body, req.headers['x-webhook-signature'], process.env.WEBHOOK_SECRET!)) {
 *     return res.status(401).end();
 *   }
 *   const { event, data } = JSON.parse(req.body.toString('utf8'));
 *   res.status(200).end(); // answer 2xx within 10 s, then do the work
 * });
 */
export function verifyWebhookSignature(
  rawBody: string | Buffer,
  header: string | string[] | undefined,
  secret: string,
): boolean {
  if (typeof header !== 'string') return false;
  const trimmed = header.trim();
  const hex = trimmed.toLowerCase().startsWith('sha256=') ? trimmed.slice('sha256='.length) : trimmed;
  if (!HEX_SHA256.test(hex)) return false;
  const expected = Buffer.from(signWebhookBody(rawBody, secret), 'hex');
  return timingSafeEqual(expected, Buffer.from(hex, 'hex'));
}
