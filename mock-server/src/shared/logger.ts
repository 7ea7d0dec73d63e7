/**
 * Structured logs (pino) with request ids. Request logs carry method, URL, status and timing only,
 * never headers or bodies, so credentials and secrets cannot reach the log (a test checks it).
 */
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Clock } from './clock';
import { redactUrl } from './exposure';
import pino, { type Logger } from 'pino';

/** E182: log lines go to stdout in writes of at least this many bytes, or after this long. */
const LOG_BATCH_BYTES = 4096;
const LOG_BATCH_MS = 100;

/**
 * Standard output (or `fd`), written asynchronously in batches (E182): one write per few dozen lines
 * under load instead of one per line, and a quiet mock's last lines out within LOG_BATCH_MS. pino
 * writes what is left synchronously when the process exits.
 * E211: the lines wait in an array and go to pino's destination as one string per batch. Left to
 * the destination's own `minLength`, each line was appended to one growing string whose byte length
 * it measured per line, which copied the whole batch again on every request.
 */
export function batchedDestination(fd = 1): ReturnType<typeof pino.destination> {
  const destination = pino.destination({ dest: fd, sync: false });
  const write = destination.write.bind(destination);
  const flushAsync = destination.flush.bind(destination);
  const flushSync = destination.flushSync.bind(destination);
  const end = destination.end.bind(destination);
  let pending: string[] = [];
  let pendingLength = 0;
  let timer: NodeJS.Timeout | null = null;
  const handOver = (): boolean => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (pending.length === 0) return true;
    const text = pending.length === 1 ? pending[0]! : pending.join('');
    pending = [];
    pendingLength = 0;
    // Ending (or ended): sonic-boom throws on a write from then on, and from a timer that would be
    // an uncaught exception; what is logged once the destination ends is dropped.
    if ((destination as unknown as { destroyed: boolean }).destroyed) return false;
    return write(text);
  };
  destination.write = (line: string) => {
    pending.push(line);
    pendingLength += line.length;
    if (pendingLength >= LOG_BATCH_BYTES) return handOver();
    timer ??= setTimeout(handOver, LOG_BATCH_MS).unref();
    return true;
  };
  destination.flush = (cb?: (err?: Error) => void) => {
    handOver();
    flushAsync(cb);
  };
  destination.flushSync = () => {
    handOver();
    flushSync();
  };
  destination.end = (...args: Parameters<typeof end>) => {
    handOver();
    return end(...args);
  };
  return destination;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  // Asynchronous writes keep logging off the request path; pino flushes them on exit.
  if (level === 'silent' && !destination) return pino({ level });
  return pino({ level, base: undefined }, destination ?? batchedDestination());
}

/** Called once per finished response, with its duration and the clock time it started. */
export type FinishedRequestListener = (req: Request, res: Response, durationMs: number, at: string) => void;

/**
 * Gives each request an id (kept from X-Request-Id when the client sends one), and when the
 * response finishes logs it and tells `onFinish` (the request journal): one listener per request.
 */
export function requestTracker(logger: Logger, clock: Clock, onFinish: FinishedRequestListener): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', id);
    const started = process.hrtime.bigint();
    const at = clock.now().toISOString();
    // `on`, not `once`: a response finishes once, and `once` would wrap and later remove the listener.
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      onFinish(req, res, ms, at);
      if (!logger.isLevelEnabled('info')) return;
      const operationId = res.locals.operationId as string | undefined;
      logger.info(
        {
          reqId: id,
          method: req.method,
          url: redactUrl(req.originalUrl), // E32: never the console's ?token=
          status: res.statusCode,
          operationId,
          ms: Math.round(ms * 100) / 100,
        },
        'request',
      );
    });
    next();
  };
}
