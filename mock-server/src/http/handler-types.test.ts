/**
 * E161: the handler tables are typed per operationId from the generated spec types. The checks
 * marked `@ts-expect-error` are compile errors that `npm run typecheck` requires: were one to
 * compile (the types gone loose), the unused directive itself fails the typecheck.
 */
import type { Request } from 'express';
import type { PartnerRecord } from '../state/records';
import { created, ok, partnerOf, type ControlHandlers, type PartnerHandlers } from './handler';

type Expect<T extends true> = T;
type IsTable<T, Table> = T extends Table ? true : false;

// A complete table is one; a table without getStats (or without a control operation) is not.
type _Complete = Expect<IsTable<PartnerHandlers, PartnerHandlers>>;
// @ts-expect-error getStats has no handler
type _MissingPartnerHandler = Expect<IsTable<Omit<PartnerHandlers, 'getStats'>, PartnerHandlers>>;
// @ts-expect-error advanceClock has no handler
type _MissingControlHandler = Expect<IsTable<Omit<ControlHandlers, 'advanceClock'>, ControlHandlers>>;
// The spec's webhooks are sent, not served: they need no handler.
type _NoWebhookHandlers = Expect<'onPaymentCompleted' extends keyof PartnerHandlers ? false : true>;

const stats = { from: null, to: null, merchants: { total: 0, pending: 0, active: 0, inactive: 0 } };

const _handlers = {
  // @ts-expect-error the spec's Stats has `payments` and `volume` too
  getStats: () => ok(stats),
  // @ts-expect-error getProfile documents 200 only, not 201
  getProfile: (ctx) => created(partnerOf(ctx)),
  // @ts-expect-error ProfileUpdateRequest has no `iban`
  updateProfile: (ctx) => ok({ ...partnerOf(ctx), companyName: ctx.body.iban }),
  // @ts-expect-error merchantId is a number, not a string
  getMerchant: (ctx) => ok(ctx.params.merchantId.toUpperCase()),
  listPayments: (ctx) => {
    // page and limit have defaults in the spec: validation fills them in, so they are numbers.
    const page: number = ctx.query.page;
    // @ts-expect-error merchantClientId has no default: it may be absent
    const merchantClientId: string = ctx.query.merchantClientId;
    return ok({ payments: [], total: 0, page, limit: merchantClientId.length });
  },
  // A binary media type is written as bytes, with its content type named.
  getPaymentQr: () => ({ status: 200, body: new Uint8Array(), contentType: 'image/png' }),
} satisfies Partial<PartnerHandlers>;

const _controlHandlers = {
  // @ts-expect-error the clock answers a Clock, not a number
  getClock: () => ok(0),
  // @ts-expect-error ClockAdvanceRequest has `seconds` and `duration`, not `minutes`
  advanceClock: (ctx) => ok({ now: '', offsetMs: ctx.body.minutes }),
} satisfies Partial<ControlHandlers>;

describe('partnerOf', () => {
  const partner = { id: 1 } as PartnerRecord;
  const context = (who: PartnerRecord | null) => ({ req: {} as Request, operationId: 'getProfile', partner: who });

  test('is the authenticated partner', () => {
    expect(partnerOf(context(partner))).toBe(partner);
  });

  test('refuses a context without one, naming the operation', () => {
    expect(() => partnerOf(context(null))).toThrow('getProfile ran without an authenticated partner');
  });
});

describe('ok and created', () => {
  test('answer 200 and 201 with the body as given', () => {
    const body = { id: 1 };
    expect(ok(body)).toEqual({ status: 200, body });
    expect(created(body).status).toBe(201);
    expect(created(body).body).toBe(body);
  });
});
