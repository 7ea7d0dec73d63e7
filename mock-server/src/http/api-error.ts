/**
 * The one error type and its catalogue (D5, D6, E150). Every error the mock answers is built here
 * from a code of ERROR_CATALOGUE, which fixes its status and message: `throw apiError('store_not_found', id)`.
 * A code that is not in the catalogue, or the wrong arguments for its message, does not compile.
 * The error handler is the only code that writes an error body. README.md's table of error codes is
 * generated from the catalogue (`node scripts/gen-error-table.js`).
 */
import { STATUS_CODES } from 'node:http';
import type { components } from '../../../spec/generated/partner-api';

type Message = string | string[];

interface CatalogueEntry<A extends unknown[]> {
  status: number;
  /** When the mock answers with it: the README's table. */
  when: string;
  message: (...args: A) => Message;
  /** Only where one code answers with more than one status (a client error passed on as it came). */
  statusOf?: (...args: A) => number;
  headers?: (...args: A) => Record<string, string>;
}

const entry = <A extends unknown[]>(e: CatalogueEntry<A>): CatalogueEntry<A> => e;

/** D2: an unknown id and another partner's id answer the same 404. */
const notFound = (resource: string, when: string) =>
  entry({ status: 404, when, message: (id: string | number) => `${resource} ${id} not found` });

const retryAfter = (seconds: number) => ({ 'Retry-After': String(seconds) });

