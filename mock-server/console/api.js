// The console's only way to the mock: the control API (with the control token when there is one)
// and the Partner API (with the credential of the partner that owns the record). E70.

const TOKEN_KEY = 'acountpay-mock.control-token';

/** The control token, kept for this tab only (sessionStorage), never in a URL. */
export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** An error answer of either API, with the message the API gave (D5 body). */
export class ApiError extends Error {
  constructor(status, body, fallback) {
    const message = body && body.message !== undefined ? body.message : fallback;
    super(Array.isArray(message) ? message.join('; ') : String(message));
    this.status = status;
    this.code = body && body.code;
    this.messages = Array.isArray(message) ? message.map(String) : [String(message)];
  }
}

let onUnauthorized = () => {};
/** Called when the control API refuses the token (401): the console asks for it again. */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

export function controlHeaders() {
  const value = token.get();
  return value ? { Authorization: `Bearer ${value}` } : {};
}

async function send(method, path, { body, headers = {}, accept = 'application/json' } = {}) {
  let res;
  try {
    res = await fetch(path, {
      method,
      headers: {
        Accept: accept,
        ...headers,
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(0, null, `The mock did not answer (${err.message}); is it still running?`);
  }
  const type = res.headers.get('content-type') || '';
  if (!res.ok) {
    const data = type.includes('json') ? await res.json().catch(() => null) : null;
    throw new ApiError(res.status, data, `${method} ${path} answered ${res.status}`);
  }
  if (type.includes('json')) return res.json();
  if (type.startsWith('image/png')) return res.blob();
  return res.text();
}

/** A control API call; a 401 asks for the token again. */
export async function control(method, path, body) {
  try {
    return await send(method, `/__control${path}`, { body, headers: controlHeaders() });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) onUnauthorized(err);
    throw err;
  }
}

/** A Partner API call as `partner` (from the exported state), with its first active credential. */
export function partnerCall(partner, method, path, body, extra = {}) {
  const credential = partner && (partner.credentials || []).find((c) => c.status === 'active');
  if (!credential) throw new ApiError(0, null, `Partner ${partner ? partner.id : '?'} has no active credential`);
  return send(method, `/v1/partner${path}`, {
    body,
    accept: extra.accept || 'application/json',
    headers: {
      'X-Partner-Client-Id': credential.clientId,
      'X-Partner-Client-Secret': credential.clientSecret,
      ...(extra.headers || {}),
    },
  });
}
