import type { Request, Response } from 'express';
import fc from 'fast-check';
import {
  createRequestJournal,
  decodeJournalMessages,
  encodeJournalMessages,
  maskHeaders,
  type JournalMessageParts,
} from './request-journal';

/** A finished GET of `path` as the journal sees it. */
function exchange(path: string): { req: Request; res: Response } {
  const req = { path, originalUrl: path, method: 'GET', headers: {}, body: undefined } as unknown as Request;
  const res = {
    statusCode: 200,
    locals: {},
    end: () => undefined,
    getHeaders: () => ({}),
    getHeader: () => undefined,
  } as unknown as Response;
  return { req, res };
}

describe('the request journal', () => {
  const clock = { now: () => new Date(0), nowMs: () => 0 } as never;

  function journalOf(capacity: number, paths: string[]) {
    const journal = createRequestJournal(clock, capacity);
    for (const path of paths) {
      const { req, res } = exchange(path);
      journal.watch(req, res);
      res.end('{}');
      journal.record(req, res, 1, '1970-01-01T00:00:00.000Z');
    }
    return journal;
  }

  test('finds each kept request by its id, after the ring wrapped, and none it dropped', () => {
    const journal = journalOf(3, ['/a', '/b', '/c', '/d', '/e']);
    expect([1, 2, 3, 4, 5, 6].map((id) => journal.get(id)?.path)).toEqual([
      undefined,
      undefined,
      '/c',
      '/d',
      '/e',
      undefined,
    ]);
    expect(journal.get(4.5)).toBeUndefined();
  });

  test('finds the requests recorded after a clear, and none from before it', () => {
    const journal = journalOf(3, ['/a', '/b']);
    journal.clear();
    const { req, res } = exchange('/c');
    journal.watch(req, res);
    journal.record(req, res, 1, '1970-01-01T00:00:00.000Z');
    expect([1, 2, 3].map((id) => journal.get(id)?.path)).toEqual([undefined, undefined, '/c']);
  });
});

describe('the journal messages kept outside the heap (E212)', () => {
  const headerName = fc.oneof(
    fc.constantFrom('Authorization', 'x-partner-client-secret', 'Content-Type', 'set-cookie', 'X-Request-Id'),
    fc.string({ minLength: 1, maxLength: 20 }),
  );
  const headerValue = fc.oneof(
    fc.string({ maxLength: 300, unit: 'binary' }),
    fc.array(fc.string({ maxLength: 40 }), { maxLength: 3 }),
    fc.integer(),
    fc.constant(undefined),
  );
  const message: fc.Arbitrary<JournalMessageParts> = fc.record({
    headers: fc.dictionary(headerName, headerValue, { maxKeys: 40 }),
    body: fc.option(fc.string({ maxLength: 5000, unit: 'binary' }), { nil: null }),
    truncated: fc.boolean(),
  });

  it('reads back what masking the headers and keeping the body would show, for any message', () => {
    fc.assert(
      fc.property(message, message, (request, response) => {
        const shown = (m: JournalMessageParts) => ({
          headers: maskHeaders(m.headers),
          body: m.body,
          truncated: m.truncated,
        });
        expect(decodeJournalMessages(encodeJournalMessages(request, response))).toEqual({
          request: shown(request),
          response: shown(response),
        });
      }),
      { numRuns: 300 },
    );
  });
});
