/**
 * E213: the spec's `date-time` answers exactly as ajv-formats' full `date-time` for every string:
 * arbitrary text, the mock's own instants, and the same shape with every field pushed past its
 * edges (month 13, February 29th of a common year, hour 24, second 60, a lower-case t or z).
 */
import fc from 'fast-check';
import { fullFormats } from 'ajv-formats/dist/formats';
import Ajv2020 from 'ajv/dist/2020';
import { addSpecChecks, isDateTime, isPlainHttpUrl, isUri, SPEC_FORMATS } from './formats';
import { createSpecAjv } from './index';

const library = (fullFormats['date-time'] as { validate: (s: string) => boolean }).validate;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** The mock's shape, with each field drawn from a range a little wider than its valid one. */
const nearIso = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 61 }),
    ms: fc.integer({ min: 0, max: 999 }),
    t: fc.constantFrom('T', 't', ' ', 'X'),
    z: fc.constantFrom('Z', 'z', '+00:00', '', 'ZZ'),
  })
  .map(
    (f) =>
      `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)}${f.t}${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}.${pad(f.ms, 3)}${f.z}`,
  );
/** A real instant as `toISOString` writes it, then one character replaced. */
const mutated = fc
  .tuple(
    fc.date({ min: new Date(0), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }),
    fc.nat(23),
    fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
  )
  .map(([d, i, c]) => {
    const s = d.toISOString();
    return s.slice(0, i) + c + s.slice(i + 1);
  });

describe('date-time format (E213)', () => {
  it('answers as ajv-formats does for any string, less what Date.parse cannot read (E220)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), nearIso, mutated), (s) => {
        expect(isDateTime(s)).toBe(library(s) && !Number.isNaN(Date.parse(s)));
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts the instants the mock writes, leap days and the last millisecond of a year included', () => {
    for (const s of ['2024-02-29T00:00:00.000Z', '1999-12-31T23:59:59.999Z', '2000-02-29T12:30:45.123Z']) {
      expect(isDateTime(s)).toBe(true);
      expect(library(s)).toBe(true);
    }
    for (const s of ['2023-02-29T00:00:00.000Z', '1900-02-29T00:00:00.000Z', '2024-04-31T00:00:00.000Z']) {
      expect(isDateTime(s)).toBe(false);
      expect(library(s)).toBe(false);
    }
  });

  it('refuses a leap second, which the library accepts and JavaScript cannot store (E220)', () => {
    for (const s of ['2016-12-31T23:59:60Z', '2016-12-31T23:59:60.500Z', '2017-01-01T00:59:60+01:00']) {
      expect(library(s)).toBe(true);
      expect(isDateTime(s)).toBe(false);
    }
  });

  it('is the date-time of every ajv made by createSpecAjv', () => {
    const validate = createSpecAjv({ withComponents: false }).compile({ type: 'string', format: 'date-time' });
    expect(validate('2026-03-19T10:00:00.000Z')).toBe(true);
    expect(validate('2026-02-30T10:00:00.000Z')).toBe(false);
    expect(SPEC_FORMATS['date-time']).toHaveProperty('validate', isDateTime);
  });
});

const libraryUri = fullFormats.uri as (s: string) => boolean;
/** Links of the mock's shape, with a host, port and path drawn from wider alphabets than it uses. */
const nearLink = fc
  .record({
    scheme: fc.constantFrom('http://', 'https://', 'HTTP://', 'http:/', 'ftp://', 'http//', ''),
    host: fc.string({ unit: fc.constantFrom(...'aZ09.-_~%[]:@!'.split('')), maxLength: 12 }),
    port: fc.constantFrom('', ':', ':4010', ':65535', ':x'),
    path: fc.string({ unit: fc.constantFrom(...'aZ09/-._~?#%&= éæ'.split('')), maxLength: 20 }),
  })
  .map((f) => `${f.scheme}${f.host}${f.port}${f.path}`);
/** A real link, then one character replaced. */
const mutatedLink = fc
  .tuple(fc.webUrl(), fc.nat(), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }))
  .map(([url, i, c]) => {
    const at = i % url.length;
    return url.slice(0, at) + c + url.slice(at + 1);
  });

