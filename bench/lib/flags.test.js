'use strict';
const { parseFlags } = require('./flags');

const MODES = ['main', 'scale', 'webhooks', 'soak', 'durability', 'profile', 'qr-stall'];
const parse = (...argv) => parseFlags(argv, MODES);

describe('the benchmarks entry point flags', () => {
  it('chooses the mode by --only or by its own flag, and main without either', () => {
    expect(parse().only).toBe('main');
    expect(parse('--only', 'scale').only).toBe('scale');
    expect(parse('--webhooks').only).toBe('webhooks');
    expect(parse('--only', 'soak', '--soak').only).toBe('soak');
  });

  it("takes each mode's own flags, with their values", () => {
    expect(parse('--only', 'soak', '--duration', '10m', '--rate', '300', '--seed', '2').only).toBe('soak');
    expect(parse('--profile', '--startup').only).toBe('profile');
    expect(parse('--only', 'durability', '--scale-only').only).toBe('durability');
    expect(parse('--scenario', 'create-payment,payment-status').scenarios).toEqual([
      'create-payment',
      'payment-status',
    ]);
  });

  it('refuses a flag the chosen mode would ignore', () => {
    expect(() => parse('--rate', '3')).toThrow('--rate is for soak, not main');
    expect(() => parse('--soak', '--scenario', 'payment-status')).toThrow(
      '--scenario is for main and profile, not soak',
    );
    expect(() => parse('--startup', '--scale')).toThrow('--startup is for profile, not scale');
  });

  it('refuses typos, missing values, a flag given twice and two modes', () => {
    expect(() => parse('--durration', '5s')).toThrow('unknown --durration 5s');
    expect(() => parse('--only', 'soak', '--duration')).toThrow('--duration needs a value');
    expect(() => parse('--only', 'soak', '--seed', '--rate', '3')).toThrow('--seed needs a value');
    expect(() => parse('--only', 'soak', '--rate', '3', '--rate', '4')).toThrow('--rate is given twice');
    expect(() => parse('--soak', '--scale')).toThrow('one mode at a time');
    expect(() => parse('--only', 'nope')).toThrow('--only nope: known are main, scale');
    expect(() => parse('--scenario', 'nope')).toThrow('unknown scenario nope');
  });
});
