/**
 * The request journal: the last N requests (method, path, operationId, status, duration, partner),
 * recorded when each response finishes. A ring buffer, so it costs O(1) per request and bounded memory.
 *
 * E72: each entry also keeps, for the QA console's detail view, the request's and the response's
 * headers and the first JOURNAL_BODY_CHARS characters of their bodies, with secrets masked.
 */
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { Request, Response } from 'express';
import type { components } from '../../../spec/generated/control-api';
import type { Clock } from '../shared/clock';
import { maskSecret, redactUrl } from '../shared/exposure';
import { safePaging } from '../shared/paging';
import { ByteRing } from './byte-ring';

type Schemas = components['schemas'];
/** One request as `listRequests` shows it. */
export type JournalEntry = Schemas['RequestLogEntry'];
/** E106: the payment the request is about, and the rules and deliveries it set off. */
export type RequestLinks = Schemas['RequestLinks'];
/** Headers and the body as text (masked, cut to JOURNAL_BODY_CHARS; null when there was none). */
export type JournalMessage = Schemas['RequestMessage'];
/** E72: an entry with its request and response, as `getRequest` shows it. */
export type JournalDetail = Schemas['RequestDetail'];

/**
 * E106: files what the journal entry of this request links to (the payment it is about, the rules
 * and deliveries it set off); read when the response finishes.
 */
export function linkRequest(res: Response | undefined, links: RequestLinks): void {
  if (res?.locals) res.locals.links = links;
}

export interface RequestJournal {
  /** Starts watching a request's response body (called once per request, before any handler). */
  watch(req: Request, res: Response): void;
  /** Records a finished request watched before (called once per response by the request tracker); null when not journaled. */
  record(req: Request, res: Response, durationMs: number, at: string): JournalEntry | null;
  list(filter?: { operationId?: string; paymentId?: number; limit?: number }): {
    requests: JournalEntry[];
    total: number;
  };
  get(id: number): JournalDetail | undefined;
  clear(): void;
}

/** E34: how many requests the journal keeps (the oldest go first). */
export const JOURNAL_CAPACITY = 1000;
/** E34: at most this many characters of a path are kept (Node already caps a request line at 16 KiB). */
export const JOURNAL_PATH_CHARS = 2048;
/** E72: at most this many characters of each body, header value and this many headers are kept. */
export const JOURNAL_BODY_CHARS = 4096;
const HEADER_VALUE_CHARS = 256;
const MAX_HEADERS = 32;
/** Bodies larger than this are not read for the journal at all (only their size is noted). */
const BODY_READ_LIMIT = 64 * 1024;

/** Not Partner API traffic: the control API, the console's own files and the test receiver (E73). */
const NOT_JOURNALED = /^\/__(control|console|receiver)(\/|$)/;
const SECRET_HEADER = /^(authorization|cookie|set-cookie|x-partner-client-secret|proxy-authorization)$/i;
const SECRET_KEY = /secret|password/i;

function copy(text: string): string {
  // A copy, not a slice: V8 keeps the whole original string alive behind a slice of it.
  return Buffer.from(text, 'utf8').toString('utf8');
}

function journalPath(url: string): string {
  const path = redactUrl(url); // E32: never the console's ?token=
  if (path.length <= JOURNAL_PATH_CHARS) return path;
  return `${copy(path.slice(0, JOURNAL_PATH_CHARS))}…`;
}

function headerText(value: string | string[] | number | undefined): string {
  const text = Array.isArray(value) ? value.join(', ') : String(value ?? '');
  return text.length <= HEADER_VALUE_CHARS ? text : `${copy(text.slice(0, HEADER_VALUE_CHARS))}…`;
}

/** Calls `fn` with each header as journaled: at most MAX_HEADERS, the name lower-case, the value cut and secrets masked. */
function eachJournaledHeader(
  headers: IncomingHttpHeaders | OutgoingHttpHeaders,
  fn: (name: string, text: string) => void,
): void {
  // A loop over the keys, not Object.entries().slice(): this runs twice for every journaled request.
  let seen = 0;
  for (const name in headers) {
    if (seen === MAX_HEADERS) break;
    seen += 1;
    const value = headers[name];
    if (value === undefined) continue;
    const text = headerText(value);
    fn(name.toLowerCase(), SECRET_HEADER.test(name) ? maskSecret(text) : text);
  }
}

export function maskHeaders(headers: IncomingHttpHeaders | OutgoingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  eachJournaledHeader(headers, (name, text) => (out[name] = text));
  return out;
}

