import { testWith } from '../../support/capabilities';
import { createApi, type ResponseBody } from '../../support/client';
import { assertFact, expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

type CredentialList = ResponseBody<'listCredentials', 200>;

const target = useTarget();
const PATH = '/v1/partner/credentials';

describe('GET /v1/partner/credentials (listCredentials)', () => {
  const created: number[] = [];
  afterAll(async () => {
    const api = createApi(target());
    for (const id of created) await api.delete(`${PATH}/${id}`);
  });

  test('answers a bare array that holds the calling credential, active', async () => {
    const res = await createApi(target()).get(PATH);
    await expectSpecResponse(target(), res, 'listCredentials', 200);
    const own = (res.body as CredentialList).find((c) => c.clientId === target().clientId);
    expect(own).toMatchObject({ clientId: target().clientId, status: 'active' });
  });

  test('masks every secret as "..." and its last four characters', async () => {
    const res = await createApi(target()).get(PATH);
    expect(res).toMatchSpec();
    for (const credential of res.body as CredentialList) {
      expect(credential.clientSecretLast4).toMatch(/^\.\.\..{4}$/);
      expect(credential).not.toHaveProperty('clientSecret');
    }
  });

  test('shows the last four characters of the calling credential’s secret', async () => {
    const res = await createApi(target()).get(PATH);
    const own = (res.body as CredentialList).find((c) => c.clientId === target().clientId);
    expect(own?.clientSecretLast4).toBe(`...${target().clientSecret.slice(-4)}`);
  });

  test('lists a new credential with its name and masked secret', async () => {
    const api = createApi(target());
    const credential = await kit.createCredential(api);
    created.push(credential.id);
    const res = await api.get(PATH);
    await expectSpecResponse(target(), res, 'listCredentials', 200);
    // Ids are integers by D3; compared as text so another id type is still found.
    const listed = (res.body as CredentialList).find((c) => String(c.id) === String(credential.id));
    await kit.expectNoOtherFields(
      listed,
      ['id', 'name', 'clientId', 'clientSecretLast4', 'status', 'createdAt'],
      'D31: a listed credential has no field beyond the reference',
    );
    expect(listed).toMatchObject({
      id: credential.id,
      name: credential.name,
      clientId: credential.clientId,
      clientSecretLast4: `...${credential.clientSecret.slice(-4)}`,
      status: 'active',
      createdAt: credential.createdAt,
    });
  });

  testWith('control')('lists only the partner’s own credentials (D2)', async () => {
    const other = await kit.createOtherPartner(target());
    const theirs = await other.get(PATH);
    await expectSpecResponse(target(), theirs, 'listCredentials', 200);
    await assertFact(target(), 'inferred', 'D2: a new partner has exactly its one credential', () => {
      expect(theirs.body).toHaveLength(1);
    });
    const theirIds = new Set((theirs.body as CredentialList).map((c) => c.id));
    const ours = await createApi(target()).get(PATH);
    expect((ours.body as CredentialList).some((c) => theirIds.has(c.id))).toBe(false);
  });
});
