/**
 * Acknowledged means durable (E50): every response commits the state's pending changes to the state
 * store before its status line is written, so a 2xx (or any answer) is only ever sent for a state
 * that a restart gives back. Changes made outside a request (an expiry timer, a webhook attempt)
 * are committed right after the callback that made them. Without a state store nothing is tracked
 * and `NO_PERSISTENCE` stands in: the mock runs as fast as it does without persistence.
 */
import type { ServerResponse } from 'node:http';
import { ChangeLog } from '../state/change-log';
import type { StateStore } from './state-store';
import type { Logger } from 'pino';
import type { World } from '../runtime/world';
import type { DeliveryStore } from '../webhooks';
import { captureMeta, captureWorld, type MetaParts, type WorldCounts } from './world';

export type PersistenceParts = MetaParts & { deliveries: Pick<DeliveryStore, 'all'>; logger: Logger };

export interface Persistence {
  /** True when changes reach a state store. */
  readonly durable: boolean;
  /** Commits every pending change now; throws when the store refuses them (they stay pending). */
  flush(): void;
  /**
   * Makes `res` commit the pending changes before its status line is written. When the commit fails
   * the connection is dropped instead: the client never sees an answer for a change that is not stored.
   */
  guard(res: ServerResponse): void;
  /** Commits what is pending and closes the store; later changes stay in memory only. */
  close(): void;
}

export const NO_PERSISTENCE: Persistence = {
  durable: false,
  flush() {},
  guard() {},
  close() {},
};

/** How long to wait before trying again a commit that failed outside any request. */
const RETRY_MS = 1000;

export function createPersistence(parts: PersistenceParts, store: StateStore): Persistence {
  const { state, clock, ids, faults, logger } = parts;
  let closed = false;
  let scheduled = false;
  let retry: NodeJS.Timeout | undefined;
  /**
   * What the meta row holds, without the clock's `nowMs` (which moves on its own), as plain values
   * compared one by one at every commit: rules are compared by reference (every change of them
   * replaces the list) and faults by their registry's version (E227), so nothing is serialised.
   */
  const metaMark = () => {
    const { seq } = state;
    return [
      seq.partner,
      seq.credential,
      seq.merchant,
      seq.payment,
      seq.webhook,
      clock.offsetMs(),
      ids.position?.() ?? null,
      state.ruleSeq,
      state.rules,
      faults.version(),
    ];
  };
  let committedMeta: unknown[] = [];
  const sameMeta = (mark: unknown[]) => mark.every((value, i) => value === committedMeta[i]);

  const changes = new ChangeLog(() => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flushInBackground);
  });

  function flush(): void {
    if (closed) return;
    const mark = metaMark();
    if (changes.isEmpty && sameMeta(mark)) return;
    if (changes.worldReplaced) store.replaceAll(captureWorld(parts));
    else store.commit({ tables: changes.tables, cleared: changes.cleared, meta: captureMeta(parts) });
    changes.clear();
    committedMeta = mark;
  }

  function flushInBackground(): void {
    scheduled = false;
    try {
      flush();
    } catch (err) {
      logger.error({ err, store: store.description }, 'cannot write the state file; will try again');
      if (!retry) {
        retry = setTimeout(() => {
          retry = undefined;
          flushInBackground();
        }, RETRY_MS);
        retry.unref();
      }
    }
  }

  state.changes = changes;
  committedMeta = metaMark();

  return {
    durable: true,
    flush,
    guard(res) {
      const writeHead = res.writeHead.bind(res);
      res.writeHead = ((...args: Parameters<ServerResponse['writeHead']>) => {
        res.writeHead = writeHead;
        try {
          flush();
        } catch (err) {
          logger.error({ err, store: store.description }, 'cannot write the state file; dropping the response');
          res.destroy();
          return res;
        }
        return writeHead(...args);
      }) as ServerResponse['writeHead'];
    },
    close() {
      if (closed) return;
      try {
        flush();
      } catch (err) {
        logger.error({ err, store: store.description }, 'cannot write the state file at shutdown');
      }
      closed = true;
      if (retry) clearTimeout(retry);
      if (state.changes === changes) state.changes = null;
      store.close();
    },
  };
}

/**
 * Opens the mock on a state store: a stored world is checked and installed (and `prepare`, e.g. the
 * start-up scenario, is skipped); a store without a world gets `prepare`'s world written first.
 * Returns the restored counts, or null when the store was empty.
 */
export async function startPersistence(
  parts: PersistenceParts & { world: Pick<World, 'install'>; persistence: Persistence },
  store: StateStore,
  prepare: () => void | Promise<void>,
): Promise<WorldCounts | null> {
  const world = store.load();
  const restored = world ? parts.world.install(world) : null;
  if (!world) await prepare();
  const persistence = createPersistence(parts, store);
  if (!world) {
    parts.state.changes?.replaceWorld();
    persistence.flush();
  }
  parts.persistence = persistence;
  return restored;
}
