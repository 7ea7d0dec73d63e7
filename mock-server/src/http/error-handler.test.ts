import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { createLogger } from '../shared/logger';
import { apiError } from './api-error';
import { createErrorHandler, routeNotFound } from './error-handler';
import { writeJson } from './write-json';

/** An app whose routes throw what the mock's stages throw, behind the mock's error handler. */
function appWith(logged: string[]) {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged.push(chunk.toString());
      done();
    },
  });
  const app = express();
  app.post('/json', express.json({ limit: '1mb', strict: true }), (_req, res) => writeJson(res, 201, { ok: true }));
  app.get('/conflict', () => {
    throw apiError('payment_already_final', 9, 'paid');
  });
  app.get('/streams', () => {
    throw apiError('too_many_streams', 32, 5);
  });
  app.get('/bug', () => {
    throw new TypeError('x is undefined');
  });
  app.use(routeNotFound);
  app.use(createErrorHandler(createLogger('info', sink)));
  return app;
}

describe('writeJson (E152)', () => {
  test('writes the status, the given headers, the JSON type and the length in bytes, once', async () => {
    const app = express();
    app.get('/', (_req, res) => writeJson(res, 202, { name: 'Kaffe & Kage ÆØÅ' }, { 'X-Extra': 'yes' }));
    const res = await request(app).get('/');
    expect(res.status).toBe(202);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['x-extra']).toBe('yes');
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength('{"name":"Kaffe & Kage ÆØÅ"}')));
    expect(res.body).toEqual({ name: 'Kaffe & Kage ÆØÅ' });
  });

  test('writes no body, type or length for 204 and 304, as Express does', async () => {
    const app = express();
    app.get('/:status', (req, res) => writeJson(res, Number(req.params.status), { received: true }));
    for (const status of [204, 304]) {
      const res = await request(app).get(`/${status}`);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toBeUndefined();
      expect(res.headers['content-length']).toBeUndefined();
      expect(res.text).toBe('');
    }
  });
});

describe('the error handler', () => {
  test("writes a catalogue error's D5 body through the one writer", async () => {
    const res = await request(appWith([])).get('/conflict');
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'Payment 9 is already paid; its status cannot change',
      code: 'payment_already_final',
    });
  });

  test("sends the error's headers", async () => {
    const res = await request(appWith([])).get('/streams');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('5');
  });

  test('maps body-parser failures to the catalogue', async () => {
    const app = appWith([]);
    const send = (body: string, type = 'application/json') =>
      request(app).post('/json').set('Content-Type', type).send(body);
    expect((await send('{"a":')).body).toMatchObject({ statusCode: 400, code: 'malformed_json' });
    expect((await send('"text"')).body).toMatchObject({
      code: 'malformed_json',
      message: 'body must be a JSON object',
    });
    expect((await send('{}', 'application/json; charset=latin1')).body).toMatchObject({
      statusCode: 415,
      code: 'unsupported_media_type',
    });
    expect((await send(`{"a":"${'x'.repeat(1024 * 1024)}"}`)).body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'Request body is larger than 1 MB',
      code: 'payload_too_large',
    });
    const encoded = await request(app)
      .post('/json')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'compress')
      .send('{}');
    expect(encoded.body).toMatchObject({ statusCode: 415, code: 'unsupported_content_encoding' });
  });

  test('answers anything else 500 internal_error and logs it', async () => {
    const logged: string[] = [];
    const res = await request(appWith(logged)).get('/bug');
    expect(res.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
      code: 'internal_error',
    });
    expect(logged.join('')).toContain('x is undefined');
  });

  test('answers a path with no route 404 route_not_found', async () => {
    const res = await request(appWith([])).delete('/nowhere');
    expect(res.body).toMatchObject({ statusCode: 404, code: 'route_not_found', message: 'Cannot DELETE /nowhere' });
  });
});
