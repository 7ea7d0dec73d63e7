/**
 * D1: every partner-API call carries X-Partner-Client-Id and X-Partner-Client-Secret (header names
 * are case-insensitive in Node). Unknown, wrong or revoked → 401, the same answer for each so that
 * nothing leaks; secrets are compared in constant time and never logged.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { MockState } from '../state/mock-state';
import type { CredentialRecord, PartnerRecord } from '../state/records';
import { apiError } from './api-error';

/**
 * Compares two secrets in constant time for their length. Only the length can leak, and secret
 * lengths are public (64 hex characters, D3); equal-length inputs never hash, which keeps hashing
 * off the request path.
 */
export function secretsEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  if (a.length !== b.length) {
    timingSafeEqual(b, b); // the same work as a comparison, so a wrong length answers no faster
    return false;
  }
  return timingSafeEqual(a, b);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function authenticatePartner(
  state: MockState,
  req: Request,
): { partner: PartnerRecord; credential: CredentialRecord } {
  const clientId = single(req.headers['x-partner-client-id']);
  const secret = single(req.headers['x-partner-client-secret']);
  if (!clientId || !secret) throw apiError('unauthorized', 'missing');
  const credential = state.credentialByClientId(clientId);
  const matches = secretsEqual(secret, credential?.secret ?? '');
  if (!credential || !matches || credential.status !== 'active') throw apiError('unauthorized', 'invalid');
  const partner = state.partners.get(credential.partnerId);
  if (!partner) throw apiError('unauthorized', 'invalid');
  return { partner, credential };
}
