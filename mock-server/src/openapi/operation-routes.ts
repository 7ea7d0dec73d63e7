/**
 * The operations' route tables: every operation of a spec, joined to its handler by operationId,
 * found by method and path and run in front of Express's router (E120), not mounted on it.
 * Refuses to build when an operation has no handler (or a handler has no operation), naming them,
 * so the mock can never silently miss a route of the spec.
 *
 * Per request, in order: faults → authenticate → validate request → handler → validate response → write.
 */
import type { RequestHandler, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { SpecOperation } from '../../../spec';
import type { FaultRegistry } from '../control/faults';
import { apiError } from '../http/api-error';
import type { HandlerContext, HandlerResult, HandlerTable } from '../http/handler';
import { writeJson } from '../http/write-json';
import type { CredentialRecord, PartnerRecord } from '../state/records';
import { RouteTable, type RouteMatch } from '../../../spec/route-table';
import type { OperationValidators, RequestParts } from './validators';

export interface OperationRouteOptions {
  operations: SpecOperation[];
  validators: Map<string, OperationValidators>;
  handlers: HandlerTable;
  /** Resolves the caller, or throws a 401 ApiError. */
  authenticate: (req: Request) => { partner: PartnerRecord | null; credential: CredentialRecord | null };
  faults?: FaultRegistry;
  validateResponses: boolean;
  logger: Logger;
}

export function checkHandlers(operations: SpecOperation[], handlers: HandlerTable): void {
  const missing = operations
    .filter((op) => !handlers[op.operationId])
    .map((op) => `${op.operationId} (${op.method.toUpperCase()} ${op.path})`);
  const known = new Set(operations.map((op) => op.operationId));
  const extra = Object.keys(handlers).filter((id) => !known.has(id));
  const problems = [
    ...missing.map((m) => `no handler for operation ${m}`),
    ...extra.map((id) => `handler ${id} matches no operation of the spec`),
  ];
  if (problems.length > 0) throw new Error(`Cannot start: ${problems.join('; ')}`);
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

type OperationRunner = (req: Request, res: Response) => Promise<void>;

interface OperationRoute {
  run: OperationRunner;
  /** E31: only operations with a request body in the spec read one. */
  readsBody: boolean;
}

/** The operations of one spec, found by method and path. */
export interface OperationRoutes {
  /** The route table's own match, not copied per request. */
  find(method: string, path: string): RouteMatch<OperationRoute> | undefined;
}

export function buildOperationRoutes(options: OperationRouteOptions): OperationRoutes {
  checkHandlers(options.operations, options.handlers);
  const routes = new RouteTable<OperationRoute>();
  for (const op of options.operations) {
    const handler = options.handlers[op.operationId]!;
    const validators = options.validators.get(op.operationId);
    if (!validators) throw new Error(`No validators compiled for ${op.operationId}`);

    const run: OperationRunner = async (req, res) => {
      res.locals.operationId = op.operationId;
      if (options.faults && (await options.faults.apply(op.operationId, req, res))) return;

      const caller = options.authenticate(req);
      res.locals.partnerId = caller.partner?.id ?? null;
      const parts: RequestParts = {
        params: req.params as Record<string, string>,
        query: req.query,
        headers: req.headers,
        body: req.body,
        hasBody: hasBody(req),
        contentType: req.headers['content-type'],
      };
      const input = validators.validateRequest(parts);
      const ctx: HandlerContext = { req, operationId: op.operationId, ...caller, ...input };
      const result = await handler(ctx);
      writeResult(res, op, result, validators, options);
    };
    routes.add(op.method, op.path, { run, readsBody: op.operation.requestBody !== undefined });
  }
  return {
    find: (method, path) => routes.match(method, path),
  };
}

/**
 * One middleware for the operations of several specs: finds the operation (one lookup), parses
 * the JSON body when the operation has one, then runs it. A request that matches no operation
 * passes on to Express's router (the console, the test receiver, the pages, then the 404).
 *
 * E31: an operation without a request body never reads one, so it cannot answer 400, 413 or 415
 * for a body its spec does not describe; Node discards the unread bytes after the response.
 */
export function serveOperations(sets: OperationRoutes[], parseBody: RequestHandler): RequestHandler {
  return (req, res, next) => {
    let found: ReturnType<OperationRoutes['find']>;
    for (const set of sets) {
      found = set.find(req.method, req.path);
      if (found) break;
    }
    if (!found) {
      next();
      return;
    }
    const { run, readsBody } = found.value;
    req.params = found.params;
    if (!readsBody) {
      run(req, res).catch(next);
      return;
    }
    parseBody(req, res, (err?: unknown) => {
      if (err) next(err);
      else run(req, res).catch(next);
    });
  };
}

function writeResult(
  res: Response,
  op: SpecOperation,
  result: HandlerResult,
  validators: OperationValidators,
  options: OperationRouteOptions,
): void {
  const contentType = result.contentType ?? 'application/json';
  if (options.validateResponses) {
    const problems = validators.validateResponse(result.status, contentType, result.body);
    if (problems.length > 0) {
      // The mock answered off-contract: a bug in the mock, made loud in the log and in tests.
      options.logger.error(
        { operationId: op.operationId, status: result.status, problems },
        'response does not match the spec',
      );
      throw apiError('response_validation_failed', op.operationId, problems);
    }
  }
  if (!result.stream && contentType === 'application/json') {
    writeJson(res, result.status, result.body, result.headers);
    return;
  }
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
  res.statusCode = result.status;
  if (result.stream) {
    // A stream (the control API's text/event-stream, E71): the handler's writer takes over the body.
    res.setHeader('Content-Type', `${contentType}; charset=utf-8`);
    result.stream(res);
  } else {
    res.type(contentType).send(result.body);
  }
}
