/**
 * The only writer of error bodies. Maps body-parser failures to 400/413/415 and anything unknown
 * to a logged 500 (a 500 is always a bug in the mock).
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { type ApiError, apiError, isApiError } from './api-error';
import { describeLimit, JSON_BODY_LIMIT } from './body-parsers';
import { writeJson } from './write-json';

interface BodyParserError {
  type?: string;
  /** entity.too.large: the parser's limit in bytes. */
  limit?: number;
  status?: number;
  statusCode?: number;
  message?: string;
  body?: string;
}

function toApiError(err: unknown): ApiError | undefined {
  if (isApiError(err)) return err;
  const e = err as BodyParserError;
  switch (e?.type) {
    case 'entity.parse.failed':
      // body-parser's strict mode refuses JSON that is not an object or array (`null`, `"x"`).
      if (e.body !== undefined && /^\s*[^\s[{]/.test(e.body)) return apiError('malformed_json', null);
      return apiError('malformed_json', e.message ?? 'cannot parse');
    case 'entity.too.large':
      return apiError('payload_too_large', describeLimit(e.limit ?? JSON_BODY_LIMIT));
    case 'encoding.unsupported':
      return apiError('unsupported_content_encoding', e.message);
    case 'charset.unsupported':
      return apiError('unsupported_media_type', e.message);
    case 'request.aborted':
      return apiError('request_aborted');
    default: {
      // Other client errors that carry a 4xx (a body that does not inflate with its Content-Encoding,
      // a malformed %-escape in a page URL) are the client's, never a 500.
      const status = e?.status ?? e?.statusCode;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        return apiError('bad_request', `The request could not be read: ${e.message ?? 'bad request'}`, status);
      }
      return undefined;
    }
  }
}

export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    let error = toApiError(err);
    if (!error) {
      logger.error({ err, method: req.method, url: req.originalUrl }, 'unhandled error');
      error = apiError('internal_error');
    }
    writeJson(res, error.statusCode, error.toBody(), error.headers);
  };
}

export const routeNotFound: RequestHandler = (req, _res, next) => {
  next(apiError('route_not_found', req.method, req.path));
};
