import { configFromEnv, DEFAULT_CONFIG, parseConfig, publicBaseUrl } from './config';

describe('parseConfig', () => {
  test('starts from the documented defaults', () => {
    expect(parseConfig()).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG.port).toBe(4010);
    expect(DEFAULT_CONFIG.paymentExpirySeconds).toBe(1800);
  });

  test('lets later layers win and converts strings', () => {
    const config = parseConfig({ port: '5000', lenient: 'true' }, { port: 6000 });
    expect(config.port).toBe(6000);
    expect(config.lenient).toBe(true);
  });

  test('lists every bad key at once', () => {
    expect(() => parseConfig({ port: 'x', logLevel: 'loud', webhookRetrySchedule: '1,a', bogus: 1 } as never)).toThrow(
      /port must be an integer[\s\S]*logLevel must be one of[\s\S]*webhookRetrySchedule must be[\s\S]*unknown config key bogus/,
    );
  });

  test('reads the documented environment variables', () => {
    const raw = configFromEnv({
      ACOUNTPAY_CLIENT_ID: 'id',
      ACOUNTPAY_CLIENT_SECRET: 'secret-123',
      ACOUNTPAY_MOCK_PORT: '4999',
    });
    expect(parseConfig(raw)).toMatchObject({ clientId: 'id', clientSecret: 'secret-123', port: 4999 });
  });

  test('E103: takes --auto-pay as a delay and --rules as a name or path, also from the environment', () => {
    expect(parseConfig({ autoPay: ' 3s ', rules: 'magic-amounts' })).toMatchObject({
      autoPay: '3s',
      rules: 'magic-amounts',
    });
    expect(parseConfig({ autoPay: '' })).toMatchObject({ autoPay: null });
    expect(
      parseConfig(configFromEnv({ ACOUNTPAY_MOCK_AUTO_PAY: '1s..5s', ACOUNTPAY_MOCK_RULES: './pos.yaml' })),
    ).toMatchObject({ autoPay: '1s..5s', rules: './pos.yaml' });
    expect(() => parseConfig({ autoPay: '5s..1s' })).toThrow(
      'autoPay must be a delay from 0 to 7 days, like 3s, 500ms, 2m or a range 1s..5s, got "5s..1s"',
    );
  });

  test('builds the public base URL from the host and the actual port unless one is configured', () => {
    expect(publicBaseUrl(parseConfig({ host: '0.0.0.0' }), 1234)).toBe('http://127.0.0.1:1234');
    expect(publicBaseUrl(parseConfig({ publicUrl: 'http://192.168.1.20:4010/' }), 1234)).toBe(
      'http://192.168.1.20:4010',
    );
  });
});
