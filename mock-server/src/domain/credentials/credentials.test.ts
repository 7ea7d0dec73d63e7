import { buildCredentialCreateRequest } from '../../../../fixtures/src';
import { addPartner, authHeaders, createTestApp } from '../../../test/helpers';

describe('GET /v1/partner/credentials (listCredentials)', () => {
  test('lists the partner credentials as a bare array with masked secrets', async () => {
    const { api, auth, deps } = createTestApp();
    const res = await api.get('/v1/partner/credentials').set(auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        id: 1,
        name: 'Default credential',
        clientId: deps.config.clientId,
        clientSecretLast4: `...${deps.config.clientSecret.slice(-4)}`,
        status: 'active',
        createdAt: '2026-03-18T12:00:00.000Z',
      },
    ]);
    expect(JSON.stringify(res.body)).not.toContain(deps.config.clientSecret);
  });

  test('does not show another partner credentials', async () => {
    const { api, deps } = createTestApp();
    const other = addPartner(deps);
    const res = await api.get('/v1/partner/credentials').set(other.auth);
    expect(res.body).toHaveLength(1);
    expect(res.body[0].clientId).not.toBe(deps.config.clientId);
  });
});

describe('POST /v1/partner/credentials (createCredential)', () => {
  test('creates a credential and shows its full secret once', async () => {
    const { api, auth } = createTestApp();
    const res = await api
      .post('/v1/partner/credentials')
      .set(auth)
      .send(buildCredentialCreateRequest({ name: 'Production API Key' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 2, name: 'Production API Key', status: 'active' });
    expect(res.body.clientId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(res.body.clientSecret).toMatch(/^[0-9a-f]{64}$/);
    const listed = await api.get('/v1/partner/credentials').set(auth);
    expect(JSON.stringify(listed.body)).not.toContain(res.body.clientSecret);
  });

  test('the new credential authenticates as the same partner', async () => {
    const { api, auth } = createTestApp();
    const created = await api.post('/v1/partner/credentials').set(auth).send(buildCredentialCreateRequest());
    const res = await api.get('/v1/partner/profile').set(authHeaders(created.body.clientId, created.body.clientSecret));
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(1);
  });

  test('rejects a missing name with 400', async () => {
    const { api, auth } = createTestApp();
    const res = await api.post('/v1/partner/credentials').set(auth).send({});
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(['name is required']);
  });
});

describe('POST /v1/partner/credentials/{credentialId}/rotate (rotateCredential)', () => {
  test('issues a new secret and the old one stops working at once', async () => {
    const { api, auth } = createTestApp();
    const created = await api.post('/v1/partner/credentials').set(auth).send(buildCredentialCreateRequest());
    const oldAuth = authHeaders(created.body.clientId, created.body.clientSecret);
    const rotated = await api.post(`/v1/partner/credentials/${created.body.id}/rotate`).set(auth);
    expect(rotated.status).toBe(200);
    expect(rotated.body.clientSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated.body.clientSecret).not.toBe(created.body.clientSecret);
    expect((await api.get('/v1/partner/profile').set(oldAuth)).status).toBe(401);
    expect(
      (await api.get('/v1/partner/profile').set(authHeaders(created.body.clientId, rotated.body.clientSecret))).status,
    ).toBe(200);
  });

  test('answers 404 for another partner credential (D2)', async () => {
    const { api, auth, deps } = createTestApp();
    const other = addPartner(deps);
    const mine = await api.post('/v1/partner/credentials').set(auth).send(buildCredentialCreateRequest());
    const res = await api.post(`/v1/partner/credentials/${mine.body.id}/rotate`).set(other.auth);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('credential_not_found');
  });

  test('answers 409 for a revoked credential', async () => {
    const { api, auth } = createTestApp();
    const created = await api.post('/v1/partner/credentials').set(auth).send(buildCredentialCreateRequest());
    await api.delete(`/v1/partner/credentials/${created.body.id}`).set(auth);
    const res = await api.post(`/v1/partner/credentials/${created.body.id}/rotate`).set(auth);
    expect(res.status).toBe(409);
  });
});

describe('DELETE /v1/partner/credentials/{credentialId} (revokeCredential)', () => {
  test('revokes a credential and further use answers 401', async () => {
    const { api, auth } = createTestApp();
    const created = await api.post('/v1/partner/credentials').set(auth).send(buildCredentialCreateRequest());
    const res = await api.delete(`/v1/partner/credentials/${created.body.id}`).set(auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: created.body.id, status: 'revoked' });
    expect(
      (await api.get('/v1/partner/profile').set(authHeaders(created.body.clientId, created.body.clientSecret))).status,
    ).toBe(401);
  });

  test('refuses to revoke the last active credential with 409', async () => {
    const { api, auth } = createTestApp();
    const res = await api.delete('/v1/partner/credentials/1').set(auth);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('last_active_credential');
    expect((await api.get('/v1/partner/profile').set(auth)).status).toBe(200);
  });

  test('answers 404 for an unknown credential', async () => {
    const { api, auth } = createTestApp();
    const res = await api.delete('/v1/partner/credentials/999').set(auth);
    expect(res.status).toBe(404);
  });
});
