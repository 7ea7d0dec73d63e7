/**
 * The webhook dispatcher (D29): stores each delivery, sends it off the request path, retries on the
 * configured schedule by the mock's clock, and records every attempt. Timing is the timeline's and
 * concurrency the attempt slots'; this file decides what an attempt means.
 */
import { DEFAULT_HOLD_MS } from '../../../fixtures/src/rules';
import { toIso } from '../shared/clock';
import type { Timeline } from '../shared/timeline';
import type { DeliveryAttempt, DeliveryRecord } from '../state/records';
import { createAttemptSlots } from './attempt-slots';
import { isSuccessful, performAttempt } from './delivery-attempt';
import { deliveryFromInput, newDeliveryRecord, type DeliveryInput } from './delivery-record';
import {
  createHoldBook,
  describeDelay,
  droppedAttempt,
  isHeld,
  isRepeat,
  note,
  repeatDue,
  sendsCopy,
} from './delivery-rules';
import type { DeliveryStore } from './delivery-store';
import type { WebhookHttpClient } from './http-client';
import { signWebhookBody } from './signature';
import { memoByUrl } from './url-memo';

/** D29: five retries after the first attempt, 10 s × 3ⁿ. */
export const DEFAULT_RETRY_SCHEDULE: readonly number[] = [10_000, 30_000, 90_000, 270_000, 810_000];
export const DEFAULT_TIMEOUT_MS = 10_000;
/**
 * E205 (E195, D29, E10): attempts in flight at once, and to one receiver origin. An attempt holds
 * its slot until the mock has read the answer, which on a busy mock is one turn of its event loop
 * (50–200 ms), not the receiver's 2 ms; each turn also answers up to one create per client
 * connection, so a cap below the clients' connections (64 in webhooks at volume) queued deliveries
 * in the mock. A hanging receiver still holds only a quarter of the slots.
 */
export const DEFAULT_MAX_CONCURRENCY = 512;
export const DEFAULT_MAX_PER_ENDPOINT = 128;
/** E36: deliveries that may wait for an attempt at once. */
export const DEFAULT_MAX_PENDING = 10_000;

export interface DispatcherLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface DispatcherDeps {
  /** The mock's one timeline (E140): attempts, retries and the longest hold of an `outOfOrder` delivery. */
  timeline: Timeline;
  http: WebhookHttpClient;
  logger: DispatcherLogger;
  store: DeliveryStore;
  newDeliveryId: () => string;
  /** Delays in ms between attempts; its length is the number of retries. */
  retrySchedule?: readonly number[];
  timeoutMs?: number;
  /** Requests in flight at once (default DEFAULT_MAX_CONCURRENCY); more wait in the queue. */
  maxConcurrency?: number;
  /** Requests in flight to one origin (default DEFAULT_MAX_PER_ENDPOINT), so one hanging receiver cannot fill every slot. */
  maxPerEndpoint?: number;
  /**
   * E36: deliveries waiting or in flight at most (default DEFAULT_MAX_PENDING); beyond it a new one
   * is recorded as failed at once, unsent, so a flood towards a dead receiver cannot grow memory.
   */
  maxPending?: number;
  /** Called after every attempt (the server updates `lastTriggeredAt`). */
  onAttempt?: (delivery: DeliveryRecord) => void;
  /** Finds a webhook's secret to redeliver imported deliveries, whose secrets this process never saw. */
  lookupSecret?: (webhookId: number) => string | undefined;
  /** E105: how long `outOfOrder` holds a delivery when its rule gives no delay. */
  defaultHoldMs?: number;
}

export interface EnqueueOptions {
  /** E105 `beforeResponse`: called once the delivery's first attempt ended (or it will never have one). */
  onFirstAttempt?: () => void;
}

export interface WebhookDispatcher {
  enqueue(input: DeliveryInput, options?: EnqueueOptions): DeliveryRecord;
  /** One attempt, no retries; resolves with the finished delivery (the "send test" endpoint, D26). */
  sendOnce(input: DeliveryInput): Promise<DeliveryRecord>;
  /** A new delivery (new id) of the same body to the same webhook; undefined when unknown. */
  redeliver(deliveryId: string): DeliveryRecord | undefined;
  /**
   * Queues again a pending delivery that is already in the store (read back from the state file
   * after a restart, E53): its next attempt at `nextAttemptAt` (now when unset), with retries.
   */
  resume(delivery: DeliveryRecord, secret: string): void;
  /** Resolves once nothing is in flight and nothing is due by the clock's now. */
  drain(): Promise<void>;
  pendingCount(): number;
  setRetrySchedule(schedule: readonly number[]): void;
  retrySchedule(): readonly number[];
  /** Drops every waiting attempt and remembered secret (a state reset); in-flight requests finish unrecorded. */
  reset(): void;
  /** Stops timers and starts nothing new; in-flight requests may finish. */
  close(): void;
}

