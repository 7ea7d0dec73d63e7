import { testWith } from '../../support/capabilities';
import { createApi, type ResponseBody } from '../../support/client';
import { expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

type Credential = ResponseBody<'revokeCredential', 200>;
type CredentialList = ResponseBody<'listCredentials', 200>;

const target = useTarget();
const PATH = '/v1/partner/credentials';
const UNKNOWN_ID = 2_000_000_000;

// Every revocation here is of a credential the test made itself, never the one the suite runs with.
describe('DELETE /v1/partner/credentials/{credentialId} (revokeCredential)', () => {
  async function fresh(): Promise<kit.CredentialWithSecret> {
    return kit.createCredential(createApi(target()));
  }

  testWith('destructive')('answers 200 with the credential, now revoked', async () => {
    const credential = await fresh();
    const res = await createApi(target()).delete(`${PATH}/${credential.id}`);
    await expectSpecResponse(target(), res, 'revokeCredential', 200);
    expect(res.body).toEqual({
      id: credential.id,
      name: credential.name,
      clientId: credential.clientId,
      clientSecretLast4: credential.clientSecretLast4,
      status: 'revoked',
      createdAt: credential.createdAt,
    });
    expect(res.body as Credential).not.toHaveProperty('clientSecret');
  });

  testWith('destructive')('refuses every further call with the revoked credential (401)', async () => {
    const credential = await fresh();
    await createApi(target()).delete(`${PATH}/${credential.id}`);
    await expectSpecResponse(target(), await kit.profileWith(target(), credential), 'getProfile', 401);
  });

  testWith('destructive')('keeps the revoked credential in the list with status revoked', async () => {
    const credential = await fresh();
    await createApi(target()).delete(`${PATH}/${credential.id}`);
    const res = await createApi(target()).get(PATH);
    expect(res).toMatchSpec();
    expect((res.body as CredentialList).find((c) => c.id === credential.id)?.status).toBe('revoked');
  });

  testWith('destructive')('answers 409 for a credential that is already revoked', async () => {
    const credential = await fresh();
    await createApi(target()).delete(`${PATH}/${credential.id}`);
    const res = await createApi(target()).delete(`${PATH}/${credential.id}`);
    await expectSpecResponse(target(), res, 'revokeCredential', 409);
  });

  testWith('control')("answers 409 for the partner's last active credential, which keeps working", async () => {
    const other = await kit.createOtherPartner(target());
    const [only] = (await other.get(PATH)).body as CredentialList;
    const res = await other.delete(`${PATH}/${only!.id}`);
    await expectSpecResponse(target(), res, 'revokeCredential', 409);
    kit.expectMockCode(res, 'last_active_credential');
    const after = await other.get(PATH);
    expect(after.status).toBe(200);
    expect((after.body as CredentialList)[0]?.status).toBe('active');
  });

  test('answers 404 for a credential id that does not exist', async () => {
    const res = await createApi(target()).delete(`${PATH}/${UNKNOWN_ID}`);
    await expectSpecResponse(target(), res, 'revokeCredential', 404);
  });

  testWith('control')("answers 404 for another partner's credential, which stays active (D2)", async () => {
    const other = await kit.createOtherPartner(target());
    await kit.createCredential(other);
    const [theirs] = (await other.get(PATH)).body as CredentialList;
    const res = await createApi(target()).delete(`${PATH}/${theirs!.id}`);
    await expectSpecResponse(target(), res, 'revokeCredential', 404);
    const after = (await other.get(PATH)).body as CredentialList;
    expect(after.find((c) => c.id === theirs!.id)?.status).toBe('active');
  });

  test('answers 400 naming credentialId when it is not a number', async () => {
    const res = await kit.directApi(target()).delete(`${PATH}/first`);
    await kit.expectErrorNaming(target(), res, 'revokeCredential', 400, 'credentialId');
  });
});
