/**
 * The delivery log with its changes put in the state's change log (E50, E53): every delivery added
 * or updated (a new attempt, a scheduled retry, the outcome) is written with the next commit, with
 * the secret it is signed with so that a restart can resume its retries. A delivery the log drops
 * (E36: it keeps the newest 10,000) leaves the state file too, so the file stays as bounded as the
 * log. Without a state file (no change log) it is the plain log: nothing is kept or looked up.
 */
import type { ChangeLog } from '../state/change-log';
import type { DeliveryRecord } from '../state/records';
import { createDeliveryStore, type DeliveryStore, type DeliveryStoreOptions } from '../webhooks';

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
  changes: () => ChangeLog | null,
  lookupSecret: (record: DeliveryRecord) => string | undefined,
  options: Omit<DeliveryStoreOptions, 'onDrop'> = {},
): TrackedDeliveryStore {
  /** The secret of each delivery as it was when the delivery was created: a webhook may be deleted later. */
  const secrets = new Map<string, string | null>();
  const inner = createDeliveryStore({
    ...options,
    onDrop(record) {
      secrets.delete(record.id);
      changes()?.delete('deliveries', record.id);
    },
  });

  function put(log: ChangeLog, record: DeliveryRecord): void {
    log.put('deliveries', record.id, { record, secret: secrets.get(record.id) ?? null } satisfies StoredDelivery);
  }

  return {
    ...inner,
    add(record) {
      const log = changes();
      if (log) secrets.set(record.id, lookupSecret(record) ?? null);
      inner.add(record);
      if (log) put(log, record);
    },
    update(record) {
      inner.update(record);
      // Unknown ids are ignored by the log (an attempt that ends after a reset or a drop): the same here.
      const log = changes();
      if (log && inner.get(record.id) === record) put(log, record);
    },
    clear() {
      inner.clear();
      secrets.clear();
      changes()?.clearTable('deliveries');
    },
    restore({ record, secret }) {
      secrets.set(record.id, secret);
      inner.add(record);
    },
  };
}
