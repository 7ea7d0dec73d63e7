/**
 * E175: a response that shows a record's own fields is those fields the spec's schema lists, in the
 * spec's order. The spec is the one owner of which fields a response carries; the type parameter
 * makes a record that lacks one of them a compile error.
 */
import { loadSpec } from '../../../spec';
import type { components } from '../../../spec/generated/partner-api';

type Schemas = components['schemas'];

/** Every field of the response, present (the record may hold `null` where the schema allows it). */
type HasFieldsOf<T> = { [K in keyof T]-?: T[K] };

/**
 * Builds the projection once (the schema's property names, minus `omit`); the returned function
 * copies those fields of a record into a new object.
 */
export function responseFields<N extends keyof Schemas, O extends keyof Schemas[N] = never>(
  name: N,
  omit: readonly O[] = [],
): (record: HasFieldsOf<Omit<Schemas[N], O>>) => Schemas[N] {
  const schema = loadSpec('partner-api').components?.schemas?.[name] as { properties?: object } | undefined;
  if (!schema?.properties) throw new Error(`partner-api has no object schema ${String(name)}`);
  const fields = Object.keys(schema.properties).filter((field) => !(omit as readonly string[]).includes(field));
  return (record) => {
    const source = record as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const field of fields) out[field] = source[field];
    return out as Schemas[N];
  };
}
