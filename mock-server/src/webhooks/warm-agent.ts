/**
 * E206: the keep-alive agent for http receivers, with connections opened ahead while a receiver's
 * deliveries overlap. A new connection can carry its request only once it has connected, which the
 * mock learns on the next turn of its event loop: on a busy mock that turn took tens to hundreds of
 * ms, the whole delivery latency of every delivery that needed one more connection. So when a
 * receiver needs one more connection while SPARES_FROM_BUSY or more to it are busy, and the last
 * one to it connected, the agent also opens spares, as many as the receiver's busy connections (at
 * most MAX_SPARE_SOCKETS); the next delivery that needs a connection takes a spare already open.
 * A spare nobody takes is closed after the agent's idle timeout, like an idle keep-alive socket; one
 * the receiver closes or refuses is dropped, and a refused one stops the spares to that receiver
 * until a connection works. Like a kept-alive connection, a spare the receiver closes just as it is
 * taken fails that attempt (`ECONNRESET`), which is retried on the schedule.
 */
import http from 'node:http';
import type net from 'node:net';
import type { Duplex } from 'node:stream';

/** Spare connections to one receiver at most. */
const MAX_SPARE_SOCKETS = 32;
/** Spares are opened only once this many connections to the receiver are busy: volume, not a few retries. */
export const SPARES_FROM_BUSY = 8;
/** Idle time after which an unused spare is closed, when the agent sets no `timeout`. */
const DEFAULT_SPARE_IDLE_MS = 4000;

type Callback = (err: Error | null, stream: Duplex) => void;

/** A spare connection, with what takes our listeners off it and what closes it. */
interface Spare {
  release(): void;
  drop(): void;
}

export class WarmHttpAgent extends http.Agent {
  /** Per receiver (the agent's name for it): its spares, oldest first. */
  private readonly spares = new Map<string, Map<net.Socket, Spare>>();
  /** Per receiver: whether its latest connection connected; spares follow only one that did. */
  private readonly reachable = new Map<string, boolean>();
  private readonly socketTimeout: number | undefined;
  private destroyed = false;

  constructor(options: http.AgentOptions = {}) {
    super(options);
    this.socketTimeout = options.timeout;
  }

  /** Spares to every receiver, connected or still connecting. */
  spareCount(): number {
    let count = 0;
    for (const spares of this.spares.values()) count += spares.size;
    return count;
  }

  override createConnection(options: http.ClientRequestArgs, callback?: Callback): Duplex {
    const name = this.getName(options);
    // The connections to this receiver that are busy; a free one would have been reused instead.
    const busy = this.sockets[name]?.length ?? 0;
    const spare = this.take(name);
    if (spare) {
      if (busy >= SPARES_FROM_BUSY) this.topUp(name, options, busy + 1);
      return spare;
    }
    const socket = super.createConnection(options, callback) as net.Socket;
    // Spares at once when the receiver is known to connect, else once this connection does.
    const grow = (): void => {
      if (busy >= SPARES_FROM_BUSY) this.topUp(name, options, busy + 1);
    };
    this.watch(socket, name, grow);
    grow();
    return socket;
  }

  override destroy(): void {
    this.destroyed = true;
    for (const spares of this.spares.values()) for (const spare of [...spares.values()]) spare.drop();
    this.spares.clear();
    super.destroy();
  }

  /** Notes whether `socket` connects; `connected` runs when it does. */
  private watch(socket: net.Socket, name: string, connected?: () => void): void {
    let ok = false;
    socket.once('connect', () => {
      ok = true;
      this.reachable.set(name, true);
      connected?.();
    });
    socket.once('error', () => {
      if (!ok) this.reachable.set(name, false);
    });
  }

  /** The oldest live spare to `name`, handed over as a new connection: the agent's listeners take over. */
  private take(name: string): net.Socket | undefined {
    const spares = this.spares.get(name);
    if (!spares) return undefined;
    for (const [socket, spare] of spares) {
      if (socket.destroyed || !socket.writable) {
        spare.drop();
        continue;
      }
      spares.delete(socket);
      spare.release();
      return socket;
    }
    return undefined;
  }

  /** Opens spares to `name` until there are `wanted` of them (at most MAX_SPARE_SOCKETS). */
  private topUp(name: string, options: http.ClientRequestArgs, wanted: number): void {
    if (this.destroyed || this.reachable.get(name) !== true) return;
    let spares = this.spares.get(name);
    if (!spares) {
      spares = new Map();
      this.spares.set(name, spares);
    }
    const target = Math.min(MAX_SPARE_SOCKETS, wanted);
    while (spares.size < target) this.open(name, options, spares);
  }

  private open(name: string, options: http.ClientRequestArgs, spares: Map<net.Socket, Spare>): void {
    const socket = super.createConnection({ ...options }) as net.Socket;
    this.watch(socket, name);
    const drop = (): void => {
      if (spares.delete(socket) && spares.size === 0 && this.spares.get(name) === spares) this.spares.delete(name);
      socket.destroy();
    };
    const onError = (): void => drop();
    spares.set(socket, {
      drop,
      release: () => {
        socket.off('timeout', drop).off('close', drop).off('error', onError);
        socket.setTimeout(this.socketTimeout ?? 0);
        socket.ref();
      },
    });
    socket.unref();
    socket.setTimeout(this.socketTimeout ?? DEFAULT_SPARE_IDLE_MS);
    socket.on('timeout', drop);
    socket.on('close', drop);
    socket.on('error', onError);
  }
}
