/**
 * One HTTP attempt of one delivery (D28, D29): the headers it carries and what it is recorded as.
 * Never throws: every way a receiver can fail ends up as a recorded attempt.
 */
import { performance } from 'node:perf_hooks';
import { toIso, type Clock } from '../shared/clock';
import type { DeliveryAttempt, DeliveryRecord } from '../state/records';
import { SNIPPET_BYTES, type WebhookHttpClient } from './http-client';
import { SIGNATURE_HEADER } from './signature';

export const WEBHOOK_USER_AGENT = 'acountpay-mock-webhooks/1';

export function buildDeliveryHeaders(
  delivery: DeliveryRecord,
  attempt: number,
  signature: string,
): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'User-Agent': WEBHOOK_USER_AGENT,
    [SIGNATURE_HEADER]: signature,
    'X-Webhook-Event': delivery.event,
    'X-Webhook-Delivery': delivery.id,
    'X-Webhook-Attempt': String(attempt),
  };
}

export function isSuccessful(attempt: DeliveryAttempt): boolean {
  return attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;
}

function truncate(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length <= SNIPPET_BYTES ? text : bytes.subarray(0, SNIPPET_BYTES).toString('utf8');
}

/** The reason a status fails: a redirect is not followed (D29), so it says so. */
function failureOf(statusCode: number): string {
  const reason = `status ${statusCode} is not 2xx`;
  return statusCode >= 300 && statusCode < 400 ? `${reason} (redirects are not followed)` : reason;
}

export interface AttemptDeps {
  http: WebhookHttpClient;
  clock: Clock;
  timeoutMs: number;
}

export async function performAttempt(
  deps: AttemptDeps,
  delivery: DeliveryRecord,
  signature: string,
): Promise<DeliveryAttempt> {
  const attempt = delivery.attempts.length + 1;
  const headers = buildDeliveryHeaders(delivery, attempt, signature);
  const startedAt = toIso(deps.clock.now());
  // Real elapsed time, not clock time: a manual clock stands still while the receiver answers.
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  try {
    const res = await deps.http.post(delivery.url, delivery.body, headers, deps.timeoutMs);
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    return {
      attempt,
      startedAt,
      durationMs: elapsed(),
      statusCode: res.statusCode,
      error: ok ? null : failureOf(res.statusCode),
      responseSnippet: truncate(res.bodySnippet),
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { attempt, startedAt, durationMs: elapsed(), statusCode: null, error: message, responseSnippet: null };
  }
}
