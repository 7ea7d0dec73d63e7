// How the console writes amounts, times and durations.

/** Danish format, as the pay page writes it: 1.234,50 kr. */
export function formatAmount(amount, currency) {
  const [whole = '0', cents = '00'] = Number(amount).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${grouped},${cents} ${currency === 'DKK' ? 'kr.' : currency}`;
}

/** 90061000 ms → "1d 1h 1m"; seconds only below a minute. */
export function formatDuration(ms) {
  const negative = ms < 0;
  let s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const parts =
    d > 0 ? [`${d}d`, `${h}h`, `${m}m`] : h > 0 ? [`${h}h`, `${m}m`] : m > 0 ? [`${m}m`, `${s}s`] : [`${s}s`];
  return `${negative ? '-' : ''}${parts.join(' ')}`;
}

/** "in 5m 3s" / "5m 3s ago" relative to the mock's now. */
export function relative(iso, nowMs) {
  const diff = Date.parse(iso) - nowMs;
  return diff >= 0 ? `in ${formatDuration(diff)}` : `${formatDuration(-diff)} ago`;
}

/** 2026-03-18T12:00:05.120Z → "2026-03-18 12:00:05" (UTC, as the mock's clock). */
export function formatTime(iso) {
  return iso
    ? iso
        .replace('T', ' ')
        .replace(/\.\d+Z$/, '')
        .replace(/Z$/, '')
    : '';
}

/** Pretty JSON when the text is JSON, the text otherwise. */
export function prettyBody(text) {
  if (text === null || text === undefined) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
