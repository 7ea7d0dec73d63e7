/**
 * The string checks of every ajv made by createSpecAjv and createScenarioAjv (`addSpecChecks`).
 *
 * Formats (E213): ajv-formats' full formats, with a
 * `date-time` that answers the shape the mock writes (`toISOString`: `2026-03-19T10:00:00.000Z`)
 * from its characters alone and hands every other string to ajv-formats' own check. The library's
 * check splits the text and runs two regular expressions, which made it the largest allocation of a
 * validated response that carries dates. E217: `uri` the same way for the plain http(s) links the
 * mock writes (`paymentUrl`, `onboardingUrl`), which the library checks with one long RFC 3986
 * expression. Each answers the same as the library for every string (property tests compare them);
 * only the way to the answer differs, except that `date-time` refuses leap seconds (E220).
 *
 * Keywords (E219): `maxLength` and `minLength` as ajv's own, counting code points only where the
 * UTF-16 length does not decide.
 */
import { _, str, type CodeKeywordDefinition, type FormatDefinition, type KeywordErrorDefinition } from 'ajv';
import { operators } from 'ajv/dist/compile/codegen';
import { useFunc } from 'ajv/dist/compile/util';
import type Ajv from 'ajv/dist/core';
import ucs2length from 'ajv/dist/runtime/ucs2length';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';

const library = fullFormats['date-time'] as { validate: (s: string) => boolean; compare: unknown };
const libraryUri = fullFormats.uri as (s: string) => boolean;

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isDigit = (c: number) => c >= 48 && c <= 57;
/** The number of two digits at `i`, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  return isDigit(a) && isDigit(b) ? (a - 48) * 10 + (b - 48) : -1;
}

/** True for `YYYY-MM-DDTHH:MM:SS.sssZ` with a real date, hours ≤ 23, minutes and seconds ≤ 59. */
export function isPlainIsoInstant(s: string): boolean {
  if (s.length !== 24) return false;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return false; // - - T
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 46) return false; // : : .
  if (s.charCodeAt(23) !== 90) return false; // Z
  const century = twoDigits(s, 0);
  const yy = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const second = twoDigits(s, 17);
  if (century < 0 || yy < 0 || !isDigit(s.charCodeAt(20)) || twoDigits(s, 21) < 0) return false;
  if (month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return false;
  if (second < 0 || second > 59) return false;
  const year = century * 100 + yy;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS[month]!);
}

/**
 * E220: RFC 3339 as ajv-formats reads it, less the times JavaScript cannot represent (a leap
 * second, `…T23:59:60Z`, which `Date.parse` answers NaN): every accepted time can be stored.
 */
export function isDateTime(s: string): boolean {
  return isPlainIsoInstant(s) || (library.validate(s) && !Number.isNaN(Date.parse(s)));
}

const isAlphanumeric = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isHostChar = (c: number) => isAlphanumeric(c) || c === 45 || c === 46; // - .
const isPathChar = (c: number) => isHostChar(c) || c === 95 || c === 126 || c === 47; // _ ~ /

/**
 * True for `http://host[:port][/path]` and the same with `https`: a host of letters, digits, dots
 * and hyphens, and a path of letters, digits and `-._~/` (no query, fragment or escapes).
 */
export function isPlainHttpUrl(s: string): boolean {
  let i = s.startsWith('http://') ? 7 : s.startsWith('https://') ? 8 : -1;
  if (i < 0) return false;
  const hostStart = i;
  while (i < s.length && isHostChar(s.charCodeAt(i))) i += 1;
  if (i === hostStart) return false;
  if (s.charCodeAt(i) === 58) {
    // :port
    i += 1;
    const portStart = i;
    while (i < s.length && isDigit(s.charCodeAt(i))) i += 1;
    if (i === portStart) return false;
  }
  if (i === s.length) return true;
  if (s.charCodeAt(i) !== 47) return false; // the path starts with /
  for (; i < s.length; i += 1) if (!isPathChar(s.charCodeAt(i))) return false;
  return true;
}

export function isUri(s: string): boolean {
  return isPlainHttpUrl(s) || libraryUri(s);
}

const dateTime = { ...library, validate: isDateTime } as FormatDefinition<string>;
export const SPEC_FORMATS = { ...fullFormats, 'date-time': dateTime, uri: isUri };
/** Part of a precompiled validator's key: a new value when the code of these formats or keywords changes. */
export const SPEC_CHECKS_REVISION = 'E213 date-time 2, E217 uri 1, E219 length 1';

/**
 * Where precompiled validators (`ajv/dist/standalone`) find the formats: one registered object,
 * since a validator module may be written anywhere (the build's cache, a test's directory).
 */
const REGISTRY = Symbol.for('acountpay-mock.spec-formats');
(globalThis as Record<symbol, unknown>)[REGISTRY] = SPEC_FORMATS;
export const SPEC_FORMATS_CODE = _`globalThis[Symbol.for("acountpay-mock.spec-formats")]`;

/** Ajv's own messages and params for the two keywords (`ajv/dist/vocabularies/validation/limitLength`). */
const lengthError: KeywordErrorDefinition = {
  message: ({ keyword, schemaCode }) =>
    str`must NOT have ${keyword === 'maxLength' ? 'more' : 'fewer'} than ${schemaCode} characters`,
  params: ({ schemaCode }) => _`{limit: ${schemaCode}}`,
};

/**
 * E219: `maxLength` and `minLength` as ajv has them (lengths in code points, `ucs2length`), with the
 * count skipped where the string's UTF-16 length decides alone: a string has at most as many code
 * points as UTF-16 units and at least half as many. Ajv counts every string's code points one by
 * one, which for a million loaded payments (six limited strings each) was 0.2 s of the load.
 */
const LENGTH_KEYWORDS: CodeKeywordDefinition = {
  keyword: ['maxLength', 'minLength'],
  type: 'string',
  schemaType: 'number',
  $data: true,
  error: lengthError,
  // Ajv's own keyword runs before `pattern` and `format`; so do these, so that errors come in its order.
  before: 'pattern',
  code(cxt) {
    const { keyword, data, schemaCode, gen, it } = cxt;
    if (it.opts.unicode === false) {
      cxt.fail$data(_`${data}.length ${keyword === 'maxLength' ? operators.GT : operators.LT} ${schemaCode}`);
      return;
    }
    const count = useFunc(gen, ucs2length);
    cxt.fail$data(
      keyword === 'maxLength'
        ? _`${data}.length > ${schemaCode} && ${count}(${data}) > ${schemaCode}`
        : _`${data}.length < ${schemaCode} || (${data}.length < 2 * ${schemaCode} && ${count}(${data}) < ${schemaCode})`,
    );
  },
};

/**
 * Gives an ajv the spec's formats: ajv-formats' full ones, with `date-time` and `uri` above (E213,
 * E217); and the string length keywords that answer as ajv's own (E219).
 */
export function addSpecChecks(ajv: Ajv): void {
  addFormats(ajv);
  ajv.addFormat('date-time', SPEC_FORMATS['date-time']);
  ajv.addFormat('uri', SPEC_FORMATS.uri);
  ajv.removeKeyword('maxLength');
  ajv.removeKeyword('minLength');
  ajv.addKeyword(LENGTH_KEYWORDS);
}