interface QueueItem {
  dueAt: number;
  seq: number;
  key: string;
  delivery: DeliveryRecord;
  signature: string;
  retries: boolean;
  generation: number;
  onFinal?: (delivery: DeliveryRecord) => void;
  onFirstAttempt?: () => void;
}

function checkSchedule(schedule: readonly number[]): number[] {
  const copy = [...schedule];
  if (copy.some((ms) => !Number.isFinite(ms) || ms < 0)) {
    throw new RangeError('retrySchedule must be a list of delays in ms, each ≥ 0');
  }
  return copy;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

export function createWebhookDispatcher(deps: DispatcherDeps): WebhookDispatcher {
  const { timeline, store, logger } = deps;
  const clock = timeline.clock;
  let schedule = checkSchedule(deps.retrySchedule ?? DEFAULT_RETRY_SCHEDULE);
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxPending = deps.maxPending ?? DEFAULT_MAX_PENDING;
  /** Secrets stay here, never in the exported DeliveryRecord. */
  const secrets = new Map<string, string>();
  /** E196: a receiver's origin (the per-receiver cap's key), parsed once per URL. */
  const origin = memoByUrl(originOf);
  /** Bumped by reset(): attempts that were in flight then are not recorded or retried. */
  let generation = 0;
  /** E105: creation order of the deliveries of this process, so that only a later one releases a held one. */
  const order = new WeakMap<DeliveryRecord, number>();
  let created = 0;
  const held = createHoldBook(timeline, (delivery) => {
    note(delivery, 'released: no later event of the merchant went out in time (outOfOrder)');
    release(delivery);
  });

  const slots = createAttemptSlots<QueueItem>({
    timeline,
    maxConcurrency: deps.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY,
    maxPerKey: deps.maxPerEndpoint ?? DEFAULT_MAX_PER_ENDPOINT,
    run: async (item) => {
      item.delivery.nextAttemptAt = null;
      const repeat = isRepeat(item.delivery); // E105 duplicate `same-id`: the same request once more
      const attempt =
        droppedAttempt(item.delivery, clock) ??
        (await performAttempt({ http: deps.http, clock, timeoutMs }, item.delivery, item.signature));
      if (repeat) attempt.rule = { ruleId: item.delivery.rule!.ruleId, effect: 'duplicate' };
      record(item, attempt, repeat);
    },
  });

  function record(item: QueueItem, attempt: DeliveryAttempt, repeat = false): void {
    const delivery = item.delivery;
    const current = item.generation === generation;
    delivery.attempts.push(attempt);
    delivery.updatedAt = toIso(clock.now());
    // A repeat (E105) changes nothing of the outcome: the delivery went through before it.
    const ok = repeat || isSuccessful(attempt);
    const retry = !ok && current && item.retries && delivery.attempts.length <= schedule.length;
    const again = ok && !repeat && current && repeatDue(delivery);
    if (repeat) note(delivery, `attempt ${attempt.attempt} sent the same request again (duplicate)`);
    if (retry || again) {
      const dueAt = retry ? clock.nowMs() + schedule[delivery.attempts.length - 1]! : clock.nowMs();
      delivery.nextAttemptAt = toIso(dueAt);
      if (again) note(delivery, 'delivered; the same request goes again with the same delivery id (duplicate)');
      slots.add(item, dueAt);
    } else {
      delivery.outcome = ok ? 'delivered' : 'failed';
      delivery.nextAttemptAt = null;
    }
    if (current && attempt.rule?.effect !== 'dropped') releaseAfter(delivery);
    if (current && !retry && !again && ok && sendsCopy(delivery.rule)) copy(delivery);
    if (current) {
      store.update(delivery);
      log(delivery, attempt, ok, retry);
      try {
        deps.onAttempt?.(delivery);
      } catch (err) {
        logger.warn({ err, deliveryId: delivery.id }, 'onAttempt failed');
      }
    }
    if (item.onFirstAttempt) {
      const ended = attempt.rule?.effect === 'dropped' ? 'was dropped' : 'ended';
      if (delivery.rule?.beforeResponse)
        note(delivery, `the first attempt ${ended} before the create-payment answer was written`);
      firstAttemptDone(item);
    }
    if (!retry && !again) item.onFinal?.(delivery);
  }

  function firstAttemptDone(item: { onFirstAttempt?: () => void }): void {
    const done = item.onFirstAttempt;
    delete item.onFirstAttempt;
    done?.();
  }

  /** E105 `outOfOrder`: queues a held delivery now. */
  function release(delivery: DeliveryRecord): void {
    const secret = secrets.get(delivery.id);
    if (secret === undefined) return;
    delivery.nextAttemptAt = toIso(clock.now());
    store.update(delivery);
    queue(delivery, secret, true, clock.nowMs());
  }

  /** E105 `outOfOrder`: `sent` went out, so the deliveries it is later than go now. */
  function releaseAfter(sent: DeliveryRecord): void {
    for (const delivery of held.releasedBy(sent, order.get(sent))) {
      delivery.rule!.releasedBy = sent.id;
      note(delivery, `released by ${sent.id}, a later event of the merchant that went out (outOfOrder)`);
      release(delivery);
    }
  }

  /** E105 duplicate `new-id`, `both`: a second delivery of the same event, same body and signature. */
  function copy(original: DeliveryRecord): void {
    const secret = secrets.get(original.id);
    if (secret === undefined) return;
    const twin = newDeliveryRecord(deps.newDeliveryId(), original, clock);
    twin.rule = {
      ruleId: original.rule!.ruleId,
      duplicateOf: original.id,
      notes: [`a second delivery of the same event as ${original.id} (duplicate ${original.rule!.duplicate})`],
    };
    note(original, `a second delivery of the same event was queued: ${twin.id} (duplicate)`);
    store.update(original);
    if (full()) refuse(twin);
    else submit(twin, secret, true);
  }

  function log(delivery: DeliveryRecord, attempt: DeliveryAttempt, ok: boolean, retry: boolean): void {
    const line = {
      deliveryId: delivery.id,
      webhookId: delivery.webhookId,
      partnerId: delivery.partnerId,
      event: delivery.event,
      url: delivery.url,
      attempt: attempt.attempt,
      statusCode: attempt.statusCode,
      durationMs: attempt.durationMs,
      outcome: delivery.outcome,
      ...(attempt.error ? { error: attempt.error } : {}),
      ...(retry ? { nextAttemptAt: delivery.nextAttemptAt } : {}),
    };
    if (ok) logger.info(line, 'webhook delivered');
    else logger.warn(line, retry ? 'webhook attempt failed; will retry' : 'webhook delivery failed');
  }

  /** E36: with `maxPending` deliveries already waiting, a new one is recorded as failed, unsent. */
  function refuse(delivery: DeliveryRecord): DeliveryRecord {
    const attempt: DeliveryAttempt = {
      attempt: 1,
      startedAt: toIso(clock.now()),
      durationMs: 0,
      statusCode: null,
      error: `not sent: ${maxPending} deliveries are already waiting for an attempt`,
      responseSnippet: null,
    };
    delivery.attempts.push(attempt);
    delivery.outcome = 'failed';
    delivery.nextAttemptAt = null;
    store.add(delivery);
    log(delivery, attempt, false, false);
    return delivery;
  }

  // Held deliveries (outOfOrder) wait too: they count against the cap like scheduled attempts.
  const full = (): boolean => slots.size() + held.size() >= maxPending;

  /** Ends a delivery that will never be attempted again, so a caller awaiting it gets an answer. */
  function abandon(item: QueueItem): void {
    item.delivery.outcome = 'failed';
    item.delivery.nextAttemptAt = null;
    firstAttemptDone(item);
    item.onFinal?.(item.delivery);
  }

  function submit(delivery: DeliveryRecord, secret: string, retries: boolean, onFinal?: QueueItem['onFinal']): void {
    store.add(delivery);
    queue(delivery, secret, retries, clock.nowMs(), onFinal);
  }

  /**
   * E105: a delivery a rule shaped waits as the rule says, held back (`outOfOrder`) or late (`delay`);
   * `now` is when it would go otherwise.
   */
  function queueShaped(delivery: DeliveryRecord, secret: string, now: number, options?: EnqueueOptions): void {
    const rule = delivery.rule!;
    order.set(delivery, ++created);
    if (rule.beforeResponse)
      note(
        delivery,
        options?.onFirstAttempt
          ? 'the create-payment answer waits for the first attempt (beforeResponse)'
          : 'no answer to precede: the payment was not settled in its create request (beforeResponse)',
      );
    if (isHeld(delivery) && delivery.attempts.length === 0) {
      const untilMs = now + (rule.delayMs ?? deps.defaultHoldMs ?? DEFAULT_HOLD_MS);
      secrets.set(delivery.id, secret);
      delivery.nextAttemptAt = toIso(untilMs);
      note(
        delivery,
        `held until a later event of merchant ${delivery.merchantId ?? '-'} goes out to this webhook, at the latest ${delivery.nextAttemptAt} (outOfOrder)`,
      );
      store.update(delivery);
      held.hold(delivery, untilMs, created);
      return;
    }
    const dueAt = now + (rule.outOfOrder ? 0 : (rule.delayMs ?? 0));
    if (dueAt > clock.nowMs()) {
      delivery.nextAttemptAt = toIso(dueAt);
      if (delivery.attempts.length === 0) note(delivery, `first attempt ${describeDelay(dueAt - now)} late (delay)`);
      store.update(delivery);
    }
    queue(delivery, secret, true, dueAt, undefined, options?.onFirstAttempt);
  }

  function queue(
    delivery: DeliveryRecord,
    secret: string,
    retries: boolean,
    dueAt: number,
    onFinal?: QueueItem['onFinal'],
    onFirstAttempt?: QueueItem['onFirstAttempt'],
  ): void {
    secrets.set(delivery.id, secret);
    const item: QueueItem = {
      dueAt: 0,
      seq: 0,
      key: origin(delivery.url),
      delivery,
      signature: signWebhookBody(delivery.body, secret),
      retries,
      generation,
    };
    if (onFinal) item.onFinal = onFinal;
    if (onFirstAttempt) item.onFirstAttempt = onFirstAttempt;
    slots.add(item, dueAt);
  }

  return {
    enqueue(input, options) {
      const delivery = deliveryFromInput(deps.newDeliveryId(), input, clock);
      if (full()) {
        refuse(delivery);
        options?.onFirstAttempt?.();
        return delivery;
      }
      if (!delivery.rule) {
        order.set(delivery, ++created);
        submit(delivery, input.webhook.secret, true);
        return delivery;
      }
      store.add(delivery);
      queueShaped(delivery, input.webhook.secret, clock.nowMs(), options);
      return delivery;
    },
    sendOnce(input) {
      const delivery = deliveryFromInput(deps.newDeliveryId(), input, clock);
      if (full()) return Promise.resolve(refuse(delivery));
      return new Promise((resolve) => submit(delivery, input.webhook.secret, false, resolve));
    },
    redeliver(deliveryId) {
      const original = store.get(deliveryId);
      if (!original) return undefined;
      const secret = secrets.get(deliveryId) ?? deps.lookupSecret?.(original.webhookId);
      if (secret === undefined) return undefined;
      const delivery = newDeliveryRecord(deps.newDeliveryId(), original, clock);
      if (full()) return refuse(delivery);
      submit(delivery, secret, true);
      return delivery;
    },
    resume(delivery, secret) {
      const dueAt = delivery.nextAttemptAt === null ? clock.nowMs() : Date.parse(delivery.nextAttemptAt);
      // E105: a held delivery waits again for a later event, until the same latest time.
      if (isHeld(delivery) && delivery.attempts.length === 0 && delivery.rule?.releasedBy === null) {
        order.set(delivery, ++created);
        secrets.set(delivery.id, secret);
        held.hold(delivery, dueAt, created);
        return;
      }
      queue(delivery, secret, true, dueAt);
    },
    drain: () => slots.drain(),
    pendingCount: () => slots.size() + held.size(),
    setRetrySchedule(next) {
      schedule = checkSchedule(next);
    },
    retrySchedule: () => [...schedule],
    reset() {
      generation += 1;
      held.clear();
      slots.clear().forEach(abandon);
      secrets.clear();
    },
    close() {
      held.clear();
      slots.close();
      // Queued deliveries stay pending in the store; only awaited ones (sendOnce) need an answer.
      for (const item of slots.clear()) if (item.onFinal) abandon(item);
    },
  };
}
