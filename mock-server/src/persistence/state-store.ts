/**
 * Where the mock's state lives between runs (E50). The services never see this: they change
 * MockState, MockState puts what changed in its ChangeLog, and the persistence layer hands the log to
 * a StateStore before the response leaves. A SQLite file is the one implementation today
 * (sqlite-state-store.ts); a store shared by several instances would implement this same interface.
 */
import type { StoredRule } from '../../../fixtures/src/rules';
import type { FaultsDump } from '../control/faults';
import type { RecordKey, Table, TableChanges } from '../state/change-log';
import type { Sequences } from '../state/mock-state';

export type { RecordKey, Table };

/** The few values that are not records: id counters, the clock and the QA faults. */
export interface StoredMeta {
  /** Highest id given out per kind; ids continue from here and are never reused (E52). */
  seq: Sequences;
  /** How far QA moved the clock, and the clock's time at the commit: time never runs backwards (E52). */
  clock: { offsetMs: number; nowMs: number };
  /** Where a seeded id sequence (`--seed`) has got to; null for random ids (E52). */
  idsPosition: number | null;
  faults: FaultsDump;
  /** E102: the world's rules, first match first, and the number of the last generated rule id; absent in older files. */
  rules?: { nextId: number; rules: StoredRule[] };
}

/** One table's rows in the order they were first written: [key, value]. */
export type TableRows = Iterable<readonly [RecordKey, unknown]>;

/**
 * A whole world. Values are, per table: the record itself (partners … webhooks), the merchant id of
 * a used onboarding token, the clock ms of a pending mock settlement, and `{ record, secret }` of a
 * webhook delivery.
 */
export interface StoredWorld {
  meta: StoredMeta;
  tables: Record<Table, TableRows>;
}

/** What a store reads back: nothing in it is trusted until persistence/world.ts has checked it. */
export interface LoadedWorld {
  meta: unknown;
  tables: Record<Table, TableRows>;
}

export interface ChangeSet {
  /** Per table: key → value as it is now, or null for a deleted key. */
  tables: ReadonlyMap<Table, TableChanges>;
  /** Tables to empty before writing their entries. */
  cleared: ReadonlySet<Table>;
  meta: StoredMeta;
}

export interface StateStore {
  /** Names the store in messages, e.g. the file's path. */
  readonly description: string;
  /**
   * The stored world, or null when the store holds none yet. Each table's rows can be read once,
   * in table order, before any other call. Throws StateFileError when the store cannot be read.
   */
  load(): LoadedWorld | null;
  /** Writes the changes atomically; when it returns they survive a crash of the process. */
  commit(changes: ChangeSet): void;
  /** Replaces everything with `world` atomically (reset, scenario load, state import). */
  replaceAll(world: StoredWorld): void;
  /** Makes everything durable and releases the store. */
  close(): void;
}

/** A state store that cannot be read or does not belong to this mock: a clear message, never a silent reset. */
export class StateFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateFileError';
  }
}
