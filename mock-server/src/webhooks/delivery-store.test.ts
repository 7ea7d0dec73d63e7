import type { DeliveryRecord } from '../state/records';
import { createDeliveryStore } from './delivery-store';

let counter = 0;
function delivery(overrides: Partial<DeliveryRecord> = {}): DeliveryRecord {
  counter += 1;
  return {
    id: `dlv_${counter}`,
    partnerId: 1,
    webhookId: 10,
    url: 'http://127.0.0.1:9/webhooks',
    event: 'payment.completed',
    body: '{}',
    paymentId: null,
    merchantId: null,
    test: false,
    outcome: 'pending',
    attempts: [],
    nextAttemptAt: null,
    createdAt: `2026-03-18T12:00:${String(counter % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2026-03-18T12:00:00.000Z',
    ...overrides,
  };
}

describe('delivery store', () => {
  test('lists a partner’s deliveries newest first with the total', () => {
    const store = createDeliveryStore();
    const first = delivery();
    const second = delivery();
    store.add(first);
    store.add(delivery({ partnerId: 2 }));
    store.add(second);
    const page = store.list({ partnerId: 1 });
    expect(page.items.map((d) => d.id)).toEqual([second.id, first.id]);
    expect(page.total).toBe(2);
  });

  test('filters by event, payment, merchant, webhook and outcome', () => {
    const store = createDeliveryStore();
    const paid = delivery({ paymentId: 7, outcome: 'delivered' });
    const activated = delivery({ event: 'merchant.activated', merchantId: 3, webhookId: 11 });
    store.add(paid);
    store.add(activated);
    expect(store.list({ partnerId: 1, paymentId: 7 }).items).toEqual([paid]);
    expect(store.list({ event: 'merchant.activated' }).items).toEqual([activated]);
    expect(store.list({ merchantId: 3, webhookId: 11 }).items).toEqual([activated]);
    expect(store.list({ outcome: 'delivered' }).items).toEqual([paid]);
    expect(store.list({ partnerId: 99 })).toEqual({ items: [], total: 0 });
  });

  test('pages with page and limit', () => {
    const store = createDeliveryStore();
    const records = [delivery(), delivery(), delivery()];
    records.forEach((r) => store.add(r));
    expect(store.list({ partnerId: 1, page: 2, limit: 2 })).toEqual({ items: [records[0]], total: 3 });
  });

  test('replaces a record on update and ignores unknown ids', () => {
    const store = createDeliveryStore();
    const record = delivery();
    store.add(record);
    store.update({ ...record, outcome: 'failed' });
    store.update(delivery());
    expect(store.get(record.id)?.outcome).toBe('failed');
    expect(store.list({ partnerId: 1 }).items[0]?.outcome).toBe('failed');
    expect(store.all()).toHaveLength(1);
  });

  test('round-trips all() through load() and empties on clear()', () => {
    const store = createDeliveryStore();
    [delivery(), delivery({ partnerId: 2 })].forEach((r) => store.add(r));
    const copy = createDeliveryStore();
    copy.load(store.all());
    expect(copy.all()).toEqual(store.all());
    expect(copy.list({ partnerId: 2 }).total).toBe(1);
    copy.clear();
    expect(copy.all()).toEqual([]);
    expect(copy.get(store.all()[0]!.id)).toBeUndefined();
  });

  test('refuses a second record with the same id', () => {
    const store = createDeliveryStore();
    const record = delivery();
    store.add(record);
    expect(() => store.add(record)).toThrow(/already exists/);
  });
});

describe('delivery store cap (E36)', () => {
  test('keeps the newest maxRecords deliveries, dropping the oldest of any partner first', () => {
    const store = createDeliveryStore({ maxRecords: 3 });
    const records = [delivery(), delivery({ partnerId: 2 }), delivery(), delivery({ partnerId: 2 }), delivery()];
    for (const r of records) store.add(r);
    expect(store.get(records[0]!.id)).toBeUndefined();
    expect(store.get(records[1]!.id)).toBeUndefined();
    expect(store.all().map((d) => d.id)).toEqual(records.slice(2).map((d) => d.id));
    expect(store.list({ partnerId: 1 }).items.map((d) => d.id)).toEqual([records[4]!.id, records[2]!.id]);
    expect(store.list({ partnerId: 2 }).items.map((d) => d.id)).toEqual([records[3]!.id]);
    expect(store.list().total).toBe(3);
  });

  test('stays exact for updates and lists across many drops', () => {
    const store = createDeliveryStore({ maxRecords: 10 });
    const records = Array.from({ length: 5000 }, (_, i) => delivery({ partnerId: 1 + (i % 2) }));
    for (const r of records) store.add(r);
    expect(store.all()).toHaveLength(10);
    const kept = records.at(-3)!;
    store.update({ ...kept, outcome: 'delivered' });
    expect(store.get(kept.id)?.outcome).toBe('delivered');
    const page = store.list({ partnerId: kept.partnerId, outcome: 'delivered' });
    expect(page.items.map((d) => d.id)).toEqual([kept.id]);
    store.update({ ...records[0]!, outcome: 'failed' }); // dropped long ago: ignored
    expect(store.get(records[0]!.id)).toBeUndefined();
    expect(store.list({ partnerId: 1 }).total + store.list({ partnerId: 2 }).total).toBe(10);
  });
});
