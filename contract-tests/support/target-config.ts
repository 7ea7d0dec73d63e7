/**
 * Reads which target the suite runs against from the environment, and reports every missing or
 * bad setting at once. No ACOUNTPAY_* variable at all means: start the mock in-process.
 */

export interface WebhookSettings {
  /** The public URL a remote target posts to; it must reach `port` on this machine. */
  publicUrl: string;
  port: number;
  host: string;
}

interface CommonSettings {
  controlToken: string | null;
  webhook: WebhookSettings | null;
}

export type TargetConfig =
  | (CommonSettings & { kind: 'in-process' })
  | (CommonSettings & {
      kind: 'http';
      baseUrl: string;
      /** Where `/__control` lives; the base URL unless ACOUNTPAY_CONTROL_URL says otherwise (a Prism proxy in front). */
      controlUrl: string;
      clientId: string;
      clientSecret: string;
      destructiveAllowed: boolean;
    });

export class TargetConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The contract suite cannot choose a target:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'Unset every ACOUNTPAY_* variable to run against the in-process mock; see contract-tests/README.md.',
    );
    this.name = 'TargetConfigError';
  }
}

function readOrigin(name: string, value: string, problems: string[]): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${name} is not a URL: ${JSON.stringify(value)}`);
    return value;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    problems.push(`${name} must be http or https, got ${url.protocol}`);
  // Spec paths carry the full /v1/partner prefix. The AcountPay docs print the base URL with `/v1`
  // (and sometimes `/v1/partner`), so those are accepted and cut back to the origin.
  const base = url.pathname.replace(/\/+$/, '');
  if (!['', '/v1', '/v1/partner'].includes(base) || url.search || url.hash)
    problems.push(
      `${name} must be the API's origin, optionally with /v1 or /v1/partner (like https://sandbox.api.acountpay.com/v1), got ${value}`,
    );
  return url.origin;
}

function readWebhook(env: NodeJS.ProcessEnv, problems: string[]): WebhookSettings | null {
  const publicUrl = env.CONTRACT_WEBHOOK_URL;
  if (!publicUrl) return null;
  const port = Number(env.CONTRACT_WEBHOOK_PORT);
  if (!env.CONTRACT_WEBHOOK_PORT)
    problems.push('missing CONTRACT_WEBHOOK_PORT (the local port behind CONTRACT_WEBHOOK_URL)');
  else if (!Number.isInteger(port) || port < 1 || port > 65535)
    problems.push(`CONTRACT_WEBHOOK_PORT must be a port number, got ${env.CONTRACT_WEBHOOK_PORT}`);
  if (!/^https?:\/\//.test(publicUrl)) problems.push(`CONTRACT_WEBHOOK_URL must be an http(s) URL, got ${publicUrl}`);
  return { publicUrl: publicUrl.replace(/\/+$/, ''), port, host: env.CONTRACT_WEBHOOK_HOST || '127.0.0.1' };
}

export function readTargetConfig(env: NodeJS.ProcessEnv = process.env): TargetConfig {
  const problems: string[] = [];
  const webhook = readWebhook(env, problems);
  const controlToken = env.ACOUNTPAY_CONTROL_TOKEN || null;
  const destructive = env.CONTRACT_ALLOW_DESTRUCTIVE ?? '';
  if (!['', '0', '1'].includes(destructive))
    problems.push(`CONTRACT_ALLOW_DESTRUCTIVE must be 1 or 0, got ${destructive}`);

  const baseUrl = env.ACOUNTPAY_BASE_URL;
  if (!baseUrl) {
    const stray = ['ACOUNTPAY_CLIENT_ID', 'ACOUNTPAY_CLIENT_SECRET', 'ACOUNTPAY_CONTROL_URL'].filter(
      (name) => env[name],
    );
    if (stray.length > 0)
      problems.push(`missing ACOUNTPAY_BASE_URL (${stray.join(', ')} ${stray.length === 1 ? 'is' : 'are'} set)`);
    if (problems.length > 0) throw new TargetConfigError(problems);
    return { kind: 'in-process', controlToken, webhook };
  }

  const origin = readOrigin('ACOUNTPAY_BASE_URL', baseUrl, problems);
  const controlUrl = env.ACOUNTPAY_CONTROL_URL
    ? readOrigin('ACOUNTPAY_CONTROL_URL', env.ACOUNTPAY_CONTROL_URL, problems)
    : origin;
  const clientId = env.ACOUNTPAY_CLIENT_ID ?? '';
  const clientSecret = env.ACOUNTPAY_CLIENT_SECRET ?? '';
  if (!clientId) problems.push('missing ACOUNTPAY_CLIENT_ID');
  if (!clientSecret) problems.push('missing ACOUNTPAY_CLIENT_SECRET');
  if (problems.length > 0) throw new TargetConfigError(problems);
  return {
    kind: 'http',
    baseUrl: origin,
    controlUrl,
    clientId,
    clientSecret,
    controlToken,
    webhook,
    destructiveAllowed: destructive === '1',
  };
}

export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
}

/**
 * Whether the run's target is an acountpay-mock, known synchronously in every worker: the
 * in-process mock, or an HTTP target whose control API answered the global setup's health check.
 */
export function targetIsMock(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.ACOUNTPAY_BASE_URL || env.CONTRACT_CONTROL_AVAILABLE !== '0';
}
