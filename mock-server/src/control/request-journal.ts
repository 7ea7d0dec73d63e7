/**
 * The request journal: the last N requests (method, path, operationId, status, duration, partner),
 * recorded when each response finishes. A ring buffer, so it costs O(1) per request and bounded memory.
 */
import type { Request, Response } from 'express';
import type { Clock } from '../shared/clock';
import { redactUrl } from '../shared/exposure';
import { safePaging } from '../shared/paging';

export interface JournalEntry {
  id: number;
  method: string;
  path: string;
  operationId: string | null;
  status: number;
  durationMs: number;
  partnerId: number | null;
  at: string;
}

export interface RequestJournal {
  /** Records a finished request (called once per response by the request tracker). */
  record(req: Request, res: Response, durationMs: number, at: string): void;
  list(filter?: { operationId?: string; limit?: number }): { requests: JournalEntry[]; total: number };
  clear(): void;
}

/** E34: at most this many characters of a path are kept (Node already caps a request line at 16 KiB). */
export const JOURNAL_PATH_CHARS = 2048;

function journalPath(url: string): string {
  const path = redactUrl(url); // E32: never the console's ?token=
  if (path.length <= JOURNAL_PATH_CHARS) return path;
  // A copy, not a slice: V8 keeps the whole original string alive behind a slice of it.
  return `${Buffer.from(path.slice(0, JOURNAL_PATH_CHARS), 'utf8').toString('utf8')}…`;
}

export function createRequestJournal(clock: Clock, capacity = 1000): RequestJournal {
  let entries: JournalEntry[] = [];
  let start = 0;
  let nextId = 0;

  function append(entry: Omit<JournalEntry, 'id'>) {
    nextId += 1;
    const full = { ...entry, id: nextId };
    if (entries.length < capacity) entries.push(full);
    else {
      entries[start] = full;
      start = (start + 1) % capacity;
    }
  }

  return {
    record(req, res, durationMs, at) {
      if (req.path.startsWith('/__control')) return;
      append({
        method: req.method,
        path: journalPath(req.originalUrl),
        operationId: (res.locals.operationId as string | undefined) ?? null,
        status: res.statusCode,
        durationMs,
        partnerId: (res.locals.partnerId as number | null | undefined) ?? null,
        at,
      });
    },
    list(filter = {}) {
      const ordered = [...entries.slice(start), ...entries.slice(0, start)].reverse();
      const matching = filter.operationId ? ordered.filter((e) => e.operationId === filter.operationId) : ordered;
      const { limit } = safePaging(1, filter.limit, capacity, 100); // E30
      return { requests: matching.slice(0, limit), total: matching.length };
    },
    clear() {
      entries = [];
      start = 0;
    },
  };
}
