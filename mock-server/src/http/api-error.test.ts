import { ApiError, apiError, ERROR_CATALOGUE, isApiError } from './api-error';

describe('the error catalogue (E150)', () => {
  test('every code is snake_case, has a 4xx or 5xx status and says when it is answered', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.status).toBeLessThan(600);
      expect(entry.when.length).toBeGreaterThan(10);
    }
  });

  test("an error carries its code's status and message, and the D5 body", () => {
    const error = apiError('payment_not_found', 42);
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 404, code: 'payment_not_found', messages: 'Payment 42 not found' });
    expect(error.message).toBe('Payment 42 not found');
    expect(error.toBody()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Payment 42 not found',
      code: 'payment_not_found',
    });
  });

  // The texts contract tests, the spec's examples and clients already see; each must stay word for word.
  test.each<[string, ApiError, number, string | string[]]>([
    ['validation', apiError('validation_failed', ['a', 'b']), 400, ['a', 'b']],
    ['a body that is not an object', apiError('malformed_json', null), 400, 'body must be a JSON object'],
    [
      'a body that is not JSON',
      apiError('malformed_json', 'Unexpected token'),
      400,
      'Malformed JSON body: Unexpected token',
    ],
    [
      'missing partner headers',
      apiError('unauthorized', 'missing'),
      401,
      'Missing X-Partner-Client-Id or X-Partner-Client-Secret header',
    ],
    ['wrong partner credentials', apiError('unauthorized', 'invalid'), 401, 'Invalid partner credentials'],
    [
      'no control token',
      apiError('control_unauthorized'),
      401,
      'Missing or wrong control token (Authorization: Bearer <token>)',
    ],
    ['no route', apiError('route_not_found', 'GET', '/nowhere'), 404, 'Cannot GET /nowhere'],
    ['a merchant by client id', apiError('merchant_not_found', 'c-1'), 404, 'Merchant c-1 not found'],
    ['a delivery', apiError('delivery_not_found', 'dlv_1'), 404, 'Delivery dlv_1 not found'],
    ['a journal entry', apiError('request_not_found', 3), 404, 'Request 3 not found'],
    [
      'a taken locationId',
      apiError('location_id_taken', 7, 'L-1'),
      409,
      'locationId L-1 is already used by another store of merchant 7',
    ],
    [
      'deactivating the default store',
      apiError('default_store_required'),
      409,
      'The default store cannot be deactivated. Set another store as default first by updating it with "isDefault" true.',
    ],
    [
      'clearing isDefault',
      apiError('default_store_required', 's-1'),
      409,
      'Store s-1 is the default store and "isDefault" cannot be set to false. Choose another default instead by updating that store with "isDefault" true.',
    ],
    [
      'an inactive store made default',
      apiError('store_inactive', 's-2', 'default'),
      409,
      'Store s-2 is deactivated and cannot be made the default. Reactivate it with "isActive" true first.',
    ],
    [
      'an inactive store paid at',
      apiError('store_inactive', 's-2', 'payment'),
      409,
      'Store s-2 is deactivated and cannot take payments',
    ],
    [
      'a pending merchant paid',
      apiError('merchant_not_active', 'c-2', 'pending'),
      409,
      'Merchant c-2 is pending; payments need an active merchant',
    ],
    [
      'a link for a merchant not pending',
      apiError('merchant_not_pending', 5, 'active'),
      409,
      'Merchant 5 is active; only a pending merchant has an onboarding link',
    ],
    ['the onboarding form twice', apiError('merchant_not_pending', 5), 409, 'Merchant 5 is not awaiting onboarding'],
    [
      'a final payment',
      apiError('payment_already_final', 9, 'paid'),
      409,
      'Payment 9 is already paid; its status cannot change',
    ],
    [
      'rotating a revoked credential',
      apiError('credential_revoked', 2, 'rotate'),
      409,
      'Credential 2 is revoked and cannot be rotated',
    ],
    ['revoking it again', apiError('credential_revoked', 2, 'revoke'), 409, 'Credential 2 is already revoked'],
    [
      'the last credential',
      apiError('last_active_credential'),
      409,
      'Cannot revoke the last active credential; create another one first',
    ],
    ['a rule id in use', apiError('rule_exists', 'r-1'), 409, 'A rule with id r-1 already exists; replace it with PUT'],
    [
      'too many rules',
      apiError('too_many_rules', 100),
      409,
      'The mock holds 100 rules, the most it keeps; delete one first',
    ],
    ['a large body', apiError('payload_too_large', '1 MB'), 413, 'Request body is larger than 1 MB'],
    ['no type', apiError('unsupported_media_type', undefined), 415, 'Content-Type must be application/json'],
    [
      'another type',
      apiError('unsupported_media_type', 'text/plain'),
      415,
      'Content-Type must be application/json, got text/plain',
    ],
    [
      'an encoding',
      apiError('unsupported_content_encoding', 'unsupported content encoding "x"'),
      415,
      'unsupported content encoding "x"; send identity, gzip, deflate or br',
    ],
    ['a bug', apiError('internal_error'), 500, 'Internal server error'],
    [
      'an answer off the spec',
      apiError('response_validation_failed', 'getProfile', ['p']),
      500,
      ["The mock's response to getProfile does not match the spec", 'p'],
    ],
  ])('%s', (_what, error, status, message) => {
    expect(error.statusCode).toBe(status);
    expect(error.messages).toEqual(message);
  });

  test('a request that cannot be read keeps the 4xx its reader gave, 400 by default', () => {
    expect(apiError('bad_request', 'The request could not be read: x', 404).statusCode).toBe(404);
    expect(apiError('bad_request', 'header X-Mock-Payment must be paid').statusCode).toBe(400);
  });

  test('too_many_streams says when to retry in Retry-After', () => {
    const error = apiError('too_many_streams', 32, 5);
    expect(error).toMatchObject({ statusCode: 429, headers: { 'Retry-After': '5' } });
    expect(error.messages).toBe('32 event streams are open, the most the mock keeps; close one or retry later');
  });

  test("E151: an injected fault answers the fault's status, code and message, or the catalogue's", () => {
    expect(ApiError.injected(503, undefined, undefined).toBody()).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'Injected fault: Service Unavailable',
      code: 'injected_fault',
    });
    const chosen = ApiError.injected(429, 'chosen_code', ['Chosen'], 30);
    expect(chosen).toMatchObject({ statusCode: 429, code: 'chosen_code', messages: ['Chosen'] });
    expect(chosen.headers).toEqual({ 'Retry-After': '30' });
  });

  test('only a code of the catalogue, with the arguments of its message, compiles', () => {
    // @ts-expect-error a free string is not a code of the catalogue
    expect(() => apiError('no_such_code')).toThrow(TypeError);
    // @ts-expect-error store_inactive needs the store and what it was used for
    expect(apiError('store_inactive', 's-1').statusCode).toBe(409);
    // @ts-expect-error an error is built from the catalogue, not from a status and a free code
    expect(new ApiError(409, 'free_code', 'text').code).toBe('free_code');
  });
});
