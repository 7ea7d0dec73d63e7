import { buildProfileUpdateRequest } from '../../../../fixtures/src';
import { addPartner, createTestApp } from '../../../test/helpers';

describe('GET /v1/partner/profile (getProfile)', () => {
  test('returns the calling partner profile in the documented shape', async () => {
    const { api, auth } = createTestApp();
    const res = await api.get('/v1/partner/profile').set(auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: 1,
      name: 'Acme POS',
      companyName: 'Acme POS ApS',
      contactEmail: 'partner@acmepos.dk',
      contactPhone: '+4512345678',
      website: 'https://acmepos.dk',
      registrationNumber: '12345678',
      status: 'active',
      createdAt: '2026-03-18T12:00:00.000Z',
      updatedAt: '2026-03-18T12:00:00.000Z',
    });
  });

  test('shows each partner its own profile', async () => {
    const { api, deps } = createTestApp();
    const other = addPartner(deps, 'Other POS');
    const res = await api.get('/v1/partner/profile').set(other.auth);
    expect(res.body).toMatchObject({ id: other.partnerId, name: 'Other POS' });
  });
});

describe('PUT /v1/partner/profile (updateProfile)', () => {
  test('changes only the fields sent and bumps updatedAt', async () => {
    const { api, auth, deps } = createTestApp();
    deps.clock.advance(60_000);
    const { contactEmail, contactPhone } = buildProfileUpdateRequest();
    const res = await api.put('/v1/partner/profile').set(auth).send({ contactEmail, contactPhone });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Acme POS',
      contactEmail,
      contactPhone,
      updatedAt: '2026-03-18T12:01:00.000Z',
    });
    const again = await api.get('/v1/partner/profile').set(auth);
    expect(again.body.contactEmail).toBe(contactEmail);
  });

  test('rejects an empty body with 400', async () => {
    const { api, auth } = createTestApp();
    const res = await api.put('/v1/partner/profile').set(auth).send({});
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(['body must have at least 1 field(s)']);
  });

  test('rejects fields that are not part of the profile with 400', async () => {
    const { api, auth } = createTestApp();
    const res = await api.put('/v1/partner/profile').set(auth).send({ status: 'suspended' });
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(['status is not allowed']);
  });
});
