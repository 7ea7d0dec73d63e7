/**
 * The only writer of error bodies. Maps body-parser failures to 400/413/415 and anything unknown
 * to a logged 500 (a 500 is always a bug in the mock).
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ApiError, errors, isApiError } from './api-error';

interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  message?: string;
  limit?: number;
  body?: string;
}

function toApiError(err: unknown): ApiError | undefined {
  if (isApiError(err)) return err;
  const e = err as BodyParserError;
  switch (e?.type) {
    case 'entity.parse.failed':
      // body-parser's strict mode refuses JSON that is not an object or array (`null`, `"x"`).
      if (e.body !== undefined && /^\s*[^\s[{]/.test(e.body))
        return errors.badRequest('body must be a JSON object', 'malformed_json');
      return errors.malformedJson(e.message ?? 'cannot parse');
    case 'entity.too.large':
      return errors.payloadTooLarge('1 MB');
    case 'encoding.unsupported':
      return new ApiError(
        415,
        'unsupported_content_encoding',
        `${e.message ?? 'Unsupported Content-Encoding'}; send identity, gzip, deflate or br`,
      );
    case 'charset.unsupported':
      return errors.unsupportedMediaType(e.message);
    case 'request.aborted':
      return new ApiError(400, 'request_aborted', 'The request was aborted');
    default: {
      // Other client errors that carry a 4xx (a body that does not inflate with its Content-Encoding,
      // a malformed %-escape in a page URL) are the client's, never a 500.
      const status = e?.status ?? e?.statusCode;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        return new ApiError(status, 'bad_request', `The request could not be read: ${e.message ?? 'bad request'}`);
      }
      return undefined;
    }
  }
}

export function sendApiError(res: Parameters<RequestHandler>[1], error: ApiError): void {
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res.status(error.statusCode).json(error.toBody());
}

export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    let apiError = toApiError(err);
    if (!apiError) {
      logger.error({ err, method: req.method, url: req.originalUrl }, 'unhandled error');
      apiError = errors.internal();
    }
    sendApiError(res, apiError);
  };
}

export const routeNotFound: RequestHandler = (req, _res, next) => {
  next(errors.routeNotFound(req.method, req.path));
};
