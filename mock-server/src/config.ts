/**
 * Typed configuration with defaults. Values come from (lowest first) defaults, environment
 * variables, then CLI flags; `parseConfig` checks every key and lists every problem at once.
 * Only main.ts reads process.env and argv; everything else receives a MockConfig.
 */
export interface MockConfig {
  port: number;
  host: string;
  /** Base URL that phones and browsers use for the hosted pages (D11, D22); defaults to http://<host>:<port>. */
  publicUrl: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** D7: accept and drop unknown body fields instead of answering 400. */
  lenient: boolean;
  validateResponses: boolean;
  /** The default partner's credential (D1); printed at start. */
  clientId: string;
  clientSecret: string;
  /** D20: seconds until a pending payment expires. */
  paymentExpirySeconds: number;
  /** D8: days an onboarding link stays valid. */
  onboardingLinkDays: number;
  /** D29: delays in ms between delivery attempts. */
  webhookRetrySchedule: number[];
  webhookTimeoutMs: number;
  /** When set, /__control requires `Authorization: Bearer <token>`. */
  controlToken: string | null;
  /** A scenario name (fixtures/scenarios) or a path to a scenario file, loaded at start. */
  scenario: string | null;
  /** Seed for ids and generated data; null = random ids. */
  seed: number | null;
  /** E50: the SQLite file the state lives in across restarts; null = memory only. */
  stateFile: string | null;
  /** E103: every new payment paid after this delay (E108), e.g. `3s`; null = off. */
  autoPay: string | null;
  /** E103: a rules preset (fixtures/rules) or a rules file, loaded at start; null = none. */
  rules: string | null;
}

import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from '../../fixtures/src/magic';
import { parseDelay } from '../../fixtures/src/rules';
import { maskSecret } from './shared/exposure';

export { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET };

export const DEFAULT_CONFIG: MockConfig = {
  port: 4010,
  host: '127.0.0.1',
  publicUrl: null,
  logLevel: 'info',
  lenient: false,
  validateResponses: true,
  clientId: DEFAULT_CLIENT_ID,
  clientSecret: DEFAULT_CLIENT_SECRET,
  paymentExpirySeconds: 30 * 60,
  onboardingLinkDays: 7,
  webhookRetrySchedule: [10_000, 30_000, 90_000, 270_000, 810_000],
  webhookTimeoutMs: 10_000,
  controlToken: null,
  scenario: null,
  seed: null,
  stateFile: null,
  autoPay: null,
  rules: null,
};

/** Environment variable → config key. */
export const ENV_KEYS: Record<string, keyof MockConfig> = {
  ACOUNTPAY_MOCK_PORT: 'port',
  PORT: 'port',
  ACOUNTPAY_MOCK_HOST: 'host',
  ACOUNTPAY_MOCK_PUBLIC_URL: 'publicUrl',
  ACOUNTPAY_MOCK_LOG_LEVEL: 'logLevel',
  ACOUNTPAY_MOCK_LENIENT: 'lenient',
  ACOUNTPAY_MOCK_VALIDATE_RESPONSES: 'validateResponses',
  ACOUNTPAY_CLIENT_ID: 'clientId',
  ACOUNTPAY_CLIENT_SECRET: 'clientSecret',
  ACOUNTPAY_MOCK_PAYMENT_EXPIRY_SECONDS: 'paymentExpirySeconds',
  ACOUNTPAY_MOCK_ONBOARDING_LINK_DAYS: 'onboardingLinkDays',
  ACOUNTPAY_MOCK_WEBHOOK_RETRY_SCHEDULE: 'webhookRetrySchedule',
  ACOUNTPAY_MOCK_WEBHOOK_TIMEOUT_MS: 'webhookTimeoutMs',
  ACOUNTPAY_MOCK_CONTROL_TOKEN: 'controlToken',
  ACOUNTPAY_MOCK_SCENARIO: 'scenario',
  ACOUNTPAY_MOCK_SEED: 'seed',
  ACOUNTPAY_MOCK_STATE_FILE: 'stateFile',
  ACOUNTPAY_MOCK_AUTO_PAY: 'autoPay',
  ACOUNTPAY_MOCK_RULES: 'rules',
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Raw = Partial<Record<keyof MockConfig, unknown>>;

/** Config values arrive as strings (env, argv) or plain JSON values; anything else reads as JSON. */
function text(value: unknown): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : JSON.stringify(value);
}

function toInt(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isInteger(n) ? n : undefined;
}

function toBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return undefined;
}

