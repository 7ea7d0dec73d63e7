import type { Response } from 'supertest';
import { testWith } from '../../support/capabilities';
import { createApi } from '../../support/client';
import { assertFact, expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

const target = useTarget();
const qrPath = (id: number, query = '') => `/v1/partner/payments/${id}/qr${query}`;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let payment: kit.PaymentCreated;
beforeAll(async () => {
  const api = createApi(target());
  payment = await kit.createPayment(api, (await kit.createTestMerchant(api)).clientId);
});

/** The raw image bytes, whatever parser superagent picked for the media type. */
function bytesOf(res: Response): Buffer {
  if (Buffer.isBuffer(res.body)) return res.body;
  return Buffer.from(res.text ?? '', 'utf8');
}

describe('GET /v1/partner/payments/{paymentId}/qr (getPaymentQr)', () => {
  test('answers an SVG image by default', async () => {
    const res = await createApi(target()).get(qrPath(payment.paymentId));
    await expectSpecResponse(target(), res, 'getPaymentQr', 200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(bytesOf(res).toString('utf8').trimStart()).toMatch(/^<svg/);
    await assertFact(target(), 'inferred', 'D24: the image is 320 px wide when no size is given', () =>
      expect(bytesOf(res).toString('utf8')).toContain('width="320"'),
    );
  });

  test('answers an SVG image for format=svg', async () => {
    const res = await createApi(target()).get(qrPath(payment.paymentId, '?format=svg'));
    await expectSpecResponse(target(), res, 'getPaymentQr', 200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(bytesOf(res).toString('utf8').trimStart()).toMatch(/^<svg/);
  });

  test('answers a PNG image for format=png', async () => {
    const res = await createApi(target()).get(qrPath(payment.paymentId, '?format=png'));
    await expectSpecResponse(target(), res, 'getPaymentQr', 200);
    expect(res.headers['content-type']).toMatch(/^image\/png/);
  });

  test('answers PNG bytes that start with the PNG signature', async () => {
    const res = await kit.directApi(target()).get(qrPath(payment.paymentId, '?format=png'));
    await expectSpecResponse(target(), res, 'getPaymentQr', 200);
    expect(bytesOf(res).subarray(0, PNG_SIGNATURE.length)).toEqual(PNG_SIGNATURE);
  });

  test('answers a PNG of the requested size (D24)', async () => {
    const res = await kit.directApi(target()).get(qrPath(payment.paymentId, '?format=png&size=128'));
    await expectSpecResponse(target(), res, 'getPaymentQr', 200);
    await assertFact(target(), 'inferred', 'D24: size sets the width of the image', () =>
      expect(bytesOf(res).readUInt32BE(16)).toBe(128),
    );
  });

  test('answers a PNG for Accept: image/png when no format is given (D24)', async () => {
    const res = await kit.directApi(target()).get(qrPath(payment.paymentId)).set('Accept', 'image/png');
    await expectSpecResponse(target(), res, 'getPaymentQr', 200);
    await assertFact(target(), 'inferred', 'D24: Accept: image/png asks for a PNG', () => {
      expect(res.headers['content-type']).toMatch(/^image\/png/);
      expect(bytesOf(res).subarray(0, PNG_SIGNATURE.length)).toEqual(PNG_SIGNATURE);
    });
  });

  test('answers an SVG for format=svg even with Accept: image/png (D24)', async () => {
    const res = await createApi(target()).get(qrPath(payment.paymentId, '?format=svg')).set('Accept', 'image/png');
    await expectSpecResponse(target(), res, 'getPaymentQr', 200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });

  test('rejects a size below 64 with 400 naming size', async () => {
    const res = await kit.directApi(target()).get(qrPath(payment.paymentId, '?size=10'));
    await kit.expectErrorNaming(target(), res, 'getPaymentQr', 400, 'size');
  });

  test('rejects format=gif with 400 naming format', async () => {
    const res = await kit.directApi(target()).get(qrPath(payment.paymentId, '?format=gif'));
    await kit.expectErrorNaming(target(), res, 'getPaymentQr', 400, 'format');
  });

  test('answers 404 for a payment id that does not exist', async () => {
    const res = await createApi(target()).get(qrPath(2_000_000_000));
    await expectSpecResponse(target(), res, 'getPaymentQr', 404);
  });

  testWith('control')("answers 404 for another partner's payment (D2)", async () => {
    const res = await (await kit.createOtherPartner(target())).get(qrPath(payment.paymentId));
    await expectSpecResponse(target(), res, 'getPaymentQr', 404);
  });
});
