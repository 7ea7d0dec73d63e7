import { buildProfileUpdateRequest } from '../../../fixtures/src';
import { testWith } from '../../support/capabilities';
import { createApi, type ApiClient, type ResponseBody } from '../../support/client';
import { assertFact, expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

type Profile = ResponseBody<'updateProfile', 200>;

const target = useTarget();
const PATH = '/v1/partner/profile';

/** A partner of its own, so that changing its profile touches nobody else's data. */
const ownPartner = (): Promise<ApiClient> => kit.createOtherPartner(target(), 'Profile Tester');

describe('PUT /v1/partner/profile (updateProfile)', () => {
  testWith('control')("changes the contact details as in the spec's example", async () => {
    const api = await ownPartner();
    const res = await api.put(PATH, { contactEmail: 'integrations@acmepos.dk', contactPhone: '+4587654321' });
    await expectSpecResponse(target(), res, 'updateProfile', 200);
    await assertFact(target(), 'inferred', 'D30: the answer is the whole updated profile', () => {
      expect(res.body).toMatchObject({ contactEmail: 'integrations@acmepos.dk', contactPhone: '+4587654321' });
    });
  });

  testWith('control')('changes only the fields sent', async () => {
    const api = await ownPartner();
    const before = (await api.get(PATH)).body as Profile;
    const res = await api.put(PATH, { website: 'https://acmepos.dk' });
    await expectSpecResponse(target(), res, 'updateProfile', 200);
    await assertFact(target(), 'inferred', 'D30: a partial update keeps the other fields', () => {
      const { updatedAt: _before, ...rest } = before;
      expect(res.body).toMatchObject({ ...rest, website: 'https://acmepos.dk' });
    });
  });

  testWith('control')('keeps the change for the next GET of the profile', async () => {
    const api = await ownPartner();
    const body = buildProfileUpdateRequest();
    await expectSpecResponse(target(), await api.put(PATH, body), 'updateProfile', 200);
    const res = await api.get(PATH);
    expect(res).toMatchSpec();
    await assertFact(target(), 'inferred', 'D30: every writable field is stored', () => {
      expect(res.body).toMatchObject(body);
    });
  });

  test('answers the whole profile when a field is sent with its current value', async () => {
    const api = createApi(target());
    const before = (await api.get(PATH)).body as Profile;
    const res = await api.put(PATH, { name: before.name });
    await expectSpecResponse(target(), res, 'updateProfile', 200);
    await assertFact(target(), 'inferred', 'D30: an unchanged field leaves the profile as it was', () => {
      const { updatedAt: _before, ...rest } = before;
      expect(res.body).toMatchObject(rest);
    });
  });

  test('answers 400 for an empty body', async () => {
    const res = await kit.directApi(target()).put(PATH, {});
    await expectSpecResponse(target(), res, 'updateProfile', 400);
    await assertFact(target(), 'inferred', 'D5: the message says the body needs a field', () =>
      expect((res.body as { message?: unknown }).message).toEqual(['body must have at least 1 field(s)']),
    );
  });

  test.each([
    ['contactEmail', 'when it is not an email', 'not-an-email'],
    ['website', 'when it is not a URL', 'acmepos'],
    ['status', 'when it cannot be changed (D7)', 'suspended'],
    ['name', 'when it is empty', ''],
  ])('answers 400 naming %s %s', async (field, _why, value) => {
    const res = await kit.directApi(target()).put(PATH, { [field]: value });
    await kit.expectErrorNaming(target(), res, 'updateProfile', 400, field);
  });
});
