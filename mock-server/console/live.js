// The one event stream (GET /__control/events, E71), read with fetch so that the control token
// travels in a header; reconnects with Last-Event-ID after a drop.

import { controlHeaders } from './api.js';

/**
 * Follows the stream until `stop()`. `onEvent(type, data)` gets every event, `ready` included
 * (after each connect: reload what you show) and `resync` (events were missed: reload everything).
 * `onStatus('live' | 'connecting' | 'offline' | 'unauthorized')` tells how the stream is.
 */
export function followEvents({ onEvent, onStatus }) {
  let lastEventId = null;
  let stopped = false;
  let controller = null;
  let retryMs = 1000;
  let running = false;

  async function connect() {
    running = true;
    try {
      await loop();
    } finally {
      running = false;
    }
  }

  async function loop() {
    while (!stopped) {
      onStatus('connecting');
      controller = new AbortController();
      try {
        const res = await fetch('/__control/events', {
          headers: {
            Accept: 'text/event-stream',
            ...controlHeaders(),
            ...(lastEventId !== null && { 'Last-Event-ID': String(lastEventId) }),
          },
          signal: controller.signal,
        });
        if (res.status === 401) {
          onStatus('unauthorized');
          return;
        }
        if (!res.ok || !res.body) throw new Error(`status ${res.status}`);
        retryMs = 1000;
        await read(res.body);
      } catch (err) {
        if (stopped) return;
        void err;
      }
      if (stopped) return;
      onStatus('offline');
      await new Promise((resolve) => setTimeout(resolve, retryMs));
      retryMs = Math.min(retryMs * 2, 15000);
    }
  }

  async function read(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n?/g, '\n');
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        dispatch(buffer.slice(0, cut));
        buffer = buffer.slice(cut + 2);
      }
    }
  }

  function dispatch(block) {
    let type = 'message';
    let id = null;
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
    if (data.length === 0) return;
    if (id !== null && /^\d+$/.test(id)) lastEventId = Number(id);
    const parsed = JSON.parse(data.join('\n'));
    if (type === 'ready') onStatus('live');
    onEvent(type, parsed);
  }

  void connect();
  return {
    stop() {
      stopped = true;
      if (controller) controller.abort();
    },
    /** After a new token: reconnect now (a running loop reconnects after its abort). */
    restart() {
      stopped = false;
      if (running && controller) controller.abort();
      else if (!running) void connect();
    },
  };
}
