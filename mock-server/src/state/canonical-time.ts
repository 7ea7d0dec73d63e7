/**
 * E201: time arithmetic on the canonical timestamp text (`YYYY-MM-DDTHH:MM:SS.mmmZ`, D4) without a
 * Date object per value: a million loaded payments each need their expiry (and some their update
 * time) computed from their creation time, and `new Date(Date.parse(text) + ms).toISOString()` was
 * a fifth of building that state. The result is always the text that expression gives.
 */

import { isPlainIsoInstant } from '../../../spec/formats';

const DAY_MS = 86_400_000;
const digit = (text: string, at: number) => text.charCodeAt(at) - 48;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** `YYYY-MM-DDT` of each day met so far, by day number: loaded timestamps fall on few days. */
const dayPrefixes = new Map<number, string>();
const MAX_PREFIXES = 100_000;

function dayPrefix(day: number): string {
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    if (dayPrefixes.size >= MAX_PREFIXES) dayPrefixes.clear();
    const text = new Date(day * DAY_MS).toISOString();
    prefix = text.length === 24 ? text.slice(0, 11) : ''; // '': an extended year (±YYYYYY)
    dayPrefixes.set(day, prefix);
  }
  return prefix;
}

/** The canonical text of a time (ms since the epoch): `new Date(ms).toISOString()`. */
export function isoText(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const p = Number.isSafeInteger(ms) ? dayPrefix(day) : '';
  if (p.length !== 11) return new Date(ms).toISOString(); // an extended year (±YYYYYY), or no time at all
  return onDay(p, ms - day * DAY_MS);
}

/** The date of `date` (its first 11 characters, `YYYY-MM-DDT`) at `time` ms after midnight (0 ≤ time < a day). */
function onDay(date: string, time: number): string {
  let rest = time;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  rest -= s * 1000;
  const c = (at: number) => date.charCodeAt(at);
  // One flat string of 24 characters (a template literal of the parts would be a tree of cons strings).
  return String.fromCharCode(
    c(0),
    c(1),
    c(2),
    c(3),
    45,
    c(5),
    c(6),
    45,
    c(8),
    c(9),
    84,
    48 + Math.floor(h / 10),
    48 + (h % 10),
    58,
    48 + Math.floor(m / 10),
    48 + (m % 10),
    58,
    48 + Math.floor(s / 10),
    48 + (s % 10),
    46,
    48 + Math.floor(rest / 100),
    48 + (Math.floor(rest / 10) % 10),
    48 + (rest % 10),
    90,
  );
}

/** Ms after midnight of a canonical text's time. */
function timeOfDay(text: string): number {
  const hours = digit(text, 11) * 10 + digit(text, 12);
  const minutes = digit(text, 14) * 10 + digit(text, 15);
  const seconds = digit(text, 17) * 10 + digit(text, 18);
  const ms = digit(text, 20) * 100 + digit(text, 21) * 10 + digit(text, 22);
  return hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + ms;
}

/** Ms since the epoch of a canonical text: `Date.parse(text)`, which also answers any other text. */
export function canonicalMs(text: string): number {
  // Anything unusual (another shape, a leap second, an impossible date) is Date.parse's to answer.
  if (!isPlainIsoInstant(text)) return Date.parse(text);
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  return daysFromCivil(year, month, day) * DAY_MS + timeOfDay(text);
}

/**
 * `new Date(Date.parse(text) + ms).toISOString()` for a canonical `text`. A result on the same day
 * (a payment's expiry, 15 minutes after its creation, mostly is) changes only the time's characters.
 */
export function plusMs(text: string, ms: number): string {
  if (ms >= 0 && Number.isSafeInteger(ms) && isPlainIsoInstant(text)) {
    const time = timeOfDay(text) + ms;
    if (time < DAY_MS) return onDay(text, time);
  }
  return isoText(canonicalMs(text) + ms);
}
