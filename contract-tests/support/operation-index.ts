/**
 * Finds the spec operation behind a concrete request (`GET /v1/partner/merchants/42/stores/abc`
 * → getStore). Path templates of partner-api and, when present, control-api are compiled to
 * regexes once; templates with more literal segments win, so `/merchants/fast-track` is never
 * read as `/merchants/{merchantId}`.
 */
import fs from 'node:fs';
import { listOperations, specPath, type HttpMethod, type SpecName, type SpecOperation } from '../../spec/index';

interface CompiledTemplate {
  template: string;
  regex: RegExp;
  literalSegments: number;
  byMethod: Map<HttpMethod, SpecOperation>;
}

export type OperationLookup =
  | { found: true; operation: SpecOperation }
  | { found: false; reason: 'no-path' }
  | { found: false; reason: 'no-method'; template: string; methods: string[] };

function compileTemplate(template: string): RegExp {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}/?$`);
}

function buildIndex(): CompiledTemplate[] {
  const specs: SpecName[] = ['partner-api', 'control-api'];
  const byTemplate = new Map<string, CompiledTemplate>();
  for (const spec of specs) {
    if (!fs.existsSync(specPath(spec))) continue;
    for (const op of listOperations(spec)) {
      let entry = byTemplate.get(op.path);
      if (!entry) {
        const literalSegments = op.path.split('/').filter((s) => s && !s.startsWith('{')).length;
        entry = { template: op.path, regex: compileTemplate(op.path), literalSegments, byMethod: new Map() };
        byTemplate.set(op.path, entry);
      }
      entry.byMethod.set(op.method, op);
    }
  }
  return [...byTemplate.values()].sort((a, b) => b.literalSegments - a.literalSegments);
}

let index: CompiledTemplate[] | undefined;

/** Strips the query string and fragment: `/v1/partner/payments?page=2` → `/v1/partner/payments`. */
export function pathOnly(pathWithQuery: string): string {
  const cut = pathWithQuery.search(/[?#]/);
  return cut === -1 ? pathWithQuery : pathWithQuery.slice(0, cut);
}

export function findOperation(method: string, requestPath: string): OperationLookup {
  index ??= buildIndex();
  const wanted = method.toLowerCase() as HttpMethod;
  const p = pathOnly(requestPath);
  let pathMatch: CompiledTemplate | undefined;
  for (const entry of index) {
    if (!entry.regex.test(p)) continue;
    const operation = entry.byMethod.get(wanted);
    if (operation) return { found: true, operation };
    pathMatch ??= entry;
  }
  if (!pathMatch) return { found: false, reason: 'no-path' };
  return {
    found: false,
    reason: 'no-method',
    template: pathMatch.template,
    methods: [...pathMatch.byMethod.keys()].map((m) => m.toUpperCase()),
  };
}

/** Every operation of both specs, for callers that need to look one up by operationId. */
export function findOperationById(operationId: string): SpecOperation | undefined {
  index ??= buildIndex();
  for (const entry of index) {
    for (const op of entry.byMethod.values()) if (op.operationId === operationId) return op;
  }
  return undefined;
}
