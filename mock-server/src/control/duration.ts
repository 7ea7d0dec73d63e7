/** Durations for moving the clock: `90s`, `30m`, `2h`, `1d`, or a bare number of seconds. */
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Milliseconds of a duration, or undefined when it is not one (e.g. `5x`, `-1`, `0`). */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text.trim());
  if (!match) return undefined;
  const ms = Math.round(Number(match[1]) * UNIT_MS[(match[2] || 's') as keyof typeof UNIT_MS]);
  return ms > 0 ? ms : undefined;
}

/** `1860000` → `31m`, `93784000` → `1d 2h 3m 4s`; `0s` for zero. */
export function formatDuration(ms: number): string {
  const parts: string[] = [];
  let rest = Math.round(ms / 1000);
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n}${unit}`);
  }
  return parts.length > 0 ? parts.join(' ') : '0s';
}
