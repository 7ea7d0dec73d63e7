/**
 * The one HTTP client of the QA verbs: calls the control API of a running mock with global fetch,
 * and turns every failure into a CliError whose message is fit to print as is (the server's D5
 * message, or a hint when no mock is listening).
 */
import type { components } from '../../../spec/generated/control-api';

export const DEFAULT_MOCK_URL = 'http://127.0.0.1:4010';

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

export function createControlClient(options: { url: string; token?: string | undefined }): ControlClient {
  const url = options.url.replace(/\/+$/, '');

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${url}${path}`, {
        method,
        headers,
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch (err) {
      const code = connectionCode(err);
      if (code === 'ECONNREFUSED')
        throw new CliError(`No mock at ${url} — start it with \`npm start\`, or point at yours with --url`);
      throw new CliError(`Cannot reach ${url}: ${code ?? (err as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok) throw new CliError(serverMessage(res.status, text));
    return (text ? JSON.parse(text) : undefined) as T;
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
