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
