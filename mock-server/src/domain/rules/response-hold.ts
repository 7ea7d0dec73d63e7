/**
 * E105 `beforeResponse`: a create-payment request that settles its payment at once can make its
 * answer wait for a delivery's first attempt. The payments service runs the creation inside
 * `during`; the webhook fan-out, which runs synchronously inside it (events are published as the
 * payment settles), notes every delivery it makes and hands over the ones the answer must wait for.
 * Outside `during` nothing is held: a payment settled later has no answer to precede.
 */
export interface HeldResponse<T> {
  result: T;
  /** Every delivery made while the request ran, in order. */
  deliveryIds: string[];
  /** The webhook rules that shaped them. */
  ruleIds: string[];
  /** Resolves once every delivery the answer waits for had its first attempt. */
  ready: Promise<void>;
}

export interface ResponseHold {
  during<T>(run: () => T): HeldResponse<T>;
  /** True while a request runs `during`: a delivery made now can precede its answer. */
  active(): boolean;
  /** Notes a delivery made while a request runs, the rule that shaped it, and its first attempt when the answer must wait for it. */
  note(delivery: { id: string; ruleId?: string; firstAttempt?: Promise<void> }): void;
}

const NOTHING_TO_WAIT_FOR: Promise<void> = Promise.resolve();

export function createResponseHold(): ResponseHold {
  let current: { deliveryIds: string[]; ruleIds: string[]; waits: Promise<void>[] } | null = null;
  return {
    during(run) {
      const outer = current;
      const capture = { deliveryIds: [] as string[], ruleIds: [] as string[], waits: [] as Promise<void>[] };
      current = capture;
      try {
        const result = run();
        const { deliveryIds, ruleIds, waits } = capture;
        // Most requests wait for nothing: one settled promise for all of them, not two per request.
        return {
          result,
          deliveryIds,
          ruleIds,
          ready: waits.length === 0 ? NOTHING_TO_WAIT_FOR : Promise.all(waits).then(() => {}),
        };
      } finally {
        current = outer;
      }
    },
    active: () => current !== null,
    note({ id, ruleId, firstAttempt }) {
      if (!current) return;
      current.deliveryIds.push(id);
      if (ruleId !== undefined && !current.ruleIds.includes(ruleId)) current.ruleIds.push(ruleId);
      if (firstAttempt) current.waits.push(firstAttempt);
    },
  };
}
