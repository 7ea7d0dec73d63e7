import { createManualClock } from '../shared/clock';
import { ChangeLog } from '../state/change-log';
import { newDeliveryRecord } from '../webhooks/delivery-record';
import { trackDeliveries } from './tracked-deliveries';

const clock = createManualClock();
const delivery = (id: string, webhookId = 1) =>
  newDeliveryRecord(
    id,
    {
      partnerId: 1,
      webhookId,
      url: 'http://127.0.0.1:9/hooks',
      event: 'payment.completed',
      body: '{}',
      paymentId: null,
      merchantId: null,
      test: false,
    },
    clock,
  );

describe('the delivery log with a state file (E50, E53)', () => {
  test('puts added and updated deliveries with the secret they were created with', () => {
    const log = new ChangeLog();
    const secrets = new Map([[1, 'whsec_one']]);
    const store = trackDeliveries(
      () => log,
      (d) => secrets.get(d.webhookId),
    );
    const d = delivery('dlv_1');
    store.add(d);
    secrets.delete(1); // the webhook is deleted; its delivery keeps the secret it is signed with
    d.outcome = 'failed';
    store.update(d);
    expect(log.tables.get('deliveries')!.get('dlv_1')).toEqual({ record: d, secret: 'whsec_one' });
  });

  test('a delivery the log drops (E36) is deleted from the state file too', () => {
    const log = new ChangeLog();
    const store = trackDeliveries(
      () => log,
      () => 's',
      { maxRecords: 2 },
    );
    for (const id of ['dlv_1', 'dlv_2', 'dlv_3']) store.add(delivery(id));
    const entries = log.tables.get('deliveries')!;
    expect(entries.get('dlv_1')).toBeNull();
    expect([...entries.keys()].sort()).toEqual(['dlv_1', 'dlv_2', 'dlv_3']);
    expect(store.get('dlv_1')).toBeUndefined();
  });

  test('tracks nothing and looks up no secret without a change log (no state file)', () => {
    const lookups: number[] = [];
    const store = trackDeliveries(
      () => null,
      (d) => {
        lookups.push(d.webhookId);
        return 's';
      },
      { maxRecords: 1 },
    );
    store.add(delivery('dlv_1'));
    store.add(delivery('dlv_2'));
    expect(store.all().map((d) => d.id)).toEqual(['dlv_2']);
    expect(lookups).toEqual([]);
  });

  test('a restored delivery keeps the secret it was stored with', () => {
    const log = new ChangeLog();
    const store = trackDeliveries(
      () => log,
      () => 'whsec_now',
    );
    const d = delivery('dlv_1');
    store.restore({ record: d, secret: 'whsec_then' });
    store.update(d);
    expect(log.tables.get('deliveries')!.get('dlv_1')).toEqual({ record: d, secret: 'whsec_then' });
  });
});
