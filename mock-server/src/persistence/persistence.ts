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
import { captureMeta, captureWorld, installWorld, type WorldCounts, type WorldDeps } from './world';

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

export function createPersistence(deps: WorldDeps, store: StateStore): Persistence {
  const { state, logger } = deps;
  let closed = false;
  let scheduled = false;
  let retry: NodeJS.Timeout | undefined;
  /** The meta row as last committed, without the clock's `nowMs` (which moves on its own). */
  let committedMeta = '';
  const metaKey = () => {
    const meta = captureMeta(deps);
    return JSON.stringify([meta.seq, meta.clock.offsetMs, meta.idsPosition, meta.faults, meta.rules]);
  };

  const changes = new ChangeLog(() => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flushInBackground);
  });

  function flush(): void {
    if (closed) return;
    const key = metaKey();
    if (changes.isEmpty && key === committedMeta) return;
    if (changes.worldReplaced) store.replaceAll(captureWorld(deps));
    else store.commit({ tables: changes.tables, cleared: changes.cleared, meta: captureMeta(deps) });
    changes.clear();
    committedMeta = key;
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
  committedMeta = metaKey();

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
  deps: WorldDeps & { persistence: Persistence },
  store: StateStore,
  prepare: () => void | Promise<void>,
): Promise<WorldCounts | null> {
  const world = store.load();
  const restored = world ? installWorld(deps, world) : null;
  if (!world) await prepare();
  const persistence = createPersistence(deps, store);
  if (!world) {
    deps.state.changes?.replaceWorld();
    persistence.flush();
  }
  deps.persistence = persistence;
  return restored;
}
