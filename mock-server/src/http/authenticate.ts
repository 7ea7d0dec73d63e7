/**
 * D1: every partner-API call carries X-Partner-Client-Id and X-Partner-Client-Secret (header names
 * are case-insensitive in Node). Unknown, wrong or revoked → 401, the same answer for each so that
 * nothing leaks; secrets are compared in constant time and never logged.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { MockState } from '../state/mock-state';
import type { CredentialRecord, PartnerRecord } from '../state/records';
import { errors } from './api-error';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Compares two secrets in constant time, whatever their lengths. */
export function secretsEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The digest of each stored secret, computed once per secret (rotation gives a new string). */
const storedDigests = new Map<string, Buffer>();
function storedDigest(secret: string): Buffer {
  let found = storedDigests.get(secret);
  if (!found) {
    if (storedDigests.size > 10_000) storedDigests.clear();
    found = digest(secret);
    storedDigests.set(secret, found);
  }
  return found;
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
  if (!clientId || !secret) throw errors.unauthorized('Missing X-Partner-Client-Id or X-Partner-Client-Secret header');
  const credential = state.credentialByClientId(clientId);
  // Hashing both sides makes the comparison constant-time whatever the lengths (D1).
  const matches = timingSafeEqual(digest(secret), storedDigest(credential?.secret ?? ''));
  if (!credential || !matches || credential.status !== 'active')
    throw errors.unauthorized('Invalid partner credentials');
  const partner = state.partners.get(credential.partnerId);
  if (!partner) throw errors.unauthorized('Invalid partner credentials');
  return { partner, credential };
}