/** Merges raw values over the defaults; throws one Error listing every bad key. */
export function parseConfig(...layers: Raw[]): MockConfig {
  const raw: Raw = Object.assign(
    {},
    ...layers.map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined))),
  ) as Raw;
  const config: MockConfig = { ...DEFAULT_CONFIG, webhookRetrySchedule: [...DEFAULT_CONFIG.webhookRetrySchedule] };
  const problems: string[] = [];
  const int = (
    key: 'port' | 'paymentExpirySeconds' | 'onboardingLinkDays' | 'webhookTimeoutMs',
    min: number,
    max: number,
  ) => {
    if (raw[key] === undefined) return;
    const n = toInt(raw[key]);
    if (n === undefined || n < min || n > max)
      problems.push(`${key} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw[key])}`);
    else config[key] = n;
  };
  const bool = (key: 'lenient' | 'validateResponses') => {
    if (raw[key] === undefined) return;
    const b = toBool(raw[key]);
    if (b === undefined) problems.push(`${key} must be true or false, got ${JSON.stringify(raw[key])}`);
    else config[key] = b;
  };
  const str = (key: 'host' | 'clientId' | 'clientSecret', pattern?: RegExp, hint?: string) => {
    if (raw[key] === undefined) return;
    const s = text(raw[key]);
    if (s === '' || (pattern && !pattern.test(s)))
      problems.push(
        // E33: a user's secret is never echoed in full, not even in an error.
        `${key} ${hint ?? 'must not be empty'}, got ${key === 'clientSecret' ? maskSecret(s) : JSON.stringify(raw[key])}`,
      );
    else config[key] = s;
  };
  const nullableStr = (key: 'controlToken' | 'scenario' | 'stateFile' | 'rules') => {
    if (raw[key] === undefined) return;
    config[key] = raw[key] === null || raw[key] === '' ? null : text(raw[key]);
  };

  int('port', 0, 65535);
  int('paymentExpirySeconds', 1, 30 * 24 * 3600);
  int('onboardingLinkDays', 1, 365);
  int('webhookTimeoutMs', 1, 600_000);
  bool('lenient');
  bool('validateResponses');
  str('host');
  str('clientId');
  str('clientSecret', /^.{8,}$/, 'must be at least 8 characters');
  nullableStr('controlToken');
  // E32: the token guards the control API on a LAN; a short one is guessed (and is not echoed here).
  if (config.controlToken && config.controlToken.length < 12)
    problems.push('controlToken must be at least 12 characters');
  nullableStr('scenario');
  nullableStr('stateFile');
  nullableStr('rules');
  if (raw.autoPay !== undefined && raw.autoPay !== null && raw.autoPay !== '') {
    const delay = text(raw.autoPay).trim();
    if (!parseDelay(delay))
      problems.push(
        `autoPay must be a delay from 0 to 7 days, like 3s, 500ms, 2m or a range 1s..5s, got ${JSON.stringify(raw.autoPay)}`,
      );
    else config.autoPay = delay;
  }
  if (raw.publicUrl !== undefined && raw.publicUrl !== null && raw.publicUrl !== '') {
    const url = text(raw.publicUrl);
    if (!/^https?:\/\/[^\s/]+/.test(url)) problems.push(`publicUrl must be an http(s) URL, got ${JSON.stringify(url)}`);
    else config.publicUrl = url.replace(/\/+$/, '');
  }
  if (raw.logLevel !== undefined) {
    if (!LOG_LEVELS.includes(text(raw.logLevel)))
      problems.push(`logLevel must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(raw.logLevel)}`);
    else config.logLevel = text(raw.logLevel) as MockConfig['logLevel'];
  }
  if (raw.webhookRetrySchedule !== undefined) {
    const list = Array.isArray(raw.webhookRetrySchedule)
      ? raw.webhookRetrySchedule
      : text(raw.webhookRetrySchedule)
          .split(',')
          .filter((s) => s.trim() !== '');
    const values = list.map(toInt);
    if (values.some((v) => v === undefined || v < 0))
      problems.push(
        `webhookRetrySchedule must be comma-separated milliseconds, got ${JSON.stringify(raw.webhookRetrySchedule)}`,
      );
    else config.webhookRetrySchedule = values as number[];
  }
  if (raw.seed !== undefined && raw.seed !== null && raw.seed !== '') {
    const n = toInt(raw.seed);
    if (n === undefined) problems.push(`seed must be an integer, got ${JSON.stringify(raw.seed)}`);
    else config.seed = n;
  }
  const unknown = Object.keys(raw).filter((k) => !(k in DEFAULT_CONFIG));
  problems.push(...unknown.map((k) => `unknown config key ${k}`));
  if (problems.length > 0) throw new Error(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}

export function configFromEnv(env: NodeJS.ProcessEnv): Raw {
  const raw: Raw = {};
  for (const [name, key] of Object.entries(ENV_KEYS)) if (env[name] !== undefined) raw[key] = env[name];
  return raw;
}

export function publicBaseUrl(config: MockConfig, actualPort: number): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
}
