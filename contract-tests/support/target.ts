/**
 * The target a test file runs against: the mock started in-process (default) or any HTTP server
 * named by ACOUNTPAY_BASE_URL. One target per test file: Jest gives every file its own module
 * registry, so the memo below lives exactly as long as the file.
 */
import { isLoopback, readTargetConfig, type TargetConfig } from './target-config';

export interface Target {
  kind: 'in-process' | 'http';
  /** Origin only; spec paths carry `/v1/partner`. */
  baseUrl: string;
  /** Origin of `/__control`, or null when the target has none. */
  controlUrl: string | null;
  controlToken: string | null;
  clientId: string;
  clientSecret: string;
  /** True when the target answers the mock's QA control API, i.e. it is an acountpay-mock. */
  isMock: boolean;
  capabilities: {
    control: boolean;
    /** The target can reach this machine's webhook receiver. */
    webhooks: boolean;
  };
  destructiveAllowed: boolean;
  close(): Promise<void>;
}

/** `GET /__control/health` answering 200 with `{ ok: true }` marks an acountpay-mock. */
export async function probeControl(controlUrl: string, token: string | null): Promise<boolean> {
  try {
    const res = await fetch(`${controlUrl}/__control/health`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(5000),
    });
    if (res.status !== 200) return false;
    const body = (await res.json()) as { ok?: unknown };
    return body.ok === true;
  } catch {
    return false;
  }
}

/** A target from where it answers; `control` says whether it answered the mock's control API. */
function targetAt(
  where: Omit<Target, 'controlUrl' | 'isMock' | 'capabilities'>,
  controlUrl: string,
  control: boolean,
  webhooks: boolean,
): Target {
  return { ...where, controlUrl: control ? controlUrl : null, isMock: control, capabilities: { control, webhooks } };
}

async function startInProcess(config: Extract<TargetConfig, { kind: 'in-process' }>): Promise<Target> {
  // Loaded lazily so a run against a remote target never loads the mock.
  const { createMockServer } = await import('../../mock-server/src');
  const mock = await createMockServer({ port: 0, host: '127.0.0.1' });
  const control = await probeControl(mock.controlUrl, config.controlToken);
  const where = {
    kind: 'in-process' as const,
    baseUrl: mock.url,
    controlToken: config.controlToken,
    clientId: mock.clientId,
    clientSecret: mock.clientSecret,
    destructiveAllowed: true,
    close: () => mock.close(),
  };
  return targetAt(where, mock.controlUrl, control, true);
}

async function connectHttp(config: Extract<TargetConfig, { kind: 'http' }>): Promise<Target> {
  const control = await probeControl(config.controlUrl, config.controlToken);
  const webhooks = config.webhook !== null || isLoopback(config.baseUrl);
  const { baseUrl, controlToken, clientId, clientSecret, destructiveAllowed } = config;
  const where = { kind: 'http' as const, baseUrl, controlToken, clientId, clientSecret, destructiveAllowed };
  return targetAt({ ...where, close: async () => {} }, config.controlUrl, control, webhooks);
}

let memo: Promise<Target> | undefined;

export function getTarget(): Promise<Target> {
  if (!memo) {
    const config = readTargetConfig(process.env);
    memo = config.kind === 'in-process' ? startInProcess(config) : connectHttp(config);
  }
  return memo;
}

let users = 0;

/**
 * Registers beforeAll/afterAll for the file's target and returns a getter for use inside tests.
 * Several calls in one file share one target; it closes after the last user's afterAll.
 */
export function useTarget(): () => Target {
  let target: Target | undefined;
  beforeAll(async () => {
    users += 1;
    target = await getTarget();
  });
  afterAll(async () => {
    users -= 1;
    if (users > 0 || !memo) return;
    const closing = memo;
    memo = undefined;
    if (target) await (await closing).close();
  });
  return () => {
    if (!target)
      throw new Error(
        'The target is not ready: call the getter from useTarget() inside a test or hook, not while tests register.',
      );
    return target;
  };
}
