/**
 * Finds the spec operation behind a concrete request (`GET /v1/partner/merchants/42/stores/abc`
 * → getStore). Path templates of partner-api and, when present, control-api are compiled to
 * regexes once; templates with more literal segments win, so `/merchants/fast-track` is never
 * read as `/merchants/{merchantId}`.
 */
import fs from 'node:fs';
import { listOperations, specPath, type SpecName, type SpecOperation } from '../../spec/index';
import { RouteTable } from '../../spec/route-table';

export type OperationLookup =
  | { found: true; operation: SpecOperation; params: Record<string, string> }
  | { found: false; reason: 'no-path' }
  | { found: false; reason: 'no-method'; template: string; methods: string[] };

interface OperationIndex {
  routes: RouteTable<SpecOperation>;
  byId: Map<string, SpecOperation>;
}

function buildIndex(): OperationIndex {
  const routes = new RouteTable<SpecOperation>();
  const byId = new Map<string, SpecOperation>();
  for (const spec of ['partner-api', 'control-api'] as SpecName[]) {
    if (!fs.existsSync(specPath(spec))) continue;
    for (const op of listOperations(spec)) {
      routes.add(op.method, op.path, op);
      byId.set(op.operationId, op);
    }
  }
  return { routes, byId };
}

let index: OperationIndex | undefined;

/** Strips the query string and fragment: `/v1/partner/payments?page=2` → `/v1/partner/payments`. */
export function pathOnly(pathWithQuery: string): string {
  const cut = pathWithQuery.search(/[?#]/);
  return cut === -1 ? pathWithQuery : pathWithQuery.slice(0, cut);
}

export function findOperation(method: string, requestPath: string): OperationLookup {
  index ??= buildIndex();
  const p = pathOnly(requestPath);
  const found = index.routes.match(method.toUpperCase(), p);
  if (found) return { found: true, operation: found.value, params: found.params };
  const atPath = index.routes.allAt(p);
  if (atPath.length === 0) return { found: false, reason: 'no-path' };
  return {
    found: false,
    reason: 'no-method',
    template: atPath[0]!.path,
    methods: atPath.map((op) => op.method.toUpperCase()),
  };
}

/** Every operation of both specs, for callers that need to look one up by operationId. */
export function findOperationById(operationId: string): SpecOperation | undefined {
  index ??= buildIndex();
  return index.byId.get(operationId);
}
