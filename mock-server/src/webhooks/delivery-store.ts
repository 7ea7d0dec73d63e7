/**
 * Delivery log (D29): every delivery with all its attempts, for the QA console, the control API and
 * export/import. Kept per partner so that a partner's list never scans other partners' deliveries.
 */
import type { operations } from '../../../spec/generated/control-api';
import { safePaging } from '../shared/paging';
import type { DeliveryRecord } from '../state/records';

/** listDeliveries' query (the control API's), paging aside. */
export type DeliveryQuery = NonNullable<operations['listDeliveries']['parameters']['query']>;
export type DeliveryFilter = Omit<DeliveryQuery, 'page' | 'limit'>;

export interface DeliveryPage {
  items: DeliveryRecord[];
  total: number;
}

export interface DeliveryStore {
  add(record: DeliveryRecord): void;
  get(id: string): DeliveryRecord | undefined;
  /** Replaces the stored record with the same id; unknown ids are ignored (e.g. after `clear`). */
  update(record: DeliveryRecord): void;
  /** Newest first. */
  list(query?: DeliveryQuery): DeliveryPage;
  clear(): void;
  /** Oldest first, for export. */
  all(): DeliveryRecord[];
  /** Replaces everything with `records` (an import). */
  load(records: DeliveryRecord[]): void;
}

function matches(record: DeliveryRecord, filter: DeliveryFilter): boolean {
  return (
    (filter.event === undefined || record.event === filter.event) &&
    (filter.paymentId === undefined || record.paymentId === filter.paymentId) &&
    (filter.merchantId === undefined || record.merchantId === filter.merchantId) &&
    (filter.webhookId === undefined || record.webhookId === filter.webhookId) &&
    (filter.outcome === undefined || record.outcome === filter.outcome)
  );
}

/** E36: the delivery log keeps the newest this many deliveries; older ones are dropped first. */
export const DEFAULT_MAX_DELIVERIES = 10_000;

export interface DeliveryStoreOptions {
  /** At most this many deliveries are kept (default DEFAULT_MAX_DELIVERIES); the oldest go first. */
  maxRecords?: number;
  /** Called with each delivery the log drops to stay within `maxRecords` (E36). */
  onDrop?: (record: DeliveryRecord) => void;
}

/** One partner's deliveries, oldest first; dropped ones leave a hole before `head` until compacted. */
interface PartnerLog {
  items: (DeliveryRecord | undefined)[];
  /** Index in `items` of the oldest kept record. */
  head: number;
  /** Positions are counted from the partner's first delivery; `items[0]` holds position `base`. */
  base: number;
}

export function createDeliveryStore(options: DeliveryStoreOptions = {}): DeliveryStore {
  const maxRecords = Math.max(1, options.maxRecords ?? DEFAULT_MAX_DELIVERIES);
  /** In insertion order, so the first key is the oldest delivery. */
  const byId = new Map<string, DeliveryRecord>();
  const byPartner = new Map<number, PartnerLog>();
  /** Position of each record in its partner's log, so `update` needs no search. */
  const position = new Map<string, number>();

  function add(record: DeliveryRecord): void {
    if (byId.has(record.id)) throw new Error(`Delivery ${record.id} already exists`);
    let log = byPartner.get(record.partnerId);
    if (!log) {
      log = { items: [], head: 0, base: 0 };
      byPartner.set(record.partnerId, log);
    }
    byId.set(record.id, record);
    position.set(record.id, log.base + log.items.length);
    log.items.push(record);
    while (byId.size > maxRecords) dropOldest();
  }

  /** E36: the oldest delivery leaves the log (a pending one still gets its retries, unlisted). */
  function dropOldest(): void {
    const oldest = byId.values().next().value as DeliveryRecord;
    byId.delete(oldest.id);
    position.delete(oldest.id);
    const log = byPartner.get(oldest.partnerId)!;
    log.items[log.head] = undefined;
    log.head += 1;
    if (log.head === log.items.length) byPartner.delete(oldest.partnerId);
    else if (log.head >= 1024 && log.head * 2 >= log.items.length) {
      log.items = log.items.slice(log.head);
      log.base += log.head;
      log.head = 0;
    }
    options.onDrop?.(oldest);
  }

  function clear(): void {
    byId.clear();
    byPartner.clear();
    position.clear();
  }

  return {
    add,
    get: (id) => byId.get(id),
    update(record) {
      const at = position.get(record.id);
      const log = byPartner.get(record.partnerId);
      if (at === undefined || !log || log.items[at - log.base]?.id !== record.id) return;
      byId.set(record.id, record);
      log.items[at - log.base] = record;
    },
    list(query = {}) {
      const { page, limit } = safePaging(query.page, query.limit); // E30
      const log = query.partnerId === undefined ? undefined : byPartner.get(query.partnerId);
      const source = query.partnerId === undefined ? [...byId.values()] : (log?.items ?? []);
      const found: DeliveryRecord[] = [];
      for (let i = source.length - 1; i >= (log?.head ?? 0); i -= 1) {
        const record = source[i];
        if (record && matches(record, query)) found.push(record);
      }
      const start = (page - 1) * limit;
      return { items: found.slice(start, start + limit), total: found.length };
    },
    clear,
    all: () => [...byId.values()],
    load(records) {
      clear();
      const ordered = [...records].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      for (const record of ordered) add(record);
    },
  };
}
