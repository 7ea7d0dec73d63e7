/**
 * fast-check arbitraries made from the JSON Schemas of the specs: values a schema accepts, values it
 * refuses (wrong types, bounds, lengths, patterns), and the hostile strings an attacker or a careless
 * client sends (±Infinity, 1e400, NaN, ids beyond 2^53, huge and odd unicode strings, `%00`, `..`).
 * Covers the keywords the specs use; any other schema gets small JSON values.
 */
import fc from 'fast-check';

export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  default?: unknown;
}

/** Strings that have hurt parsers and number conversions before; sent as parameter values and body fields. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  'Infinity',
  '-Infinity',
  '+Infinity',
  'infinity',
  '1e400',
  '-1e400',
  '1e308',
  'NaN',
  '-0',
  '0',
  '-1',
  '1.5',
  '0x10',
  '0b11',
  '1_000',
  ' 7 ',
  '9007199254740991',
  '9007199254740992',
  '9007199254740993',
  '18446744073709551616',
  '99999999999999999999999999999',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '\u0000',
  '..',
  '.',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '<script>alert(1)</script>',
  "' OR '1'='1",
  '\u202Egnp.exe',
  '😀🇩🇰ÆØÅ',
  '\uD800',
  '\uFEFF',
  'a'.repeat(300),
  'ø'.repeat(5000),
];

/** Path segments sent as they are, not percent-encoded: escapes and dot segments. */
export const RAW_SEGMENTS: readonly string[] = [
  '%00',
  '..',
  '.',
  '%2e%2e',
  '%2E%2E%2F',
  '%2F',
  '%5C',
  '%ZZ',
  '%',
  '%C0%AF',
  '%FF%FE',
  '%u0000',
  '1%00',
  '1;a=b',
  '1,2',
];

export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  );

const typesOf = (schema: Schema): string[] => ([] as string[]).concat(schema.type ?? []);
const SAFE = Number.MAX_SAFE_INTEGER;

function stringValue(schema: Schema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 40, Math.max(min, 40));
  const fits = (s: string) => s.length >= min && s.length <= (schema.maxLength ?? Infinity);
  switch (schema.format) {
    case 'email':
      return fc.emailAddress().filter(fits);
    case 'uri':
      // Loopback only: nothing the fuzz creates may point anywhere else (a webhook URL, a website).
      return fc
        .tuple(fc.constantFrom('http', 'https'), fc.constantFrom('127.0.0.1:9', 'localhost:1'), fc.webPath())
        .map(([scheme, host, path]) => `${scheme}://${host}${path}`)
        .filter(fits);
    case 'date-time':
      return fc
        .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString());
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: max }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: max }).filter(fits) },
  );
}

function numberValue(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum : -1e6);
  const high = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum : 1e6);
  const inside = (n: number) =>
    (schema.exclusiveMinimum === undefined || n > schema.exclusiveMinimum) &&
    (schema.exclusiveMaximum === undefined || n < schema.exclusiveMaximum);
  if (integer) {
    const min = Math.max(Math.ceil(low), -SAFE);
    const max = Math.min(Math.floor(high), SAFE);
    return fc
      .oneof(fc.integer({ min, max: Math.min(max, min + 50) }), fc.integer({ min, max }), fc.constantFrom(min, max))
      .filter(inside);
  }
  return fc
    .oneof(
      // Money-like values with at most two decimals, then any double in range.
      fc.integer({ min: Math.ceil(low * 100), max: Math.floor(Math.min(high, 1e9) * 100) }).map((c) => c / 100),
      fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true }),
    )
    .filter(inside);
}

