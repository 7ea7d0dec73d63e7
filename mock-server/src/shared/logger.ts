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
 * Standard output, written asynchronously in batches (E182): one write per few dozen lines under
 * load instead of one per line, and a quiet mock's last lines out within LOG_BATCH_MS. pino writes
 * what is left synchronously when the process exits.
 */
function batchedStdout(): pino.DestinationStream {
  const destination = pino.destination({ dest: 1, sync: false, minLength: LOG_BATCH_BYTES });
  const write = destination.write.bind(destination);
  let timer: NodeJS.Timeout | null = null;
  let closed = false; // a closed destination throws on flush
  destination.once('close', () => (closed = true));
  const flush = () => {
    timer = null;
    if (!closed) destination.flush();
  };
  destination.write = (line: string) => {
    timer ??= setTimeout(flush, LOG_BATCH_MS).unref();
    return write(line);
  };
  return destination;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  // Asynchronous writes keep logging off the request path; pino flushes them on exit.
  if (level === 'silent' && !destination) return pino({ level });
  return pino({ level, base: undefined }, destination ?? batchedStdout());
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