/**
 * E212: an entry's request and response as bytes outside the JavaScript heap. Each message is its
 * header count, each header's name and text, a flags byte (1: a body, 2: cut) and the body; each
 * text is its length in UTF-16 code units and those units (utf16le), so any string comes back as it
 * was. Written into one reused scratch buffer, then copied out at its size.
 */
export interface JournalMessageParts {
  headers: IncomingHttpHeaders | OutgoingHttpHeaders;
  body: string | null;
  truncated: boolean;
}

let scratch = Buffer.allocUnsafe(16 * 1024);
let written = 0;
let headerCount = 0;

function reserve(bytes: number): void {
  if (written + bytes <= scratch.length) return;
  const bigger = Buffer.allocUnsafe(Math.max(scratch.length * 2, written + bytes));
  scratch.copy(bigger, 0, 0, written);
  scratch = bigger;
}

function putText(text: string): void {
  reserve(4 + text.length * 2);
  written = scratch.writeUInt32LE(text.length, written);
  written += scratch.write(text, written, 'utf16le');
}

function putHeader(name: string, text: string): void {
  headerCount += 1;
  putText(name);
  putText(text);
}

function putMessage({ headers, body, truncated }: JournalMessageParts): void {
  reserve(4);
  const countAt = written;
  written += 4;
  headerCount = 0;
  eachJournaledHeader(headers, putHeader);
  scratch.writeUInt32LE(headerCount, countAt);
  reserve(1);
  scratch[written] = (body === null ? 0 : 1) | (truncated ? 2 : 0);
  written += 1;
  if (body !== null) putText(body);
}

/** The two messages encoded, as a view of the reused scratch space: valid until the next call. */
export function encodeJournalMessages(request: JournalMessageParts, response: JournalMessageParts): Buffer {
  written = 0;
  putMessage(request);
  putMessage(response);
  return scratch.subarray(0, written);
}

export function decodeJournalMessages(bytes: Buffer): Pick<JournalDetail, 'request' | 'response'> {
  let at = 0;
  const text = (): string => {
    const units = bytes.readUInt32LE(at);
    at += 4;
    const value = bytes.toString('utf16le', at, at + units * 2);
    at += units * 2;
    return value;
  };
  const message = (): JournalMessage => {
    const count = bytes.readUInt32LE(at);
    at += 4;
    const headers: Record<string, string> = {};
    for (let i = 0; i < count; i += 1) {
      const name = text();
      headers[name] = text();
    }
    const flags = bytes[at]!;
    at += 1;
    return { headers, body: flags & 1 ? text() : null, truncated: (flags & 2) !== 0 };
  };
  const request = message();
  return { request, response: message() };
}

function maskValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskValues);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>))
    out[key] = SECRET_KEY.test(key) && typeof inner === 'string' ? maskSecret(inner) : maskValues(inner);
  return out;
}

/** A body as journaled: JSON with every `*secret*`/`*password*` string masked (E33), cut to size. */
export function journalBody(text: string | null): Pick<JournalMessage, 'body' | 'truncated'> {
  if (text === null || text === '') return { body: null, truncated: false };
  if (text.length > BODY_READ_LIMIT) return { body: `(${text.length} characters, not kept)`, truncated: true };
  let shown = text;
  // Parsed only when a secret may be in it: most bodies are kept as sent, at no cost.
  if (SECRET_KEY.test(text)) {
    try {
      shown = JSON.stringify(maskValues(JSON.parse(text)));
    } catch {
      shown = '(not JSON; not kept, since it may hold a secret)';
    }
  }
  if (shown.length <= JOURNAL_BODY_CHARS) return { body: shown, truncated: false };
  // A slice, not a copy: the journal encodes it at once and keeps no string (E212).
  return { body: shown.slice(0, JOURNAL_BODY_CHARS), truncated: true };
}

function requestBodyText(req: Request): string | null {
  const body: unknown = req.body;
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return body;
  try {
    return JSON.stringify(body) ?? null;
  } catch {
    // A body nested deeper than the stack allows parses but cannot be written back (E37).
    return '(request body nested too deeply to show)';
  }
}

const TEXTUAL = /^(application\/([\w.+-]+\+)?json|text\/|image\/svg\+xml)/i;

interface Captured {
  text: string | null;
  bytes: number;
}

/**
 * E197: what the journal keeps on a watched response, as properties of its own (no WeakMap entry
 * and no bound `end` per request): the `end` it replaced, and the last chunk once written.
 */
const ORIGINAL_END = Symbol('journal: end');
const CAPTURED = Symbol('journal: body');

interface WatchedResponse {
  [ORIGINAL_END]?: (...args: unknown[]) => unknown;
  [CAPTURED]?: Captured;
}