export const ERROR_CATALOGUE = {
  validation_failed: entry({
    status: 400,
    when: 'the request does not match the spec (body, query, path or header, an unknown `X-Mock-Payment` value too), or breaks a rule of the value itself; one message per problem',
    message: (problems: string[]) => problems,
  }),
  malformed_json: entry({
    status: 400,
    when: 'the body is not JSON, or is JSON but not an object or array',
    message: (detail: string | null) =>
      detail === null ? 'body must be a JSON object' : `Malformed JSON body: ${detail}`,
  }),
  bad_request: entry({
    status: 400,
    when: "a request that cannot be read (with the 4xx its reader gave); an `X-Mock-Payment` value the spec's pattern let through but the mock cannot use",
    message: (message: string, _status?: number) => message,
    statusOf: (_message: string, status = 400) => status,
  }),
  request_aborted: entry({
    status: 400,
    when: 'the client aborted the request before its body arrived',
    message: () => 'The request was aborted',
  }),
  invalid_scenario: entry({
    status: 400,
    when: 'a scenario or state import that does not load; every problem, nothing changed',
    message: (problems: string[]) => problems,
  }),
  unknown_scenario: entry({
    status: 400,
    when: 'a scenario name that is not in fixtures/scenarios (or is a path)',
    message: (problem: string) => problem,
  }),
  unauthorized: entry({
    status: 401,
    when: 'Partner API: a partner header missing, or credentials unknown, wrong or revoked (D1)',
    message: (reason: 'missing' | 'invalid') =>
      reason === 'missing'
        ? 'Missing X-Partner-Client-Id or X-Partner-Client-Secret header'
        : 'Invalid partner credentials',
  }),
  control_unauthorized: entry({
    status: 401,
    when: 'control API: the mock has a control token and the request does not carry it (E32)',
    message: () => 'Missing or wrong control token (Authorization: Bearer <token>)',
  }),
  control_delivery_refused: entry({
    status: 401,
    when: "control API: the request is a mock's webhook delivery (it carries X-Webhook-Delivery): a webhook's URL points at a control API (E224)",
    message: () =>
      "A webhook delivery cannot drive the control API: point the webhook's URL at a receiver, not at /__control",
  }),
  route_not_found: entry({
    status: 404,
    when: 'no operation, page or console file at that method and path',
    message: (method: string, path: string) => `Cannot ${method} ${path}`,
  }),
  merchant_not_found: notFound('Merchant', "no merchant with that id or client id among the partner's"),
  store_not_found: notFound('Store', 'no store with that id under the merchant'),
  payment_not_found: notFound('Payment', "no payment with that id among the partner's"),
  webhook_not_found: notFound('Webhook', "no webhook with that id among the partner's"),
  credential_not_found: notFound('Credential', "no credential with that id among the partner's"),
  rule_not_found: notFound('Rule', 'control API: no outcome rule with that id'),
  fault_not_found: notFound('Fault', 'control API: no fault with that id'),
  delivery_not_found: notFound('Delivery', 'control API: no webhook delivery with that id in the log'),
  request_not_found: notFound('Request', 'control API: no request with that id in the journal'),
  location_id_taken: entry({
    status: 409,
    when: "a store's `locationId` already used by another store of the merchant",
    message: (merchantId: number, locationId: string) =>
      `locationId ${locationId} is already used by another store of merchant ${merchantId}`,
  }),
  default_store_required: entry({
    status: 409,
    when: 'deactivating the default store, or setting its `isDefault` to false (D18)',
    message: (clearedStoreId?: string) =>
      clearedStoreId === undefined
        ? 'The default store cannot be deactivated. Set another store as default first by updating it with "isDefault" true.'
        : `Store ${clearedStoreId} is the default store and "isDefault" cannot be set to false. Choose another default instead by updating that store with "isDefault" true.`,
  }),
  store_inactive: entry({
    status: 409,
    when: 'a deactivated store made the default, or named by a new payment',
    message: (storeId: string, use: 'default' | 'payment') =>
      use === 'default'
        ? `Store ${storeId} is deactivated and cannot be made the default. Reactivate it with "isActive" true first.`
        : `Store ${storeId} is deactivated and cannot take payments`,
  }),
  merchant_not_active: entry({
    status: 409,
    when: 'a payment for a merchant that is pending or inactive',
    message: (clientId: string, status: string) =>
      `Merchant ${clientId} is ${status}; payments need an active merchant`,
  }),
  merchant_not_pending: entry({
    status: 409,
    when: 'a new onboarding link, or the onboarding form, for a merchant that is no longer pending (D11)',
    message: (merchantId: number, status?: string) =>
      status === undefined
        ? `Merchant ${merchantId} is not awaiting onboarding`
        : `Merchant ${merchantId} is ${status}; only a pending merchant has an onboarding link`,
  }),
  merchant_already_active: entry({
    status: 409,
    when: 'control API: activating an active merchant',
    message: (merchantId: number) => `Merchant ${merchantId} is already active`,
  }),
  merchant_already_inactive: entry({
    status: 409,
    when: 'control API: deactivating an inactive merchant',
    message: (merchantId: number) => `Merchant ${merchantId} is already inactive`,
  }),
  payment_already_final: entry({
    status: 409,
    when: 'completing, failing or expiring a payment that is no longer pending',
    message: (paymentId: number, status: string) =>
      `Payment ${paymentId} is already ${status}; its status cannot change`,
  }),
  ids_exhausted: entry({
    status: 409,
    when: "a new record whose id would pass 2^53 − 1: a loaded world's highest id took the last one (E19, E225)",
    message: (kind: string) =>
      `No ${kind} id is left: the world's highest ${kind} id is ${Number.MAX_SAFE_INTEGER}, the largest a JSON number holds exactly. Reset the mock or load a world with lower ids.`,
  }),
  credential_revoked: entry({
    status: 409,
    when: 'rotating or revoking a revoked credential',
    message: (credentialId: number, action: 'rotate' | 'revoke') =>
      action === 'rotate'
        ? `Credential ${credentialId} is revoked and cannot be rotated`
        : `Credential ${credentialId} is already revoked`,
  }),
  last_active_credential: entry({
    status: 409,
    when: "revoking the partner's last active credential",
    message: () => 'Cannot revoke the last active credential; create another one first',
  }),
  client_id_taken: entry({
    status: 409,
    when: 'control API: a new partner with a client id already in use',
    message: (clientId: string) => `Client id ${clientId} is already in use`,
  }),
  rule_exists: entry({
    status: 409,
    when: 'control API: adding an outcome rule with an id in use (E104)',
    message: (ruleId: string) => `A rule with id ${ruleId} already exists; replace it with PUT`,
  }),
  too_many_faults: entry({
    status: 409,
    when: 'control API: adding a fault when the mock holds the most it keeps (E227)',
    message: (max: number) => `The mock holds ${max} faults, the most it keeps; delete one first`,
  }),
  too_many_rules: entry({
    status: 409,
    when: 'control API: adding a rule when the mock holds the most it keeps (E104)',
    message: (max: number) => `The mock holds ${max} rules, the most it keeps; delete one first`,
  }),
  payload_too_large: entry({
    status: 413,
    when: "a request body over its limit (1 MB for the APIs, a hosted page's form less), said by its Content-Length or found while read (E226)",
    message: (limit: string) => `Request body is larger than ${limit}`,
  }),
  unsupported_media_type: entry({
    status: 415,
    when: 'a body that is not `application/json`, or in a charset other than UTF-8',
    message: (got: string | undefined) => `Content-Type must be application/json${got ? `, got ${got}` : ''}`,
  }),
  unsupported_content_encoding: entry({
    status: 415,
    when: 'a body in a `Content-Encoding` other than identity, gzip, deflate or br',
    message: (detail: string | undefined) =>
      `${detail ?? 'Unsupported Content-Encoding'}; send identity, gzip, deflate or br`,
  }),
  too_many_streams: entry({
    status: 429,
    when: 'control API: an event stream when the most the mock keeps are open, with `Retry-After` (E71)',
    message: (open: number, _retryAfterSeconds: number) =>
      `${open} event streams are open, the most the mock keeps; close one or retry later`,
    headers: (_open: number, retryAfterSeconds: number) => retryAfter(retryAfterSeconds),
  }),
  injected_fault: entry({
    status: 500,
    when: "a fault QA injected (E151): the fault's status (429 with `retryAfter`), code and message when it gives them",
    message: (status: number) => `Injected fault: ${STATUS_CODES[status] ?? status}`,
    statusOf: (status: number) => status,
  }),
  internal_error: entry({
    status: 500,
    when: 'a bug in the mock (logged)',
    message: () => 'Internal server error',
  }),
  response_validation_failed: entry({
    status: 500,
    when: "the mock's own answer does not match the spec (a bug in the mock, with response validation on)",
    message: (operationId: string, problems: string[]) => [
      `The mock's response to ${operationId} does not match the spec`,
      ...problems,
    ],
  }),
};

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
type ArgsOf<C extends ErrorCode> = Parameters<(typeof ERROR_CATALOGUE)[C]['message']>;

