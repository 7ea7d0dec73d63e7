/**
 * E32, E33: what the mock shows of itself when it listens beyond this machine, and how much of a
 * secret it ever prints.
 */
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1, `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true;
  const v4 = bare.startsWith('::ffff:') ? bare.slice(7) : bare;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/** A control token for a mock that listens beyond loopback and was given none (E32). */
export function generateControlToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * E33: a user's secret as it may appear in a banner, a log or an error message: its last 4
 * characters, or only its length when it is too short for 4 characters to be safe.
 */
export function maskSecret(secret: string): string {
  return secret.length >= 12 ? `…${secret.slice(-4)}` : `(${secret.length} characters, hidden)`;
}

/** A URL as logged and journaled: the value of a `token` query parameter (the console's) hidden. */
export function redactUrl(url: string): string {
  return url.includes('token=') ? url.replace(/([?&]token=)[^&#]*/gi, '$1[hidden]') : url;
}
