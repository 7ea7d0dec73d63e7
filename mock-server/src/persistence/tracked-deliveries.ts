/**
 * The delivery log with its changes put in the state's change log (E50, E53): every delivery added
 * or updated (a new attempt, a scheduled retry, the outcome) is written with the next commit, with
 * the secret it is signed with so that a restart can resume its retries. A delivery the log drops
 * (E36: it keeps the newest 10,000) leaves the state file too, so the file stays as bounded as the log.
 */
import type { ChangeLog } from '../state/change-log';
import type { DeliveryRecord } from '../state/records';
import type { DeliveryStore } from '../webhooks';

/** A delivery as the state file keeps it. */
export interface StoredDelivery {
  record: DeliveryRecord;
  secret: string | null;
}

export interface TrackedDeliveryStore extends DeliveryStore {
  /** Puts a delivery read back from the state file into the log, with the secret it was stored with. */
  restore(stored: StoredDelivery): void;
}

export function trackDeliveries(
  inner: DeliveryStore,
  changes: () => ChangeLog | null,
  lookupSecret: (record: DeliveryRecord) => string | undefined,
): TrackedDeliveryStore {
  /** The secret of each delivery as it was when the delivery was created: a webhook may be deleted later. */
  const secrets = new Map<string, string | null>();
  /** Ids in the order they were added: the log drops from the front (E36). */
  let order: string[] = [];
  let head = 0;

  function put(record: DeliveryRecord): void {
    const stored: StoredDelivery = { record, secret: secrets.get(record.id) ?? null };
    changes()?.put('deliveries', record.id, stored);
  }
  function added(record: DeliveryRecord, secret: string | null): void {
    secrets.set(record.id, secret);
    order.push(record.id);
    while (head < order.length && inner.get(order[head]!) === undefined) {
      const dropped = order[head]!;
      head += 1;
      secrets.delete(dropped);
      changes()?.delete('deliveries', dropped);
    }
    if (head >= 1024 && head * 2 >= order.length) {
      order = order.slice(head);
      head = 0;
    }
  }
  function forgetAll(): void {
    secrets.clear();
    order = [];
    head = 0;
  }

  return {
    ...inner,
    add(record) {
      inner.add(record);
      added(record, lookupSecret(record) ?? null);
      put(record);
    },
    update(record) {
      inner.update(record);
      // Unknown ids are ignored by the log (an attempt that ends after a reset or a drop): the same here.
      if (inner.get(record.id) === record) put(record);
    },
    clear() {
      inner.clear();
      forgetAll();
      changes()?.clearTable('deliveries');
    },
    load(records) {
      inner.load(records);
      forgetAll();
      changes()?.clearTable('deliveries');
      for (const record of inner.all()) {
        added(record, lookupSecret(record) ?? null);
        put(record);
      }
    },
    restore({ record, secret }) {
      inner.add(record);
      added(record, secret);
    },
  };
}