/** The mock writes every answer with one `end(body)`; only that last chunk is the body. */
function capturingEnd(this: Response & WatchedResponse, ...args: unknown[]): unknown {
  const [chunk] = args;
  if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) {
    const bytes = Buffer.byteLength(chunk);
    const text = bytes > BODY_READ_LIMIT ? null : typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    this[CAPTURED] = { text: text ?? `(${bytes} bytes, not kept)`, bytes };
  }
  return this[ORIGINAL_END]!.apply(this, args);
}

export function createRequestJournal(clock: Clock, capacity = JOURNAL_CAPACITY): RequestJournal {
  // E212: a ring of entries (the summaries `list` and the live feed show, one small object each)
  // and beside it, slot for slot, each entry's request and response as bytes outside the JavaScript
  // heap (encodeJournalMessages, ByteRing), read back only by `get`. Kept as objects, the two
  // messages with their headers and bodies were a dozen objects and about a kilobyte per request
  // that every young-generation collection copied until the entry left the ring: most of what an
  // API request left alive, and of each pause.
  let entries: JournalEntry[] = [];
  const messages = new ByteRing(capacity);
  let start = 0;
  let nextId = 0;

  function append(entry: JournalEntry, message: Buffer): void {
    // The n-th entry goes to slot n % capacity here and in `messages` alike.
    messages.add(message);
    if (entries.length < capacity) entries.push(entry);
    else {
      entries[start] = entry;
      start = (start + 1) % capacity;
    }
  }

  function ordered(): JournalEntry[] {
    return [...entries.slice(start), ...entries.slice(0, start)].reverse();
  }

  function responseText(res: Response & WatchedResponse): Captured {
    const seen = res[CAPTURED];
    if (!seen) return { text: null, bytes: 0 };
    const type = String(res.getHeader('content-type') ?? '');
    if (seen.text !== null && !TEXTUAL.test(type))
      return { text: `(${seen.bytes} bytes of ${type || 'unknown type'})`, bytes: seen.bytes };
    return seen;
  }

  return {
    watch(req, res) {
      if (NOT_JOURNALED.test(req.path)) return;
      const watched = res as Response & WatchedResponse;
      // eslint-disable-next-line @typescript-eslint/unbound-method -- capturingEnd calls it on this response
      watched[ORIGINAL_END] = res.end as (...args: unknown[]) => unknown;
      res.end = capturingEnd as Response['end'];
    },
    record(req, res, durationMs, at) {
      // Only what `watch` took is journaled: its path was checked there, once.
      if ((res as Response & WatchedResponse)[ORIGINAL_END] === undefined) return null;
      const response = journalBody(responseText(res).text);
      const request = journalBody(requestBodyText(req));
      nextId += 1;
      // Written out, not spread: the same two shapes every time (E197). `links` is there only when
      // set; an undefined one is left out of every answer and event, as JSON leaves it out.
      const entry: JournalEntry = {
        method: req.method,
        path: journalPath(req.originalUrl),
        operationId: (res.locals.operationId as string | undefined) ?? null,
        status: res.statusCode,
        durationMs,
        partnerId: (res.locals.partnerId as number | null | undefined) ?? null,
        at,
        links: res.locals.links as RequestLinks | undefined,
        id: nextId,
      };
      append(
        entry,
        encodeJournalMessages(
          { headers: req.headers, body: request.body, truncated: request.truncated },
          { headers: res.getHeaders(), body: response.body, truncated: response.truncated },
        ),
      );
      (res as Response & WatchedResponse)[CAPTURED] = undefined;
      return entry;
    },
    list(filter = {}) {
      const all = ordered();
      const matching = all.filter(
        (e) =>
          (filter.operationId === undefined || e.operationId === filter.operationId) &&
          (filter.paymentId === undefined || e.links?.paymentId === filter.paymentId),
      );
      const { limit } = safePaging(1, filter.limit, capacity, 100); // E30
      return { requests: matching.slice(0, limit), total: matching.length };
    },
    get(id) {
      // Ids run on by one per entry, so the kept ones are the newest `entries.length`: found by position.
      const oldest = nextId - entries.length + 1;
      if (!Number.isInteger(id) || id < oldest || id > nextId) return undefined;
      const at = (start + id - oldest) % capacity;
      const entry = entries[at]!;
      const { request, response } = decodeJournalMessages(messages.get(at));
      // The detail's fields in the order the control API's schema lists them (E72).
      return {
        method: entry.method,
        path: entry.path,
        operationId: entry.operationId,
        status: entry.status,
        durationMs: entry.durationMs,
        partnerId: entry.partnerId,
        at: entry.at,
        links: entry.links,
        request,
        response,
        id: entry.id,
      };
    },
    clear() {
      entries = [];
      messages.clear();
      start = 0;
    },
  };
}
