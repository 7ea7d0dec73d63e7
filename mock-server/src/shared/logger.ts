/** Structured logs (pino) with request ids; secrets are redacted wherever they could appear. */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import pino, { type Logger } from 'pino';

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          'req.headers["x-partner-client-secret"]',
          'req.headers.authorization',
          'secret',
          'clientSecret',
          '*.secret',
          '*.clientSecret',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** Gives each request an id (kept from X-Request-Id when the client sends one) and logs it when it finishes. */
export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', id);
    if (!logger.isLevelEnabled('info')) {
      next();
      return;
    }
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info(
        {
          reqId: id,
          method: req.method,
          url: req.originalUrl,
          status: res.statusCode,
          operationId: res.locals.operationId as string | undefined,
          ms: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
        },
        'request',
      );
    });
    next();
  };
}
