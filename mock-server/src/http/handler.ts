/**
 * The shape of an operation handler: HTTP in, one result out. Handlers never write to `res`; the
 * operation router validates the result against the spec and writes it (one response writer).
 *
 * E161: each API's handler table is typed per operationId from the types openapi-typescript
 * generates (`PartnerHandlers`, `ControlHandlers`): a missing handler, a wrong body, path, query or
 * header type, or a response the spec does not document is a compile error. Responses are still
 * validated at run time (E2's response validation); the types only catch it earlier.
 */
import type { Request, Response } from 'express';
import type * as ControlApi from '../../../spec/generated/control-api';
import type * as PartnerApi from '../../../spec/generated/partner-api';
import type { CredentialRecord, PartnerRecord } from '../state/records';

type Loose = Record<string, unknown>;

export interface HandlerContext<TBody = unknown, TParams = Loose, TQuery = Loose, THeaders = Loose> {
  req: Request;
  operationId: string;
  /** The authenticated partner (D1); null only for operations without partner auth (control API). */
  partner: PartnerRecord | null;
  credential: CredentialRecord | null;
  /** Path parameters, coerced to the spec's types. */
  params: TParams;
  /** Query parameters, coerced, with the spec's defaults filled in. */
  query: TQuery;
  /** Declared headers, lower-case names. */
  headers: THeaders;
  body: TBody;
}

export interface HandlerResult {
  status: number;
  body: unknown;
  /** Defaults to application/json. */
  contentType?: string;
  headers?: Record<string, string>;
  /**
   * Only for a streamed answer (E71): called once the status and headers are set, it writes the
   * body over time and ends it; `body` is then what the spec's schema is checked against.
   */
  stream?: (res: Response) => void;
}

/**
 * What the router calls. Declared as a method so that a table of typed handlers (whose contexts are
 * narrower) is one: the router has validated the request against the spec before calling it.
 */
type Callable = { handle(ctx: HandlerContext): HandlerResult | Promise<HandlerResult> };
export type OperationHandler = Callable['handle'];

export type HandlerTable = Record<string, OperationHandler>;

// ---- per-operation types (E161) ----------------------------------------------------------------

/** An operation as openapi-typescript writes it. */
interface OperationTypes {
  parameters: { query?: unknown; header?: unknown; path?: unknown };
  requestBody?: unknown;
  responses: object;
}

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON body; `undefined` too when the spec's body is optional, and only `undefined` without one. */
type BodyOf<Op extends OperationTypes> = [NonNullable<Op['requestBody']>] extends [never]
  ? undefined
  : undefined extends Op['requestBody']
    ? JsonOf<NonNullable<Op['requestBody']>> | undefined
    : JsonOf<Op['requestBody']>;

/** A parameter group, or an empty record when the operation has none. */
type Group<T> = [NonNullable<T>] extends [never] ? Record<string, never> : NonNullable<T>;

type QueryOf<Op extends OperationTypes, Defaulted extends PropertyKey> = Group<Op['parameters']['query']> &
  Required<Pick<Group<Op['parameters']['query']>, Defaulted & keyof Group<Op['parameters']['query']>>>;

/** Headers as the router hands them over: lower-case names. */
type HeadersOf<Op extends OperationTypes> = {
  [K in keyof Group<Op['parameters']['header']> as Lowercase<K & string>]: Group<Op['parameters']['header']>[K];
};

/** A response of one documented status, for each of its media types. */
type ResultFor<S, R> = R extends { content: infer C }
  ? {
      [M in keyof C]: M extends 'application/json'
        ? { status: S; body: C[M]; contentType?: M; headers?: Record<string, string> }
        : {
            status: S;
            /** E162: a binary media type (the PNG QR code) is written as bytes. */
            body: C[M] | Uint8Array;
            contentType: M;
            headers?: Record<string, string>;
            stream?: (res: Response) => void;
          };
    }[keyof C]
  : { status: S; body: undefined; headers?: Record<string, string> };

/** The answers a handler may give: the documented 1xx-3xx responses. Errors are thrown (ApiError). */
type ResultOf<Op extends OperationTypes> = {
  [S in keyof Op['responses']]: S extends number
    ? `${S}` extends `${1 | 2 | 3}${string}`
      ? ResultFor<S, Op['responses'][S]>
      : never
    : never;
}[keyof Op['responses']];

type ContextOf<Op extends OperationTypes, Defaulted extends PropertyKey = never> = HandlerContext<
  BodyOf<Op>,
  Group<Op['parameters']['path']>,
  QueryOf<Op, Defaulted>,
  HeadersOf<Op>
>;

/** The generated types of one spec, and the extras gen:types writes beside them. */
interface SpecTypes {
  operations: object;
  pathOperations: PropertyKey;
  queryDefaults: object;
}

type HandlersFor<Api extends SpecTypes> = {
  [Id in Api['pathOperations'] & keyof Api['operations']]: Api['operations'][Id] extends OperationTypes
    ? (
        ctx: ContextOf<
          Api['operations'][Id],
          Id extends keyof Api['queryDefaults'] ? Api['queryDefaults'][Id] & PropertyKey : never
        >,
      ) => ResultOf<Api['operations'][Id]> | Promise<ResultOf<Api['operations'][Id]>>
    : never;
};

/** One handler per operation of spec/partner-api.yaml. */
export type PartnerHandlers = HandlersFor<{
  operations: PartnerApi.operations;
  pathOperations: PartnerApi.pathOperations;
  queryDefaults: PartnerApi.queryDefaults;
}>;
/** One handler per operation of spec/control-api.yaml. */
export type ControlHandlers = HandlersFor<{
  operations: ControlApi.operations;
  pathOperations: ControlApi.pathOperations;
  queryDefaults: ControlApi.queryDefaults;
}>;

/** The partner of an authenticated partner-API call; partner-API routes always authenticate first. */
export function partnerOf(ctx: Pick<HandlerContext, 'partner' | 'operationId'>): PartnerRecord {
  if (!ctx.partner) throw new Error(`${ctx.operationId} ran without an authenticated partner`);
  return ctx.partner;
}

export const ok = <B>(body: B) => ({ status: 200 as const, body });
export const created = <B>(body: B) => ({ status: 201 as const, body });
