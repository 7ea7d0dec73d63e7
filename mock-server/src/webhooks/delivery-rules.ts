/**
 * E105: what a webhook behaviour rule does to a delivery, as pieces the dispatcher calls at its
 * few decision points (queue, attempt, record). Everything a rule changes is written on the
 * delivery itself (`rule`, with a note per effect, and `rule` on the attempts it dropped or
 * repeated), so the log explains it (E106) and a restart from the state file knows where it was:
 * which attempts were dropped, whether the duplicate went out, whether it is still held.
 */
import { toIso, type Clock } from '../shared/clock';
import type { Timeline } from '../shared/timeline';
import type { DeliveryAttempt, DeliveryRecord, DeliveryRule } from '../state/records';
import { isSuccessful } from './delivery-attempt';

/**
 * What the fan-out asks of a delivery: the rule's webhook behaviour, its delay drawn; the part of the
 * spec's DeliveryRule that the rule decides (the rest is what happened to the delivery).
 */
export type DeliveryShape = Pick<
  DeliveryRule,
  'ruleId' | 'duplicate' | 'delayMs' | 'outOfOrder' | 'beforeResponse' | 'dropFirst'
>;

export function ruleRecord(shape: DeliveryShape): DeliveryRule {
  const { ruleId, duplicate, delayMs, outOfOrder, beforeResponse, dropFirst } = shape;
  return {
    ruleId,
    ...(duplicate !== undefined && { duplicate }),
    ...(delayMs !== undefined && { delayMs }),
    ...(outOfOrder && { outOfOrder }),
    ...(beforeResponse && { beforeResponse }),
    ...(dropFirst !== undefined && { dropFirst }),
    ...(outOfOrder && { releasedBy: null }),
    notes: [],
  };
}

export function note(delivery: DeliveryRecord, text: string): void {
  delivery.rule?.notes.push(text);
}

/** `30000` → `30 s`, `1500` → `1500 ms`. */
export function describeDelay(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** `outOfOrder` holds payment.completed only (E105): other events flow, and release it. */
export function isHeld(delivery: DeliveryRecord): boolean {
  return delivery.rule?.outOfOrder === true && delivery.event === 'payment.completed';
}

/** The attempt to record instead of sending one, when the rule drops this one (`dropFirst`). */
export function droppedAttempt(delivery: DeliveryRecord, clock: Clock): DeliveryAttempt | undefined {
  const rule = delivery.rule;
  const n = delivery.attempts.length + 1;
  if (!rule?.dropFirst || n > rule.dropFirst || delivery.attempts.some(isSuccessful)) return undefined;
  note(delivery, `attempt ${n} dropped, not sent (dropFirst ${rule.dropFirst})`);
  return {
    attempt: n,
    startedAt: toIso(clock.now()),
    durationMs: 0,
    statusCode: null,
    error: `not sent: rule ${rule.ruleId} drops the first ${rule.dropFirst} attempt${rule.dropFirst === 1 ? '' : 's'}`,
    responseSnippet: null,
    rule: { ruleId: rule.ruleId, effect: 'dropped' },
  };
}

const sendsSameId = (rule: DeliveryRule | undefined) => rule?.duplicate === 'same-id' || rule?.duplicate === 'both';
export const sendsCopy = (rule: DeliveryRule | undefined) =>
  rule !== undefined && rule.duplicateOf === undefined && (rule.duplicate === 'new-id' || rule.duplicate === 'both');

/** True when the attempt about to be made is the `same-id` duplicate: the delivery went through once already. */
export function isRepeat(delivery: DeliveryRecord): boolean {
  return sendsSameId(delivery.rule) && delivery.attempts.some((a) => isSuccessful(a) && a.rule === undefined);
}

/** After a successful first delivery: is the same request still to be sent again? */
export function repeatDue(delivery: DeliveryRecord): boolean {
  return sendsSameId(delivery.rule) && !delivery.attempts.some((a) => a.rule?.effect === 'duplicate');
}

interface HeldEntry {
  delivery: DeliveryRecord;
  /** Creation order: only a delivery made after this one releases it. */
  order: number;
}

export interface HoldBook {
  /** Holds the delivery until a later one to the same webhook about the same merchant goes out, or `untilMs`. */
  hold(delivery: DeliveryRecord, untilMs: number, order: number): void;
  /** The deliveries `sent` (whose attempt just went out) releases; they leave the book. */
  releasedBy(sent: DeliveryRecord, order: number | undefined): DeliveryRecord[];
  size(): number;
  clear(): void;
}

const bookKey = (d: DeliveryRecord) => `${d.webhookId}:${d.merchantId ?? '-'}`;
const timerKey = (d: DeliveryRecord) => `delivery:${d.id}:hold`;

/**
 * Held deliveries by webhook and merchant. The longest hold is a task of the timeline; when it
 * fires, `onTimeout` queues the delivery.
 */
export function createHoldBook(timeline: Timeline, onTimeout: (d: DeliveryRecord) => void): HoldBook {
  const book = new Map<string, HeldEntry[]>();
  let count = 0;

  function remove(entry: HeldEntry): void {
    const key = bookKey(entry.delivery);
    const list = (book.get(key) ?? []).filter((e) => e !== entry);
    if (list.length > 0) book.set(key, list);
    else book.delete(key);
    count -= 1;
    timeline.cancel(timerKey(entry.delivery));
  }

  return {
    hold(delivery, untilMs, order) {
      const entry = { delivery, order };
      const key = bookKey(delivery);
      book.set(key, [...(book.get(key) ?? []), entry]);
      count += 1;
      timeline.schedule(timerKey(delivery), untilMs, () => {
        if (!(book.get(key) ?? []).includes(entry)) return;
        remove(entry);
        onTimeout(delivery);
      });
    },
    releasedBy(sent, order) {
      if (count === 0 || order === undefined || sent.merchantId === null) return [];
      const released = (book.get(bookKey(sent)) ?? []).filter((e) => e.order < order && e.delivery !== sent);
      released.forEach(remove);
      return released.map((e) => e.delivery);
    },
    size: () => count,
    clear() {
      for (const list of book.values()) for (const entry of list) timeline.cancel(timerKey(entry.delivery));
      book.clear();
      count = 0;
    },
  };
}
