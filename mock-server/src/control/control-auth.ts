/**
 * The control API is open unless a control token is configured (or generated, E32); then it needs
 * `Authorization: Bearer <token>`. The QA console at `/` takes the token as `?token=` too, so that a
 * browser can open it. A mock's webhook delivery never reaches it (E224).
 */
import type { Request } from 'express';
import type { MockConfig } from '../config';
import { apiError } from '../http/api-error';
import { secretsEqual } from '../http/authenticate';

/** True when no token is configured, or the request carries it (`?token=` only when `allowQuery`). */
export function hasControlToken(config: MockConfig, req: Request, allowQuery = false): boolean {
  if (!config.controlToken) return true;
  const header = req.headers.authorization ?? '';
  const fromHeader = header.startsWith('Bearer ') ? header.slice(7) : '';
  const query = allowQuery ? req.query.token : undefined;
  const fromQuery = typeof query === 'string' ? query : '';
  return secretsEqual(fromHeader || fromQuery, config.controlToken);
}

export function authenticateControl(config: MockConfig, req: Request): { partner: null; credential: null } {
  if (req.path.endsWith('/__control/health')) return { partner: null, credential: null };
  // E224: a webhook aimed at a control API (this mock's or another's) would drive it with every
  // event, and a pair of them (deactivate on activated, activate on deactivated) never stops.
  if (req.headers['x-webhook-delivery'] !== undefined) throw apiError('control_delivery_refused');
  if (!hasControlToken(config, req)) throw apiError('control_unauthorized');
  return { partner: null, credential: null };
}
