import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from '../src/app';
import { createLogger } from '../src/shared/logger';
import { createTestDeps } from './helpers';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe('request logs', () => {
  test('log one line per request with its id, operation and status', async () => {
    const { lines, logger } = capture();
    const deps = createTestDeps({}, { logger });
    const res = await request(createApp(deps))
      .get('/v1/partner/profile')
      .set({ 'X-Partner-Client-Id': deps.config.clientId, 'X-Partner-Client-Secret': deps.config.clientSecret });
    const entry = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'request');
    expect(entry).toMatchObject({
      reqId: res.headers['x-request-id'],
      method: 'GET',
      status: 200,
      operationId: 'getProfile',
    });
  });

  test('never contain a partner secret or a webhook secret', async () => {
    const { lines, logger } = capture();
    const deps = createTestDeps({}, { logger });
    const api = request(createApp(deps));
    const auth = { 'X-Partner-Client-Id': deps.config.clientId, 'X-Partner-Client-Secret': deps.config.clientSecret };
    const webhook = await api
      .post('/v1/partner/webhooks')
      .set(auth)
      .send({ url: 'http://127.0.0.1:9/hook', events: ['payment.completed'] });
    const credential = await api.post('/v1/partner/credentials').set(auth).send({ name: 'Second' });
    await api.get('/v1/partner/profile').set({ ...auth, 'X-Partner-Client-Secret': 'wrong-secret-value' });
    const text = lines.join('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const secret of [
      deps.config.clientSecret,
      webhook.body.secret as string,
      credential.body.clientSecret as string,
      'wrong-secret-value',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
