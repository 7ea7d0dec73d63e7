import { testWith } from '../../support/capabilities';
import { createApi, createControl, type ResponseBody } from '../../support/client';
import { expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

type Profile = ResponseBody<'getProfile', 200>;

const target = useTarget();
const PATH = '/v1/partner/profile';

describe('GET /v1/partner/profile (getProfile)', () => {
  test('answers the calling partner its profile in the documented shape', async () => {
    const res = await createApi(target()).get(PATH);
    await expectSpecResponse(target(), res, 'getProfile', 200);
    const profile = res.body as Profile;
    expect(Number.isInteger(profile.id)).toBe(true);
    expect(['pending', 'active', 'suspended']).toContain(profile.status);
  });

  test('answers exactly the fields of the API reference', async () => {
    const res = await createApi(target()).get(PATH);
    expect(res).toMatchSpec();
    await kit.expectNoOtherFields(
      res.body,
      [
        'companyName',
        'contactEmail',
        'contactPhone',
        'createdAt',
        'id',
        'name',
        'registrationNumber',
        'status',
        'updatedAt',
        'website',
      ],
      'the profile has no field beyond the API reference',
    );
  });

  test('answers the same profile on every call', async () => {
    const api = createApi(target());
    const first = await api.get(PATH);
    const second = await api.get(PATH);
    expect(second).toMatchSpec();
    expect((second.body as Profile).id).toBe((first.body as Profile).id);
  });

  testWith('control')('answers each partner its own profile (D2)', async () => {
    const created = await createControl(target()).post('/__control/partners', {
      name: 'Nordic Kiosk',
      companyName: 'Nordic Kiosk A/S',
      contactEmail: 'dev@nordickiosk.dk',
    });
    expect(created).toMatchSpec();
    const { partnerId, clientId, clientSecret } = created.body as {
      partnerId: number;
      clientId: string;
      clientSecret: string;
    };

    const res = await createApi(target()).withCredentials(clientId, clientSecret).get(PATH);
    await expectSpecResponse(target(), res, 'getProfile', 200);
    expect(res.body).toMatchObject({
      id: partnerId,
      name: 'Nordic Kiosk',
      companyName: 'Nordic Kiosk A/S',
      contactEmail: 'dev@nordickiosk.dk',
      status: 'active',
    });
    const own = await createApi(target()).get(PATH);
    expect((own.body as Profile).id).not.toBe(partnerId);
  });

  test('accepts the partner header names in any case (D1)', async () => {
    const res = await createApi(target())
      .unauthenticated()
      .get(PATH)
      .set('x-partner-client-id', target().clientId)
      .set('X-PARTNER-CLIENT-SECRET', target().clientSecret);
    await expectSpecResponse(target(), res, 'getProfile', 200);
  });
});
