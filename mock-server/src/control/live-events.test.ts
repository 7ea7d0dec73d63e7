/**
 * E71: the feed's bounds without a network: the backlog, the ids a reconnecting client gets, a
 * stream that stops reading, the stream limit and the end of every stream on close.
 */
import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import { createManualClock } from '../shared/clock';
import { createLiveFeed } from './live-events';

/** Just enough of a Response for the feed: it buffers what is written until `read()`. */
function fakeResponse() {
  const emitter = new EventEmitter();
  const res = Object.assign(emitter, {
    written: '',
    writableLength: 0,
    destroyed: false,
    writableEnded: false,
    setHeader: () => res,
    flushHeaders: () => {},
    socket: null,
    write(text: string) {
      res.written += text;
      res.writableLength += Buffer.byteLength(text);
      return true;
    },
    read() {
      res.writableLength = 0;
    },
    end() {
      res.writableEnded = true;
      emitter.emit('close');
    },
    destroy() {
      res.destroyed = true;
      emitter.emit('close');
    },
  });
  return res;
}

const asResponse = (res: ReturnType<typeof fakeResponse>) => res as unknown as Response;

test('keeps the newest events and tells a client that asks for older ones that it missed them', () => {
  const feed = createLiveFeed({ clock: createManualClock(), backlog: 3 });
  for (let i = 1; i <= 5; i += 1) feed.publish('control', { n: i });
  expect(feed.since(null).events.map((e) => e.id)).toEqual([3, 4, 5]);
  expect(feed.since(3)).toMatchObject({ events: [{ id: 4 }, { id: 5 }], lastEventId: 5, missed: false });
  expect(feed.since(2)).toMatchObject({ events: [{ id: 3 }, { id: 4 }, { id: 5 }], missed: false });
  expect(feed.since(1)).toEqual({ events: [], lastEventId: 5, missed: true });
  expect(feed.since(9)).toEqual({ events: [], lastEventId: 5, missed: true });
});

test('drops a stream whose client stops reading, and keeps the others', () => {
  const feed = createLiveFeed({ clock: createManualClock(), maxBufferedBytes: 2000 });
  const stalled = fakeResponse();
  const reading = fakeResponse();
  feed.open(asResponse(stalled), null);
  feed.open(asResponse(reading), null);
  for (let i = 0; i < 50 && !stalled.destroyed; i += 1) {
    feed.publish('control', { operationId: 'completePayment', padding: 'x'.repeat(100) });
    reading.read();
  }
  expect(stalled.destroyed).toBe(true);
  expect(reading.destroyed).toBe(false);
  expect(feed.openStreams()).toBe(1);
  feed.close();
  expect(reading.writableEnded).toBe(true);
  expect(feed.openStreams()).toBe(0);
});

test('opens at most maxStreams, and a closed one frees its place', () => {
  const feed = createLiveFeed({ clock: createManualClock(), maxStreams: 2 });
  const first = fakeResponse();
  feed.open(asResponse(first), null);
  feed.open(asResponse(fakeResponse()), null);
  expect(feed.canOpen()).toBe(false);
  first.emit('close'); // the client went away
  expect(feed.canOpen()).toBe(true);
  feed.close();
});

test('writes each event as one SSE frame with its id, after ready', () => {
  const feed = createLiveFeed({ clock: createManualClock('2026-03-18T12:00:00.000Z') });
  const res = fakeResponse();
  feed.open(asResponse(res), null);
  feed.publish('domain', { event: 'payment.completed', paymentId: 7 });
  expect(res.written).toBe(
    'retry: 2000\n\nevent: ready\ndata: {"lastEventId":0}\n\n' +
      'id: 1\nevent: domain\ndata: {"id":1,"type":"domain","at":"2026-03-18T12:00:00.000Z","data":{"event":"payment.completed","paymentId":7}}\n\n',
  );
  feed.close();
});
