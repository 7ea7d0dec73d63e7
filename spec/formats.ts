/**
 * The string formats of every ajv made by createSpecAjv (E213): ajv-formats' full formats, with a
 * `date-time` that answers the shape the mock writes (`toISOString`: `2026-03-19T10:00:00.000Z`)
 * from its characters alone and hands every other string to ajv-formats' own check. The library's
 * check splits the text and runs two regular expressions, which made it the largest allocation of a
 * validated response that carries dates. Both answer the same for every string (a property test
 * compares them); only the way to the answer differs.
 */
import { _, type FormatDefinition } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats';

const library = fullFormats['date-time'] as { validate: (s: string) => boolean; compare: unknown };

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

export function isDateTime(s: string): boolean {
  return isPlainIsoInstant(s) || library.validate(s);
}

const dateTime = { ...library, validate: isDateTime } as FormatDefinition<string>;
export const SPEC_FORMATS = { ...fullFormats, 'date-time': dateTime };
/** Part of a precompiled validator's key: a new value when the code of these formats changes. */
export const SPEC_FORMATS_REVISION = 'E213 date-time 1';

/**
 * Where precompiled validators (`ajv/dist/standalone`) find the formats: one registered object,
 * since a validator module may be written anywhere (the build's cache, a test's directory).
 */
const REGISTRY = Symbol.for('acountpay-mock.spec-formats');
(globalThis as Record<symbol, unknown>)[REGISTRY] = SPEC_FORMATS;
export const SPEC_FORMATS_CODE = _`globalThis[Symbol.for("acountpay-mock.spec-formats")]`;
