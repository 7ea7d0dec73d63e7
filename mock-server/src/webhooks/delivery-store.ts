/**
 * Delivery log (D29): every delivery with all its attempts, for the QA console, the control API and
 * export/import. Kept per partner so that a partner's list never scans other partners' deliveries.
 */
import { safePaging } from '../shared/paging';
import type { DeliveryOutcome, DeliveryRecord, WebhookEventType } from '../state/records';

export interface DeliveryFilter {
  partnerId?: number;
  event?: WebhookEventType;
  paymentId?: number;
  merchantId?: number;
  webhookId?: number;
  outcome?: DeliveryOutcome;
}

export interface DeliveryQuery extends DeliveryFilter {
  /** From 1; default 1. */
  page?: number;
  /** Default 20 (D21). */
  limit?: number;
}

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

export function createDeliveryStore(): DeliveryStore {
  const byId = new Map<string, DeliveryRecord>();
  const byPartner = new Map<number, DeliveryRecord[]>();
  /** Position of each record in its partner's array, so `update` needs no search. */
  const position = new Map<string, number>();

  function add(record: DeliveryRecord): void {
    if (byId.has(record.id)) throw new Error(`Delivery ${record.id} already exists`);
    let list = byPartner.get(record.partnerId);
    if (!list) {
      list = [];
      byPartner.set(record.partnerId, list);
    }
    byId.set(record.id, record);
    position.set(record.id, list.length);
    list.push(record);
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
      const index = position.get(record.id);
      const list = byPartner.get(record.partnerId);
      if (index === undefined || !list || list[index]?.id !== record.id) return;
      byId.set(record.id, record);
      list[index] = record;
    },
    list(query = {}) {
      const { page, limit } = safePaging(query.page, query.limit); // E30
      const source = query.partnerId === undefined ? [...byId.values()] : (byPartner.get(query.partnerId) ?? []);
      const found: DeliveryRecord[] = [];
      for (let i = source.length - 1; i >= 0; i -= 1) {
        const record = source[i]!;
        if (matches(record, query)) found.push(record);
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
