import { formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  test.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['10', 10_000],
    ['1.5', 1_500],
  ])('reads %s as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  test.each(['', '0', '0s', '-5s', '5x', '1h30m', 'm'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  test('writes the largest units first and skips empty ones', () => {
    expect(formatDuration(93_784_000)).toBe('1d 2h 3m 4s');
    expect(formatDuration(1_860_000)).toBe('31m');
  });

  test('writes zero as 0s', () => {
    expect(formatDuration(0)).toBe('0s');
  });
});
