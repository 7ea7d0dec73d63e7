/**
 * The one HTTP client of the QA verbs: calls the control API of a running mock with global fetch,
 * and turns every failure into a CliError whose message is fit to print as is (the server's D5
 * message, or a hint when no mock is listening).
 */
import type { components } from '../../../spec/generated/control-api';

export const DEFAULT_MOCK_URL = 'http://127.0.0.1:4010';

/**
 * How long a verb waits for the mock's whole answer. The slowest honest answers (a reset to a large
 * scenario, a flush that waits for receivers' 10 s timeouts) take seconds; a server that never
 * answers must not hold the terminal or a CI step forever.
 */
export const CLI_TIMEOUT_MS = 120_000;

/** An error meant for the person at the terminal: printed without a stack, exit code 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export interface ControlClient {
  readonly url: string;
  get<T>(path: string, query?: Record<string, string | number | undefined>): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
}

/** What a refusal of the control API carries (the spec's Error), when it carries one. */
type ErrorBody = Partial<components['schemas']['Error']>;

function connectionCode(err: unknown): string | undefined {
  const cause = (err as { cause?: { code?: string; errors?: { code?: string }[] } }).cause;
  return cause?.code ?? cause?.errors?.[0]?.code;
}

function serverMessage(status: number, text: string): string {
  let body: ErrorBody | undefined;
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    body = undefined;
  }
  const message = Array.isArray(body?.message)
    ? body.message.join('; ')
    : (body?.message ?? (text.trim() || 'no message'));
  const hint = status === 401 ? ' (pass --token or set ACOUNTPAY_MOCK_CONTROL_TOKEN)' : '';
  return `${message}${hint} [HTTP ${status}]`;
}

export function createControlClient(options: {
  url: string;
  token?: string | undefined;
  timeoutMs?: number;
}): ControlClient {
  const url = options.url.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? CLI_TIMEOUT_MS;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const signal = AbortSignal.timeout(timeoutMs);
    const timedOut = () =>
      new CliError(`No answer from ${url} within ${timeoutMs / 1000} s: is a mock listening there? (--url)`);
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${url}${path}`, {
        method,
        headers,
        signal,
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch (err) {
      if (signal.aborted) throw timedOut();
      const code = connectionCode(err);
      if (code === 'ECONNREFUSED')
        throw new CliError(`No mock at ${url} — start it with \`npm start\`, or point at yours with --url`);
      throw new CliError(`Cannot reach ${url}: ${code ?? (err as Error).message}`);
    }
    try {
      text = await res.text();
    } catch (err) {
      if (signal.aborted) throw timedOut();
      throw new CliError(`Cannot read the answer of ${url}: ${(err as Error).message}`);
    }
    if (!res.ok) throw new CliError(serverMessage(res.status, text));
    try {
      return (text ? JSON.parse(text) : undefined) as T;
    } catch {
      throw new CliError(
        `${url} answered ${res.status} with something that is not JSON: is it an acountpay-mock? (--url)`,
      );
    }
  }

  return {
    url,
    get(path, query = {}) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
      const search = params.size > 0 ? `?${params.toString()}` : '';
      return call('GET', `${path}${search}`);
    },
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    delete: (path) => call('DELETE', path),
  };
}