describe('uri format (E217)', () => {
  it('answers as ajv-formats does for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), nearLink, mutatedLink), (s) => {
        expect(isUri(s)).toBe(libraryUri(s));
      }),
      { numRuns: 5000 },
    );
  });

  it("takes the mock's own links by their characters, and leaves the rest to ajv-formats", () => {
    for (const s of ['http://localhost:4010/pay/0123456789abcdef', 'https://pay.acountpay.dk/onboarding/ab-12_x~y']) {
      expect(isPlainHttpUrl(s)).toBe(true);
      expect(libraryUri(s)).toBe(true);
    }
    for (const s of ['https://pos.example.dk/hooks?x=1', 'http://[::1]:4010/', 'mailto:hej@cafe.dk'])
      expect(isPlainHttpUrl(s)).toBe(false);
    expect(isUri('http://[::1]:4010/')).toBe(true);
    expect(isUri('http://localhost:4010/pay/ø')).toBe(false);
  });

  it('is the uri of every ajv made by createSpecAjv', () => {
    const validate = createSpecAjv({ withComponents: false }).compile({ type: 'string', format: 'uri' });
    expect(validate('http://localhost:4010/pay/abc')).toBe(true);
    expect(validate('not a uri')).toBe(false);
    expect(SPEC_FORMATS.uri).toBe(isUri);
  });
});

describe('maxLength and minLength (E219)', () => {
  const plain = new Ajv2020({ allErrors: true });
  const ours = createSpecAjv();
  // Strings of UTF-16 units of every kind: lone and paired surrogates, astral characters, ASCII.
  const text = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.string({ maxLength: 12, unit: 'binary' }),
    fc.string({ maxLength: 12, unit: 'grapheme' }),
    fc.array(fc.constantFrom('a', '\ud83d', '\ude00', '\ud83d\ude00', 'ø'), { maxLength: 12 }).map((a) => a.join('')),
  );
  it('reports in the order ajv does beside pattern and format', () => {
    // 22 characters, not a URI (the space), not http: every keyword fails.
    const schema = { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 20, minLength: 25 };
    const value = `ftp:// ${'a'.repeat(15)}`;
    const { format: _format, ...withoutFormat } = schema;
    const expected = plain.compile(withoutFormat);
    const actual = ours.compile(withoutFormat);
    expect(actual(value)).toBe(false);
    expect(expected(value)).toBe(false);
    expect(actual.errors).toEqual(expected.errors);
    expect(actual.errors!.map((e) => e.keyword)).toEqual(['maxLength', 'minLength', 'pattern']);
    const withFormat = ours.compile(schema);
    expect(withFormat(value)).toBe(false);
    expect(withFormat.errors!.map((e) => e.keyword)).toEqual(['maxLength', 'minLength', 'pattern', 'format']);
  });

  // Ajv's `unicode: false` counts UTF-16 units; no ajv of the mock sets it, but the keyword keeps it.
  // Ajv warns that the option is deprecated each time one is made; that one warning is expected here.
  const logger = {
    log: console.log,
    error: console.error,
    warn: (...args: unknown[]) => {
      if (!String(args[0]).startsWith('DEPRECATED: option unicode')) console.warn(...args);
    },
  };
  const plainUnits = new Ajv2020({ allErrors: true, unicode: false, logger });
  const oursUnits = new Ajv2020({ allErrors: true, unicode: false, logger });
  addSpecChecks(oursUnits);

  it('answers and reports as ajv does for any string and limit, in code points or UTF-16 units', () => {
    fc.assert(
      fc.property(
        text,
        fc.constantFrom('maxLength', 'minLength'),
        fc.nat(14),
        fc.boolean(),
        (s, keyword, limit, units) => {
          const schema = { type: 'string', [keyword]: limit };
          const expected = (units ? plainUnits : plain).compile(schema);
          const actual = (units ? oursUnits : ours).compile(schema);
          expect(actual(s)).toBe(expected(s));
          expect(actual.errors ?? null).toEqual(expected.errors ?? null);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
