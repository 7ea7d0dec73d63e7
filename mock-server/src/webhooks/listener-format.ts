/** The block `acountpay-mock listen` prints for each delivery, and the delivery it describes. */
import type http from 'node:http';

export type SignatureCheck = 'verified' | 'invalid' | 'unchecked';

export interface ReceivedDelivery {
  receivedAt: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  /** The parsed body; undefined when it is not JSON. */
  body: unknown;
  event: string | null;
  deliveryId: string | null;
  attempt: number | null;
  signature: SignatureCheck;
  /** Empty when the body matches the spec's schema for its event. */
  schemaErrors: string[];
  respondedWith: number;
}

const SIGNATURE_TEXT = {
  verified: 'verified ✓',
  invalid: 'INVALID ✗',
  unchecked: 'not checked (no --secret)',
} as const;

export function formatReceivedDelivery(d: ReceivedDelivery): string {
  const schema = d.schemaErrors.length === 0 ? 'ok' : ['errors', ...d.schemaErrors.map((e) => `  - ${e}`)].join('\n');
  const body = d.body === undefined ? d.rawBody : JSON.stringify(d.body, null, 2);
  return [
    `── ${d.event ?? '(no event)'} ── ${d.receivedAt} ──`,
    `delivery:  ${d.deliveryId ?? '(none)'}  attempt ${d.attempt ?? '?'}  → answered ${d.respondedWith}`,
    `signature: ${SIGNATURE_TEXT[d.signature]}`,
    `schema:    ${schema}`,
    body,
    '',
  ].join('\n');
}
