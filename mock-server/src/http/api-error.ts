/**
 * The one error type and its catalogue (D5, D6). Services throw these; the error handler is the
 * only code that writes an error body.
 */
import { STATUS_CODES } from 'node:http';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly messages: string | string[],
    readonly headers: Record<string, string> = {},
  ) {
    super(Array.isArray(messages) ? messages.join('; ') : messages);
    this.name = 'ApiError';
  }

  /** The D5 body: `{ statusCode, error, message, code }`. */
  toBody(): { statusCode: number; error: string; message: string | string[]; code: string } {
    return {
      statusCode: this.statusCode,
      error: STATUS_CODES[this.statusCode] ?? 'Error',
      message: this.messages,
      code: this.code,
    };
  }
}

export const errors = {
  validation: (messages: string[]) => new ApiError(400, 'validation_failed', messages),
  badRequest: (message: string, code = 'bad_request') => new ApiError(400, code, message),
  /** A scenario that does not load (PUT /__control/state, --scenario): every problem, nothing changed. */
  invalidScenario: (problems: string[]) => new ApiError(400, 'invalid_scenario', problems),
  malformedJson: (detail: string) => new ApiError(400, 'malformed_json', `Malformed JSON body: ${detail}`),
  unauthorized: (message = 'Missing or invalid X-Partner-Client-Id / X-Partner-Client-Secret headers') =>
    new ApiError(401, 'unauthorized', message),
  notFound: (resource: string, id: string | number) =>
    new ApiError(404, `${resource.toLowerCase().replace(/ /g, '_')}_not_found`, `${resource} ${id} not found`),
  routeNotFound: (method: string, path: string) => new ApiError(404, 'route_not_found', `Cannot ${method} ${path}`),
  conflict: (code: string, message: string) => new ApiError(409, code, message),
  payloadTooLarge: (limit: string) => new ApiError(413, 'payload_too_large', `Request body is larger than ${limit}`),
  unsupportedMediaType: (got: string | undefined) =>
    new ApiError(415, 'unsupported_media_type', `Content-Type must be application/json${got ? `, got ${got}` : ''}`),
  tooManyRequests: (retryAfterSeconds: number) =>
    new ApiError(429, 'rate_limited', `Too many requests; retry after ${retryAfterSeconds} s`, {
      'Retry-After': String(retryAfterSeconds),
    }),
  unauthorizedControl: () =>
    new ApiError(401, 'control_unauthorized', 'Missing or wrong control token (Authorization: Bearer <token>)'),
  internal: () => new ApiError(500, 'internal_error', 'Internal server error'),
  responseInvalid: (operationId: string, problems: string[]) =>
    new ApiError(500, 'response_validation_failed', [
      `The mock's response to ${operationId} does not match the spec`,
      ...problems,
    ]),
};

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}
