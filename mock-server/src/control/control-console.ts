/**
 * The control operations behind the QA console (E70): the event stream (E71), one journal entry in
 * full (E72), the test receiver (E73). Like every control operation they can be scripted.
 */
import type { ConsoleParts } from './control-parts';
import { apiError } from '../http/api-error';
import { ok, type ControlHandlers } from '../http/handler';

/** E71: a stream only for a client that asks for one by name; `*\/*` (curl, fetch) gets the JSON backlog. */
export function wantsEventStream(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((part) => {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return type === 'text/event-stream' && (q === undefined || Number(q.slice(2)) > 0);
  });
}

const STREAM_RETRY_AFTER_S = 5;

export function createControlConsoleHandlers({ live, journal, receiver }: ConsoleParts) {
  return {
    streamEvents(ctx) {
      const lastEventId = ctx.headers['last-event-id'] ?? null;
      if (!wantsEventStream(ctx.req.headers.accept)) return ok(live.since(lastEventId));
      if (!live.canOpen()) throw apiError('too_many_streams', live.openStreams(), STREAM_RETRY_AFTER_S);
      return {
        status: 200,
        body: '',
        contentType: 'text/event-stream',
        stream: (res) => live.open(res, lastEventId),
      };
    },

    getRequest(ctx) {
      const entry = journal.get(ctx.params.requestId);
      if (!entry) throw apiError('request_not_found', ctx.params.requestId);
      return ok(entry);
    },

    getReceiver: () => ok(receiver.view()),

    updateReceiver(ctx) {
      receiver.setRespondStatus(ctx.body.respondStatus);
      return ok(receiver.view());
    },
  } satisfies Partial<ControlHandlers>;
}