/** The D5 body: the spec's Error, whose `code` the mock always sends. */
export type ErrorBody = Required<components['schemas']['Error']>;

/** The one call of ApiError's constructor, kept to this module: errors are built by apiError (E150). */
let construct: (statusCode: number, code: string, messages: Message, headers?: Record<string, string>) => ApiError;

export class ApiError extends Error {
  static {
    construct = (statusCode, code, messages, headers) => new ApiError(statusCode, code, messages, headers);
  }

  private constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly messages: Message,
    readonly headers: Record<string, string> = {},
  ) {
    super(Array.isArray(messages) ? messages.join('; ') : messages);
    this.name = 'ApiError';
  }

  toBody(): ErrorBody {
    return {
      statusCode: this.statusCode,
      error: STATUS_CODES[this.statusCode] ?? 'Error',
      message: this.messages,
      code: this.code,
    };
  }
}

/** The error of a catalogue code, to throw: `throw apiError('payment_not_found', id)`. */
export function apiError<C extends ErrorCode>(code: C, ...args: ArgsOf<C>): ApiError {
  const spec = ERROR_CATALOGUE[code] as CatalogueEntry<ArgsOf<C>>;
  return construct(spec.statusOf?.(...args) ?? spec.status, code, spec.message(...args), spec.headers?.(...args));
}

/**
 * E151: an injected fault answers what QA asked for. Its code and message are data of the fault,
 * not codes of the mock, so they come in from the fault and default to the catalogue's entry.
 */
export function injectedFault(
  status: number,
  code: string | undefined,
  message: Message | undefined,
  retryAfterSeconds?: number,
): ApiError {
  const error = apiError('injected_fault', status);
  return construct(
    status,
    code ?? error.code,
    message ?? error.messages,
    retryAfterSeconds === undefined ? {} : retryAfter(retryAfterSeconds),
  );
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}
