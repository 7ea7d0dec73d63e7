import { ApiError, apiError, ERROR_CATALOGUE, injectedFault, isApiError } from './api-error';

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
  test('answers each status and message as before', () => {
    const errors = [
      apiError('validation_failed', ['a', 'b']),
      apiError('malformed_json', null),
      apiError('malformed_json', 'Unexpected token'),
      apiError('unauthorized', 'missing'),
      apiError('unauthorized', 'invalid'),
      apiError('control_unauthorized'),
      apiError('route_not_found', 'GET', '/nowhere'),
      apiError('merchant_not_found', 'c-1'),
      apiError('delivery_not_found', 'dlv_1'),
      apiError('request_not_found', 3),
      apiError('location_id_taken', 7, 'L-1'),
      apiError('default_store_required'),
      apiError('default_store_required', 's-1'),
      apiError('store_inactive', 's-2', 'default'),
      apiError('store_inactive', 's-2', 'payment'),
      apiError('merchant_not_active', 'c-2', 'pending'),
      apiError('merchant_not_pending', 5, 'active'),
      apiError('merchant_not_pending', 5),
      apiError('payment_already_final', 9, 'paid'),
      apiError('credential_revoked', 2, 'rotate'),
      apiError('credential_revoked', 2, 'revoke'),
      apiError('last_active_credential'),
      apiError('rule_exists', 'r-1'),
      apiError('too_many_rules', 100),
      apiError('payload_too_large', '1 MB'),
      apiError('unsupported_media_type', undefined),
      apiError('unsupported_media_type', 'text/plain'),
      apiError('unsupported_content_encoding', 'unsupported content encoding "x"'),
      apiError('internal_error'),
      apiError('response_validation_failed', 'getProfile', ['p']),
    ];
    expect(errors.map((e) => `${e.statusCode} ${[e.messages].flat().join(' | ')}`)).toEqual([
      '400 a | b',
      '400 body must be a JSON object',
      '400 Malformed JSON body: Unexpected token',
      '401 Missing X-Partner-Client-Id or X-Partner-Client-Secret header',
      '401 Invalid partner credentials',
      '401 Missing or wrong control token (Authorization: Bearer <token>)',
      '404 Cannot GET /nowhere',
      '404 Merchant c-1 not found',
      '404 Delivery dlv_1 not found',
      '404 Request 3 not found',
      '409 locationId L-1 is already used by another store of merchant 7',
      '409 The default store cannot be deactivated. Set another store as default first by updating it with "isDefault" true.',
      '409 Store s-1 is the default store and "isDefault" cannot be set to false. Choose another default instead by updating that store with "isDefault" true.',
      '409 Store s-2 is deactivated and cannot be made the default. Reactivate it with "isActive" true first.',
      '409 Store s-2 is deactivated and cannot take payments',
      '409 Merchant c-2 is pending; payments need an active merchant',
      '409 Merchant 5 is active; only a pending merchant has an onboarding link',
      '409 Merchant 5 is not awaiting onboarding',
      '409 Payment 9 is already paid; its status cannot change',
      '409 Credential 2 is revoked and cannot be rotated',
      '409 Credential 2 is already revoked',
      '409 Cannot revoke the last active credential; create another one first',
      '409 A rule with id r-1 already exists; replace it with PUT',
      '409 The mock holds 100 rules, the most it keeps; delete one first',
      '413 Request body is larger than 1 MB',
      '415 Content-Type must be application/json',
      '415 Content-Type must be application/json, got text/plain',
      '415 unsupported content encoding "x"; send identity, gzip, deflate or br',
      '500 Internal server error',
      "500 The mock's response to getProfile does not match the spec | p",
    ]);
    expect(errors[0]!.messages).toEqual(['a', 'b']);
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
    expect(injectedFault(503, undefined, undefined).toBody()).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'Injected fault: Service Unavailable',
      code: 'injected_fault',
    });
    const chosen = injectedFault(429, 'chosen_code', ['Chosen'], 30);
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
