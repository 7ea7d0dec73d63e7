import { parseDuration } from '../../../fixtures/src/rules';
import { formatDuration } from './duration';

describe('formatDuration', () => {
  test('writes the largest units first and skips empty ones', () => {
    expect(formatDuration(93_784_000)).toBe('1d 2h 3m 4s');
    expect(formatDuration(1_860_000)).toBe('31m');
  });

  test('writes zero as 0s', () => {
    expect(formatDuration(0)).toBe('0s');
  });

  test('writes what the one duration grammar reads back (E142)', () => {
    for (const text of ['45s', '31m', '2h', '3d']) expect(formatDuration(parseDuration(text)!)).toBe(text);
  });
});
