/**
 * The spec's `x-provenance` marks, and what the suite does with them: a documented fact is asserted
 * exactly against every target; an inferred one exactly against the mock, and against any other
 * target a mismatch is reported as "inferred, differs" instead of failing the run.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import type { Response } from 'supertest';
import { loadSpec, resolveRef, type SpecName } from '../../spec/index';
import { findOperationById } from './operation-index';
import { currentTest, operationIdFromTitle, record } from './report';
import type { Target } from './target';

export type FactKind = 'documented' | 'inferred';

interface Marked {
  'x-provenance'?: FactKind;
}

type Schema = Record<string, unknown> & Marked;

function markOf(node: unknown): FactKind | undefined {
  return node && typeof node === 'object' ? (node as Marked)['x-provenance'] : undefined;
}

function componentSchema(spec: SpecName, ref: string): Schema {
  const name = ref.replace(/^#\/components\/schemas\//, '');
  const schema = loadSpec(spec).components?.schemas?.[name];
  if (!schema) throw new Error(`No schema ${name} in ${spec}`);
  return schema as Schema;
}

/**
 * An operation is inferred when it is marked so, or when the response for `status` is marked so or
 * has a body whose top-level schema is (every error body is: the Error schema is D5).
 */
export function isInferred(operationId: string, status?: number): boolean {
  const op = findOperationById(operationId);
  if (!op) throw new Error(`Unknown operationId ${operationId}`);
  if (markOf(op.operation) === 'inferred') return true;
  if (status === undefined) return false;
  const raw = op.operation.responses?.[String(status)];
  if (!raw) return false;
  if (markOf(raw) === 'inferred') return true;
  const response = resolveRef<OpenAPIV3_1.ResponseObject>(op.spec, raw);
  if (markOf(response) === 'inferred') return true;
  return Object.values(response.content ?? {}).some(
    (media) => markOf(resolveRef<Schema>(op.spec, media.schema as Schema)) === 'inferred',
  );
}

/** Property names of a component schema (own and through allOf) that are marked inferred: `inferredProperties('PaymentEventData')`. */
export function inferredProperties(schemaRef: string, spec: SpecName = 'partner-api'): string[] {
  const schema = componentSchema(spec, schemaRef);
  const parts = [schema, ...((schema.allOf as Schema[] | undefined) ?? []).map((s) => resolveRef<Schema>(spec, s))];
  return parts.flatMap((part) =>
    Object.entries((part.properties as Record<string, unknown> | undefined) ?? {})
      .filter(([, prop]) => markOf(prop) === 'inferred')
      .map(([name]) => name),
  );
}

function typeOnly(schema: Schema): Schema {
  return schema.type === undefined ? {} : { type: schema.type };
}

/**
 * The schema with only its documented part left, refs inlined: a property marked inferred is
 * dropped (and no longer required); a ref to an inferred component keeps only its `type`
 * (the field is documented, its rules are not).
 */
export function documentedOnlySchema(spec: SpecName, schema: unknown, depth = 0): unknown {
  if (depth > 32) throw new Error('Schema nests too deeply to loosen');
  if (Array.isArray(schema)) return schema.map((s) => documentedOnlySchema(spec, s, depth + 1));
  if (!schema || typeof schema !== 'object') return schema;
  const node = schema as Schema;
  if (typeof node.$ref === 'string') {
    const target = componentSchema(spec, node.$ref);
    return markOf(target) === 'inferred' ? typeOnly(target) : documentedOnlySchema(spec, target, depth + 1);
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value && typeof value === 'object') {
      const kept = Object.entries(value).filter(([, prop]) => markOf(prop) !== 'inferred');
      out.properties = Object.fromEntries(
        kept.map(([name, prop]) => [name, documentedOnlySchema(spec, prop, depth + 1)]),
      );
    } else {
      out[key] = documentedOnlySchema(spec, value, depth + 1);
    }
  }
  if (Array.isArray(out.required) && out.properties) {
    const props = out.properties as Record<string, unknown>;
    const dropped = Object.keys((node.properties as Record<string, unknown> | undefined) ?? {}).filter(
      (name) => !(name in props),
    );
    out.required = (out.required as string[]).filter((name) => !dropped.includes(name));
  }
  return out;
}

/**
 * Runs `fn` (plain jest expects). If it throws, the fact is inferred and the target is not the
 * mock, the difference goes into the report and the test goes on; otherwise the error stands.
 */
export async function assertFact(
  target: Pick<Target, 'isMock'>,
  kind: FactKind,
  label: string,
  fn: () => unknown,
): Promise<void> {
  try {
    await fn();
  } catch (error) {
    if (kind === 'documented' || target.isMock) throw error;
    const where = currentTest();
    record({
      type: 'inferred-differs',
      operationId: operationIdFromTitle(where.test),
      label,
      message: error instanceof Error ? error.message : String(error),
      ...where,
    });
  }
}

/**
 * Asserts a response's status and spec conformance, honouring provenance: exact against the mock or
 * for a documented response; against another target an inferred response must still have the
 * expected status class and the documented fields, and any further difference is reported.
 */
export async function expectSpecResponse(
  target: Pick<Target, 'isMock'>,
  res: Response,
  operationId: string,
  status: number,
): Promise<void> {
  const kind: FactKind = isInferred(operationId, status) ? 'inferred' : 'documented';
  if (kind === 'inferred' && !target.isMock) {
    expect(Math.floor(res.status / 100)).toBe(Math.floor(status / 100));
    expect(res).toMatchSpec({ loose: true });
  }
  await assertFact(target, kind, `${operationId} answers ${status} as the spec says`, () => {
    expect(res.status).toBe(status);
    expect(res).toMatchSpec();
  });
}
