/** The control API is open unless a control token is configured; then it needs `Authorization: Bearer <token>`. */
import type { Request } from 'express';
import type { MockConfig } from '../config';
import { errors } from '../http/api-error';
import { secretsEqual } from '../http/authenticate';

export function authenticateControl(config: MockConfig, req: Request): { partner: null; credential: null } {
  if (config.controlToken && !req.path.endsWith('/__control/health')) {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!secretsEqual(token, config.controlToken)) throw errors.unauthorizedControl();
  }
  return { partner: null, credential: null };
}
