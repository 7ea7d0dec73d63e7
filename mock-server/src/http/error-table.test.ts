import fs from 'node:fs';
import path from 'node:path';
import { loadSpec, PACKAGE_ROOT } from '../../../spec';
import { ERROR_CATALOGUE, type ErrorCode } from './api-error';
import { ERROR_TABLE_END, ERROR_TABLE_START, renderErrorTable, withErrorTable } from './error-table';

describe("README.md's table of error codes (E150)", () => {
  test('is the one the catalogue generates (run `npm run build && node scripts/gen-error-table.js`)', () => {
    const readme = fs.readFileSync(path.join(PACKAGE_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(ERROR_TABLE_START);
    expect(withErrorTable(readme)).toBe(readme);
  });

  test('lists every code once with its status, by status', () => {
    const rows = renderErrorTable().split('\n').slice(2);
    expect(rows).toHaveLength(Object.keys(ERROR_CATALOGUE).length);
    expect(rows).toContain(`| \`store_inactive\` | 409 | ${ERROR_CATALOGUE.store_inactive.when} |`);
    const statuses = rows.map((row) => Number(row.split(' | ')[1]));
    expect(statuses).toEqual([...statuses].sort((a, b) => a - b));
  });

  test('replaces only what is between the markers', () => {
    const text = `intro\n${ERROR_TABLE_START}\nold table\n${ERROR_TABLE_END}\nafter\n`;
    const out = withErrorTable(text);
    expect(out.startsWith(`intro\n${ERROR_TABLE_START}\n\n| code | status | when |`)).toBe(true);
    expect(out.endsWith(`\n\n${ERROR_TABLE_END}\nafter\n`)).toBe(true);
    expect(out).not.toContain('old table');
    expect(() => withErrorTable('no markers')).toThrow(/markers/);
  });

  test("every error example of the specs is a catalogue code with the catalogue's status", () => {
    const examples: { statusCode: number; code: string }[] = [];
    for (const name of ['partner-api', 'control-api'] as const) {
      for (const response of Object.values(loadSpec(name).components?.responses ?? {})) {
        const media = 'content' in response ? response.content?.['application/json'] : undefined;
        for (const example of Object.values(media?.examples ?? {}))
          if ('value' in example) examples.push(example.value as { statusCode: number; code: string });
      }
    }
    expect(examples.length).toBeGreaterThan(8);
    for (const { statusCode, code } of examples)
      expect([code, ERROR_CATALOGUE[code as ErrorCode]?.status]).toEqual([code, statusCode]);
  });
});
