import { testWith } from '../../support/capabilities';
import { createApi, type ResponseBody } from '../../support/client';
import { assertFact, expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

type CredentialList = ResponseBody<'listCredentials', 200>;

const target = useTarget();
const PATH = '/v1/partner/credentials';
const UNKNOWN_ID = 2_000_000_000;

// Every rotation here is of a credential the test made itself, never the one the suite runs with.
describe('POST /v1/partner/credentials/{credentialId}/rotate (rotateCredential)', () => {
  const created: number[] = [];
  afterAll(async () => {
    const api = createApi(target());
    for (const id of created) await api.delete(`${PATH}/${id}`);
  });

  async function fresh(): Promise<kit.CredentialWithSecret> {
    const credential = await kit.createCredential(createApi(target()));
    created.push(credential.id);
    return credential;
  }

  testWith('destructive')('answers 200 with the same credential and a new full secret', async () => {
    const credential = await fresh();
    const res = await createApi(target()).post(`${PATH}/${credential.id}/rotate`);
    await expectSpecResponse(target(), res, 'rotateCredential', 200);
    const rotated = res.body as kit.CredentialWithSecret;
    expect(rotated).toMatchObject({
      id: credential.id,
      clientId: credential.clientId,
      name: credential.name,
      status: 'active',
    });
    expect(rotated.clientSecret).not.toBe(credential.clientSecret);
    await assertFact(
      target(),
      'inferred',
      'D3/D31: the new secret is 64 hex characters, masked as its last four',
      () => {
        expect(rotated.clientSecret).toMatch(/^[0-9a-f]{64}$/);
        expect(rotated.clientSecretLast4).toBe(`...${rotated.clientSecret.slice(-4)}`);
      },
    );
  });

  testWith('destructive')('refuses the old secret at once (401)', async () => {
    const credential = await fresh();
    await createApi(target()).post(`${PATH}/${credential.id}/rotate`);
    await expectSpecResponse(target(), await kit.profileWith(target(), credential), 'getProfile', 401);
  });

  testWith('destructive')('accepts the new secret at once', async () => {
    const credential = await fresh();
    const rotated = (await createApi(target()).post(`${PATH}/${credential.id}/rotate`))
      .body as kit.CredentialWithSecret;
    await expectSpecResponse(target(), await kit.profileWith(target(), rotated), 'getProfile', 200);
  });

  testWith('destructive')('lets a credential rotate itself, answering with its new secret', async () => {
    const credential = await fresh();
    const self = createApi(target()).withCredentials(credential.clientId, credential.clientSecret);
    const res = await self.post(`${PATH}/${credential.id}/rotate`);
    await expectSpecResponse(target(), res, 'rotateCredential', 200);
    const rotated = res.body as kit.CredentialWithSecret;
    const after = await createApi(target()).withCredentials(rotated.clientId, rotated.clientSecret).get(PATH);
    expect(after.status).toBe(200);
    expect((after.body as CredentialList).find((c) => c.id === credential.id)?.clientSecretLast4).toBe(
      `...${rotated.clientSecret.slice(-4)}`,
    );
  });

  testWith('destructive')('answers 409 for a revoked credential', async () => {
    const credential = await fresh();
    await createApi(target()).delete(`${PATH}/${credential.id}`);
    const res = await createApi(target()).post(`${PATH}/${credential.id}/rotate`);
    await expectSpecResponse(target(), res, 'rotateCredential', 409);
  });

  test('answers 404 for a credential id that does not exist', async () => {
    const res = await createApi(target()).post(`${PATH}/${UNKNOWN_ID}/rotate`);
    await expectSpecResponse(target(), res, 'rotateCredential', 404);
  });

  testWith('control')("answers 404 for another partner's credential, as if it did not exist (D2)", async () => {
    const other = await kit.createOtherPartner(target());
    const [theirs] = (await other.get(PATH)).body as CredentialList;
    const res = await createApi(target()).post(`${PATH}/${theirs!.id}/rotate`);
    await expectSpecResponse(target(), res, 'rotateCredential', 404);
    kit.expectMockCode(res, 'credential_not_found');
    const still = await other.get(PATH);
    expect(still.status).toBe(200);
  });

  test('answers 400 naming credentialId when it is not a number', async () => {
    const res = await kit.directApi(target()).post(`${PATH}/abc/rotate`);
    await kit.expectErrorNaming(target(), res, 'rotateCredential', 400, 'credentialId');
  });

  test('answers 400 naming credentialId when it is 0', async () => {
    const res = await kit.directApi(target()).post(`${PATH}/0/rotate`);
    await kit.expectErrorNaming(target(), res, 'rotateCredential', 400, 'credentialId');
  });
});
