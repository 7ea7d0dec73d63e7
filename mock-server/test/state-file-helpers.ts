/**
 * What the state-file tests share (E50): a temp directory for the file, a small fetch client for a
 * mock on a real port, and the mock's whole observable state read through the control API.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from '../src/config';

export interface TempDir {
  dir: string;
  file: (name?: string) => string;
  remove: () => void;
}

export function tempDir(): TempDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acountpay-state-'));
  return {
    dir,
    file: (name = 'state.db') => path.join(dir, name),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export const DEFAULT_AUTH = {
  'X-Partner-Client-Id': DEFAULT_CLIENT_ID,
  'X-Partner-Client-Secret': DEFAULT_CLIENT_SECRET,
};

export interface Answer {
  status: number;
  // Test code reads whatever the answer holds.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** The body of an answer that must have `status`; otherwise throws with what came instead. */
// A test reads the body's fields to assert on them; a wrong shape fails that assertion.
/* eslint-disable @typescript-eslint/no-explicit-any */
export function answerBody(answer: Answer, status = 200): Record<string, any> {
  if (answer.status !== status)
    throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body as Record<string, any>;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface Client {
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** The same with the partner's auth headers. */
  partner(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
}

export function clientOf(url: () => string, auth: Record<string, string> = DEFAULT_AUTH): Client {
  async function call(method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${url()}${urlPath}`, {
      method,
      headers: { ...(body !== undefined && { 'Content-Type': 'application/json' }), ...headers },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // HTML pages and empty bodies stay text
    }
    return { status: res.status, body: parsed };
  }
  return {
    call,
    partner: (method, urlPath, body, headers = {}) => call(method, urlPath, body, { ...auth, ...headers }),
  };
}

/** Everything a client can see of the mock's state, in one comparable value. */
export interface Observed {
  state: unknown;
  deliveries: unknown;
  faults: unknown;
  clockOffsetMs: number;
}

export async function observe(client: Client): Promise<Observed> {
  const state = await client.call('GET', '/__control/state');
  const deliveries = await client.call('GET', '/__control/webhook-deliveries?limit=100');
  const faults = await client.call('GET', '/__control/faults');
  const clock = await client.call('GET', '/__control/clock');
  for (const answer of [state, deliveries, faults, clock])
    if (answer.status !== 200) throw new Error(`control API answered ${answer.status}`);
  return {
    state: state.body,
    deliveries: deliveries.body,
    faults: faults.body,
    clockOffsetMs: (clock.body as { offsetMs: number }).offsetMs,
  };
}

/** A loopback port where nothing listens: deliveries to it fail at once and wait for their retry. */
export const CLOSED_PORT_URL = 'http://127.0.0.1:9/hooks';
