/**
 * README.md's table of error codes, generated from the catalogue (E150): `node scripts/gen-error-table.js`
 * writes it between the two markers, and a test fails when the README holds anything else.
 */
import { ERROR_CATALOGUE } from './api-error';

export const ERROR_TABLE_START =
  '<!-- error-codes: generated from mock-server/src/http/api-error.ts by node scripts/gen-error-table.js -->';
export const ERROR_TABLE_END = '<!-- /error-codes -->';

/** One row a code, by status and then in the catalogue's order. */
export function renderErrorTable(): string {
  const rows = Object.entries(ERROR_CATALOGUE)
    .map(([code, entry], order) => ({ code, status: entry.status, when: entry.when, order }))
    .sort((a, b) => a.status - b.status || a.order - b.order)
    .map((row) => `| \`${row.code}\` | ${row.status} | ${row.when.replace(/\|/g, '\\|')} |`);
  return ['| code | status | when |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The README with the table between the markers replaced by the catalogue's. */
export function withErrorTable(readme: string): string {
  const start = readme.indexOf(ERROR_TABLE_START);
  const end = readme.indexOf(ERROR_TABLE_END);
  if (start < 0 || end < start)
    throw new Error(`README.md needs the markers ${ERROR_TABLE_START} and ${ERROR_TABLE_END}`);
  return `${readme.slice(0, start + ERROR_TABLE_START.length)}\n\n${renderErrorTable()}\n\n${readme.slice(end)}`;
}
