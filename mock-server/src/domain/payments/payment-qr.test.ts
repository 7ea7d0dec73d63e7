import { buildPaymentCreateRequest } from '../../../../fixtures/src';
import { addActiveMerchant, addPartner, createTestApp, defaultPartnerId } from '../../../test/helpers';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function setup() {
  const t = createTestApp();
  const merchant = addActiveMerchant(t.deps, defaultPartnerId(t.deps));
  const res = await t.api
    .post('/v1/partner/payments')
    .set(t.auth)
    .send(buildPaymentCreateRequest({ merchantClientId: merchant.clientId }));
  return { ...t, qrUrl: `/v1/partner/payments/${res.body.paymentId}/qr` };
}

// superagent buffers image/* bodies (SVG included) into a Buffer.
describe('GET /v1/partner/payments/{paymentId}/qr (getPaymentQr)', () => {
  test('returns an SVG by default', async () => {
    const { api, auth, qrUrl } = await setup();
    const res = await api.get(qrUrl).set(auth);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const svg = (res.body as Buffer).toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="320"');
  });

  test('returns a PNG for format=png at the requested size', async () => {
    const { api, auth, qrUrl } = await setup();
    const res = await api.get(`${qrUrl}?format=png&size=128`).set(auth);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    const png = res.body as Buffer;
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(png.readUInt32BE(16)).toBe(128); // IHDR width
  });

  test('returns a PNG for Accept: image/png when no format is given', async () => {
    const { api, auth, qrUrl } = await setup();
    const res = await api.get(qrUrl).set(auth).set('Accept', 'image/png');
    expect(res.headers['content-type']).toBe('image/png');
    expect((res.body as Buffer).subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  test('lets format=svg win over Accept: image/png', async () => {
    const { api, auth, qrUrl } = await setup();
    const res = await api.get(`${qrUrl}?format=svg`).set(auth).set('Accept', 'image/png');
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });

  test('rejects an unknown format and a size below 64 with 400 naming both', async () => {
    const { api, auth, qrUrl } = await setup();
    const res = await api.get(`${qrUrl}?format=gif&size=10`).set(auth);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toMatch(/format/);
    expect(JSON.stringify(res.body.message)).toMatch(/size/);
  });

  test("answers 404 for another partner's payment and 401 without headers", async () => {
    const { api, deps, qrUrl } = await setup();
    expect((await api.get(qrUrl).set(addPartner(deps).auth)).status).toBe(404);
    expect((await api.get(qrUrl)).status).toBe(401);
  });
});
