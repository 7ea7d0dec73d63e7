/**
 * E71: the mock's one stream of changes (`GET /__control/events`), which the QA console listens to
 * instead of polling each of its sections. Every change gets a number and the last `backlog` events
 * are kept, so a client that reconnects with `Last-Event-ID` misses nothing, and one that was away
 * too long is told to reload (`resync`).
 *
 * Sources: Partner API requests (their journal entry), control calls that changed something, the
 * domain events (shared/events.ts: also payments expired by the clock and pages' actions), webhook
 * attempts, and the test receiver (E73).
 *
 * Bounds (no leak): at most `maxStreams` open streams (more answer 429); a stream is dropped when
 * its client disconnects, when more than `maxBufferedBytes` wait unread for it (the client reconnects
 * and resyncs), and when the mock closes. One shared heartbeat timer, only while streams are open,
 * writes a comment so dead connections surface as write errors.
 */
import type { Request, Response } from 'express';
import type { components } from '../../../spec/generated/control-api';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/events';
import type { DeliveryRecord } from '../state/records';
import type { JournalEntry } from './request-journal';

type Schemas = components['schemas'];
export type LiveEventType = Schemas['LiveEvent']['type'];
/** One numbered change; what `data` holds per `type` is described in the spec. */
export type LiveEvent = Schemas['LiveEvent'];
/** The kept events after an id, the newest id (0 before the first), and whether some were dropped. */
export type EventBacklog = Schemas['EventBacklog'];

export interface LiveFeedOptions {
  clock: Clock;
  /** Events kept for clients that reconnect (default 500). */
  backlog?: number;
  /** Streams open at once (default 32). */
  maxStreams?: number;
  /** Real time between heartbeat comments (default 15 s). */
  heartbeatMs?: number;
  /** Unread bytes a stream may hold before it is dropped (default 1 MiB). */
  maxBufferedBytes?: number;
}

export interface LiveFeed {
  publish(type: LiveEventType, data: Record<string, unknown>): void;
  /** The kept events after `lastEventId` (all kept events when null). */
  since(lastEventId: number | null): EventBacklog;
  /** False when `maxStreams` streams are open. */
  canOpen(): boolean;
  /** Streams every event to `res` from now on, after replaying those after `lastEventId`. */
  open(res: Response, lastEventId: number | null): void;
  openStreams(): number;
  /** Ends every stream and stops the heartbeat; publishing still fills the backlog. */
  close(): void;
}

export const LIVE_DEFAULTS = { backlog: 500, maxStreams: 32, heartbeatMs: 15_000, maxBufferedBytes: 1024 * 1024 };

