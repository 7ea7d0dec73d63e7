/**
 * E30: page and limit as the services use them. Validation already refuses anything else with a
 * 400; this is the second line, so that a value that slips past it (a caller inside the process, a
 * spec edit) gives a finite page instead of a loop that never ends.
 */
export interface Paging {
  page: number;
  limit: number;
}

function clampInt(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

/** `page` from 1 to 2^53 − 1 (default 1), `limit` from 1 to `maxLimit` (default `defaultLimit`). */
export function safePaging(
  page: number | undefined,
  limit: number | undefined,
  maxLimit = 100,
  defaultLimit = Math.min(20, maxLimit),
): Paging {
  return {
    page: clampInt(page, 1, Number.MAX_SAFE_INTEGER, 1),
    limit: clampInt(limit, 1, maxLimit, defaultLimit),
  };
}