/** A value the schema accepts (mostly: `not`, `dependentSchemas` and friends are not modelled). */
export function validValue(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches) return fc.oneof(...branches.map((b) => validValue(b, depth)));
  const type = typesOf(schema).find((t) => t !== 'null');
  switch (type) {
    case 'string':
      return stringValue(schema);
    case 'integer':
      return numberValue(schema, true);
    case 'number':
      return numberValue(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const item = schema.items ? validValue(schema.items, depth + 1) : fc.jsonValue({ maxDepth: 1 });
      const constraints = { minLength: schema.minItems ?? 0, maxLength: Math.max(schema.minItems ?? 0, 4) };
      return schema.uniqueItems
        ? fc.uniqueArray(item, { ...constraints, selector: (v) => JSON.stringify(v) })
        : fc.array(item, constraints);
    }
    case 'object': {
      const properties = schema.properties ?? {};
      if (depth > 3 || Object.keys(properties).length === 0)
        return fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 2 });
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, child] of Object.entries(properties)) model[name] = validValue(child, depth + 1);
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in model) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A JSON value the schema refuses: another type, a bound or length just past the limit, a hostile string. */
export function invalidValue(schema: Schema): fc.Arbitrary<unknown> {
  const types = typesOf(schema);
  const options: fc.Arbitrary<unknown>[] = [
    fc.constantFrom<unknown>(null, true, [], {}, 1.5, -1, 0, 1e308, -1e308, 'x'),
    hostileString(),
  ];
  if (types.includes('string')) {
    if (schema.maxLength !== undefined) options.push(fc.constant('x'.repeat(schema.maxLength + 1)));
    if ((schema.minLength ?? 0) > 0) options.push(fc.constant(''));
  }
  if (types.includes('integer') || types.includes('number')) {
    if (schema.minimum !== undefined) options.push(fc.constant(schema.minimum - 1));
    if (schema.maximum !== undefined) options.push(fc.constant(schema.maximum + 1));
    if (schema.exclusiveMinimum !== undefined) options.push(fc.constant(schema.exclusiveMinimum));
    options.push(fc.constantFrom(2 ** 53 + 2, -(2 ** 53) - 2, 0.001, 123.456));
  }
  if (types.includes('array')) options.push(fc.constant([]), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }));
  if (schema.enum) options.push(fc.string({ maxLength: 12 }));
  return fc.oneof(...options);
}

/** A value as it travels in a URL or a header: mostly what the schema accepts, often what it refuses. */
export function parameterText(schema: Schema, known: readonly string[] = []): fc.Arbitrary<string> {
  const valid = validValue(schema).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  const options: fc.WeightedArbitrary<string>[] = [
    { weight: 4, arbitrary: valid },
    { weight: 3, arbitrary: hostileString() },
    { weight: 1, arbitrary: invalidValue(schema).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) },
  ];
  if (known.length > 0) options.push({ weight: 4, arbitrary: fc.constantFrom(...known) });
  return fc.oneof(...options);
}

/**
 * A body for an operation whose JSON body follows `schema`: as JSON text, valid or broken in one
 * way (a required field missing, an extra one, a field of the wrong kind, not an object at all).
 */
export function bodyText(schema: Schema): fc.Arbitrary<string> {
  const valid = validValue(schema);
  const properties = Object.entries(schema.properties ?? {});
  const mutations: fc.WeightedArbitrary<unknown>[] = [
    { weight: 5, arbitrary: valid },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.constantFrom('extra', '__proto__', 'constructor', ''), fc.jsonValue({ maxDepth: 1 }))
        .map(([body, key, value]) => ({ ...(body as object), [key]: value })),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  ];
  if ((schema.required ?? []).length > 0) {
    mutations.push({
      weight: 1,
      arbitrary: fc.tuple(valid, fc.constantFrom(...schema.required!)).map(([body, key]) => {
        const copy = { ...(body as Record<string, unknown>) };
        delete copy[key];
        return copy;
      }),
    });
  }
  if (properties.length > 0) {
    mutations.push({
      weight: 2,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...properties))
        .chain(([body, [key, child]]) =>
          invalidValue(child).map((value) => ({ ...(body as Record<string, unknown>), [key]: value })),
        ),
    });
  }
  const json = fc.oneof(...mutations).map((v) => JSON.stringify(v) ?? 'null');
  const broken = fc.constantFrom(
    '',
    '{',
    '{"a":',
    'nul',
    '[1,]',
    "{'single':'quotes'}",
    '\uFEFF{}',
    '{"a":1}{"b":2}',
    '{"a":1e400}',
    '{"__proto__":{"polluted":true}}',
    '"just a string"',
    `[${'['.repeat(5000)}${']'.repeat(5000)}]`,
  );
  return fc.oneof({ weight: 6, arbitrary: json }, { weight: 1, arbitrary: broken });
}

/** Percent-encodes every byte outside the unreserved set (safe for lone surrogates, unlike encodeURIComponent). */
export function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A header value Node will send: printable Latin-1, at most 4 KiB (a larger one is refused by Node with 431, before the mock). */
export function headerText(text: string): string {
  return Buffer.from(text, 'utf8')
    .toString('latin1')
    .replace(/[^\t\x20-\x7e\x80-\xff]/g, '?')
    .slice(0, 4096);
}