function frame(event: LiveEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

export function createLiveFeed(options: LiveFeedOptions): LiveFeed {
  const backlog = options.backlog ?? LIVE_DEFAULTS.backlog;
  const maxStreams = options.maxStreams ?? LIVE_DEFAULTS.maxStreams;
  const heartbeatMs = options.heartbeatMs ?? LIVE_DEFAULTS.heartbeatMs;
  const maxBuffered = options.maxBufferedBytes ?? LIVE_DEFAULTS.maxBufferedBytes;
  /** E199: the kept events in a ring, the one with id `n` at `n % backlog`; the newest `count` are kept. */
  const kept: LiveEvent[] = [];
  let count = 0;
  /** E199: the clock's time as ISO text, made once per millisecond however many events share it. */
  let isoMs = Number.NaN;
  let iso = '';
  const streams = new Set<Response>();
  let lastId = 0;
  let heartbeat: NodeJS.Timeout | undefined;

  function drop(res: Response): void {
    if (!streams.delete(res)) return;
    if (streams.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
    if (!res.destroyed) res.destroy();
  }

  function write(res: Response, text: string): void {
    if (res.destroyed || res.writableEnded) return drop(res);
    res.write(text);
    if (res.writableLength > maxBuffered) drop(res); // a client that does not read
  }

  function since(after: number | null): EventBacklog {
    const oldest = lastId - count + 1;
    // Events after `after` were dropped from the backlog (or the id is from before a restart).
    const missed = after !== null && (after > lastId || after + 1 < oldest);
    const events: LiveEvent[] = [];
    if (!missed)
      for (let id = Math.max(oldest, (after ?? 0) + 1); id <= lastId; id += 1) events.push(kept[id % backlog]!);
    return { events, lastEventId: lastId, missed };
  }

  function nowIso(): string {
    const ms = options.clock.nowMs();
    if (ms !== isoMs) {
      isoMs = ms;
      iso = new Date(ms).toISOString();
    }
    return iso;
  }

  return {
    publish(type, data) {
      lastId += 1;
      const event: LiveEvent = { id: lastId, type, at: nowIso(), data };
      if (backlog > 0) {
        kept[lastId % backlog] = event;
        if (count < backlog) count += 1;
      }
      if (streams.size === 0) return;
      const text = frame(event);
      for (const res of streams) write(res, text);
    },
    since,
    canOpen: () => streams.size < maxStreams,
    open(res, lastEventId) {
      streams.add(res);
      res.on('close', () => drop(res));
      res.setHeader('Cache-Control', 'no-cache, no-transform');
      res.setHeader('X-Accel-Buffering', 'no');
      res.flushHeaders();
      res.socket?.setNoDelay(true);
      // A new client (no Last-Event-ID) reads the state itself after `ready`; a returning one catches up.
      const { events, missed } = lastEventId === null ? { events: [], missed: false } : since(lastEventId);
      // `ready` and `resync` carry no id, so they never move the client's Last-Event-ID.
      let text = `retry: 2000\n\n`;
      for (const event of events) text += frame(event);
      if (missed) text += `event: resync\ndata: ${JSON.stringify({ lastEventId: lastId })}\n\n`;
      text += `event: ready\ndata: ${JSON.stringify({ lastEventId: lastId })}\n\n`;
      write(res, text);
      if (!heartbeat && streams.size > 0) {
        heartbeat = setInterval(() => {
          for (const stream of streams) write(stream, ': heartbeat\n\n');
        }, heartbeatMs);
        heartbeat.unref();
      }
    },
    openStreams: () => streams.size,
    close() {
      for (const res of [...streams]) {
        streams.delete(res);
        if (!res.writableEnded) res.end();
      }
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = undefined;
    },
  };
}

/** Domain events join the feed with the ids a client needs to refresh what they changed. */
export function feedDomainEvents(events: EventBus, feed: LiveFeed): () => void {
  return events.subscribe((event) => {
    const ids =
      'paymentId' in event.data
        ? { paymentId: event.data.paymentId, merchantClientId: event.data.merchantClientId }
        : { merchantId: event.data.merchantId };
    feed.publish('domain', {
      event: event.type,
      partnerId: event.partnerId,
      status: event.data.status,
      test: event.data.test === true,
      ...ids,
    });
  });
}

/**
 * After each answer: a Partner API request joins the feed with its journal entry, a control call
 * that changed something (not a read, not a refusal) with its operation.
 */
export function publishAnswer(feed: LiveFeed, req: Request, res: Response, entry: JournalEntry | null): void {
  if (entry) return feed.publish('request', entry); // a fresh object of its own (the journal's summary)
  if (req.method === 'GET' || req.method === 'HEAD' || res.statusCode >= 400) return;
  const operationId = res.locals.operationId as string | undefined;
  if (!operationId || !req.path.startsWith('/__control/')) return;
  feed.publish('control', { operationId, method: req.method, path: req.path, status: res.statusCode });
}

/** What a `delivery` event says of a delivery after an attempt. */
export function deliverySummary(delivery: DeliveryRecord): Record<string, unknown> {
  return {
    deliveryId: delivery.id,
    webhookId: delivery.webhookId,
    partnerId: delivery.partnerId,
    event: delivery.event,
    outcome: delivery.outcome,
    attempts: delivery.attempts.length,
    nextAttemptAt: delivery.nextAttemptAt,
  };
}
