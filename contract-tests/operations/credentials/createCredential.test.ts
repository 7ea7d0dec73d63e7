import { buildCredentialCreateRequest } from '../../../fixtures/src';
import { createApi, type ResponseBody } from '../../support/client';
import { assertFact, expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

type Profile = ResponseBody<'getProfile', 200>;

const target = useTarget();
const PATH = '/v1/partner/credentials';

describe('POST /v1/partner/credentials (createCredential)', () => {
  const created: number[] = [];
  afterAll(async () => {
    const api = createApi(target());
    for (const id of created) await api.delete(`${PATH}/${id}`);
  });

  /** Invalid bodies go straight to the server, past a validating proxy (see kit.directApi). */
  async function create(body: unknown, api = createApi(target())) {
    const res = await api.post(PATH, body);
    if (res.status === 201) created.push((res.body as kit.CredentialWithSecret).id);
    return res;
  }

  test("answers 201 with the spec example's name, active, with its full secret", async () => {
    const res = await create({ name: 'Production API Key' });
    await expectSpecResponse(target(), res, 'createCredential', 201);
    expect(res.body).toMatchObject({ name: 'Production API Key', status: 'active' });
    await assertFact(
      target(),
      'inferred',
      'D3/D31: a UUID client id and a 64-hex secret, masked as its last four',
      () => {
        const body = res.body as kit.CredentialWithSecret;
        expect(body.clientId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(body.clientSecret).toMatch(/^[0-9a-f]{64}$/);
        expect(body.clientSecretLast4).toBe(`...${body.clientSecret.slice(-4)}`);
      },
    );
  });

  test('gives every credential its own client id and secret', async () => {
    const first = (await create(buildCredentialCreateRequest())).body as kit.CredentialWithSecret;
    const second = (await create(buildCredentialCreateRequest())).body as kit.CredentialWithSecret;
    expect(second.id).not.toBe(first.id);
    expect(second.clientId).not.toBe(first.clientId);
    expect(second.clientSecret).not.toBe(first.clientSecret);
  });

  test('authenticates the same partner with the new credential at once', async () => {
    const credential = (await create(buildCredentialCreateRequest())).body as kit.CredentialWithSecret;
    const api = createApi(target());
    const own = (await api.get('/v1/partner/profile')).body as Profile;
    const res = await api.withCredentials(credential.clientId, credential.clientSecret).get('/v1/partner/profile');
    expect(res.status).toBe(200);
    expect(res).toMatchSpec();
    expect((res.body as Profile).id).toBe(own.id);
  });

  test('answers 400 naming name when it is missing', async () => {
    const res = await create(buildCredentialCreateRequest({ name: undefined }), kit.directApi(target()));
    await kit.expectErrorNaming(target(), res, 'createCredential', 400, 'name');
  });

  test('answers 400 naming name when it is empty', async () => {
    const res = await create({ name: '' }, kit.directApi(target()));
    await kit.expectErrorNaming(target(), res, 'createCredential', 400, 'name');
  });

  test('answers 400 naming an unknown field (D7)', async () => {
    const res = await create({ ...buildCredentialCreateRequest(), clientSecret: 'mine' }, kit.directApi(target()));
    await kit.expectErrorNaming(target(), res, 'createCredential', 400, 'clientSecret');
  });
});
