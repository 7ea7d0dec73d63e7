'use strict';
const { scavengesOf } = require('./scale');

const pauses = (count, p50, max, totalMs) => ({ count, p50, p99: max, max, totalMs });
const run = (total, minor, majorCount = 0) => ({
  total,
  gcPauses: { minor, major: pauses(majorCount, null, null, 0) },
});

describe('scavengesOf (E223)', () => {
  test('counts the rounds’ scavenges against their requests', () => {
    const figures = scavengesOf([run(10_000, pauses(12, 2, 5, 30)), run(10_000, pauses(8, 4, 9, 40), 1)], 10);
    expect(figures).toEqual({
      count: 20,
      perThousandRequests: 1,
      // 10 connections × 20 scavenges / 20,000 requests
      shareBeside: 0.01,
      p50: 3,
      max: 9,
      totalMs: 70,
      major: 1,
    });
  });

  test('a round without scavenges adds requests, not pauses', () => {
    const figures = scavengesOf([run(5_000, pauses(0, null, null, 0)), run(5_000, pauses(5, 2, 3, 10))], 10);
    expect(figures.shareBeside).toBeCloseTo(0.005);
    expect(figures.p50).toBe(2);
    expect(figures.max).toBe(3);
  });

  test('the share is at most every request', () => {
    expect(scavengesOf([run(10, pauses(50, 1, 1, 50))], 64).shareBeside).toBe(1);
  });

  test('nothing probed, nothing to say', () => {
    expect(scavengesOf([{ total: 100 }], 10)).toBeNull();
  });
});
