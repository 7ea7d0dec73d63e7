/** The block `acountpay-mock listen` prints for each delivery. */
import type { ReceivedDelivery } from './listener';

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
