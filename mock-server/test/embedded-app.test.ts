/**
 * E120: operations are answered in front of Express's router by the app's `handle`; the app still
 * behaves as an Express app, also mounted under a path of another one.
 */
import express from 'express';
import request from 'supertest';
import { createTestApp } from './helpers';

describe('the app mounted in another Express app', () => {
  const { app, auth } = createTestApp();
  const parent = express();
  parent.use('/mock', app);
  parent.use((_req, res) => {
    res.status(418).json({ from: 'parent' });
  });

  it('answers Partner API operations under the mount', async () => {
    const res = await request(parent).get('/mock/v1/partner/profile').set(auth);
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBeDefined();
  });

  it("answers the mock's 404 for an unknown path under the mount", async () => {
    const res = await request(parent).get('/mock/v1/partner/nothing-here').set(auth);
    expect(res.status).toBe(404);
  });

  it('leaves paths outside the mount to the parent', async () => {
    const res = await request(parent).get('/elsewhere');
    expect(res.status).toBe(418);
    expect(res.body).toEqual({ from: 'parent' });
  });

  it('journals the request with the full URL it was sent to', async () => {
    const { app: inner, auth: innerAuth, deps } = createTestApp();
    const outer = express();
    outer.use('/mock', inner);
    await request(outer).get('/mock/v1/partner/profile').set(innerAuth);
    expect(deps.journal.list().requests[0]).toMatchObject({ path: '/mock/v1/partner/profile', status: 200 });
  });
});
