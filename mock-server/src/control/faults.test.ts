import type { Request, Response } from 'express';
import { isApiError, type ApiError } from '../http/api-error';
import { createFaultRegistry } from './faults';

const AT = '2026-03-18T12:00:00.000Z';

/** The parts of a request and response a fault touches: the socket it may drop, the locals it marks. */
function exchange() {
  const socket = {
    destroyed: false,
    destroy() {
      this.destroyed = true;
    },
  };
  const res = { locals: {} as Record<string, unknown> };
  return { socket, req: { socket } as unknown as Request, res: res as unknown as Response, locals: res.locals };
}

async function thrownBy(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isApiError(error)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('a fault that answers throws its ApiError (E151)', () => {
  test("with the catalogue's injected_fault code and message when the fault gives none", async () => {
    const faults = createFaultRegistry();
    const fault = faults.add({ operationId: 'createPayment', status: 503, times: 1 }, AT);
    const { req, res, locals } = exchange();
    const error = await thrownBy(faults.apply('createPayment', req, res));
    expect(error.toBody()).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'Injected fault: Service Unavailable',
      code: 'injected_fault',
    });
    expect(locals.fault).toBe(fault.id);
    expect(faults.list()).toEqual([]); // times: 1 is spent
    await expect(faults.apply('createPayment', req, res)).resolves.toBe(false);
  });

  test("with the fault's own code and message, and 429 with Retry-After for retryAfter", async () => {
    const faults = createFaultRegistry();
    faults.add({ operationId: 'getProfile', status: 409, body: { message: 'Chosen', code: 'chosen_code' } }, AT);
    faults.add({ operationId: 'listPayments', retryAfter: 30 }, AT);
    const chosen = await thrownBy(faults.apply('getProfile', exchange().req, exchange().res));
    expect(chosen.toBody()).toEqual({ statusCode: 409, error: 'Conflict', message: 'Chosen', code: 'chosen_code' });
    const limited = await thrownBy(faults.apply('listPayments', exchange().req, exchange().res));
    expect(limited.statusCode).toBe(429);
    expect(limited.headers).toEqual({ 'Retry-After': '30' });
  });

  test('a dropped connection throws nothing and tells the router nothing is to be written', async () => {
    const faults = createFaultRegistry();
    faults.add({ drop: true }, AT);
    const { req, res, socket } = exchange();
    await expect(faults.apply('getProfile', req, res)).resolves.toBe(true);
    expect(socket.destroyed).toBe(true);
  });

  test('a fault for another operation, or one its probability skips, lets the request go on', async () => {
    const faults = createFaultRegistry(() => 0.9);
    faults.add({ operationId: 'getProfile', status: 500 }, AT);
    faults.add({ status: 500, probability: 0.5 }, AT);
    await expect(faults.apply('listMerchants', exchange().req, exchange().res)).resolves.toBe(false);
  });
});
