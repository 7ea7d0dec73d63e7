/**
 * The shape of an operation handler: HTTP in, one result out. Handlers never write to `res`; the
 * operation router validates the result against the spec and writes it (one response writer).
 */
import type { Request, Response } from 'express';
import type { CredentialRecord, PartnerRecord } from '../state/records';

export interface HandlerContext<TBody = unknown> {
  req: Request;
  operationId: string;
  /** The authenticated partner (D1); null only for operations without partner auth (control API). */
  partner: PartnerRecord | null;
  credential: CredentialRecord | null;
  /** Path parameters, coerced to the spec's types. */
  params: Record<string, unknown>;
  /** Query parameters, coerced, with the spec's defaults filled in. */
  query: Record<string, unknown>;
  /** Declared headers, lower-case names. */
  headers: Record<string, unknown>;
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
 * A handler declares the body type it expects (`(ctx: HandlerContext<StoreCreate>) => …`): the
 * router has validated the body against the spec before calling it, so the declaration is safe.
 */
export type OperationHandler = (ctx: HandlerContext<never>) => HandlerResult | Promise<HandlerResult>;

export type HandlerTable = Record<string, OperationHandler>;

/** The partner of an authenticated partner-API call; partner-API routes always authenticate first. */
export function partnerOf(ctx: HandlerContext): PartnerRecord {
  if (!ctx.partner) throw new Error(`${ctx.operationId} ran without an authenticated partner`);
  return ctx.partner;
}

export const ok = (body: unknown): HandlerResult => ({ status: 200, body });
export const created = (body: unknown): HandlerResult => ({ status: 201, body });
