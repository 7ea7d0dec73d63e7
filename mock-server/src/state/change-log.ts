/**
 * The records that changed since the last commit to the state file (E50). The state's one writer
 * (MockState, and the delivery log through persistence/tracked-deliveries.ts) puts every record it
 * adds or changes here, by table and key; the persistence layer writes them in one transaction
 * before the next response leaves, then clears the log. Entries hold the live record, so a record
 * changed twice before a commit is written once, as it is at commit time.
 *
 * Without a state file no log exists (MockState.changes is null) and nothing is tracked.
 */
export const TABLES = [
  'partners',
  'credentials',
  'merchants',
  'stores',
  'payments',
  'webhooks',
  'usedOnboardingTokens',
  'mockSettlements',
  'deliveries',
] as const;
export type Table = (typeof TABLES)[number];
export type RecordKey = string | number;

/** What a table's entry holds: the live value to write, or `null` for a deleted key. */
export type TableChanges = Map<RecordKey, unknown>;

export class ChangeLog {
  readonly tables = new Map<Table, TableChanges>();
  /** Tables emptied before their entries were put (a cleared delivery log). */
  readonly cleared = new Set<Table>();
  /** The whole world was replaced (reset, scenario load, state import): the next commit rewrites everything. */
  worldReplaced = false;
  private dirty = false;

  /** `onDirty` runs when the first change after a commit arrives (the persistence layer schedules a commit). */
  constructor(private readonly onDirty: () => void = () => {}) {}

  put(table: Table, key: RecordKey, value: unknown): void {
    let changes = this.tables.get(table);
    if (!changes) {
      changes = new Map();
      this.tables.set(table, changes);
    }
    changes.set(key, value);
    this.markDirty();
  }

  delete(table: Table, key: RecordKey): void {
    this.put(table, key, null);
  }

  clearTable(table: Table): void {
    this.tables.delete(table);
    this.cleared.add(table);
    this.markDirty();
  }

  replaceWorld(): void {
    this.tables.clear();
    this.cleared.clear();
    this.worldReplaced = true;
    this.markDirty();
  }

  get isEmpty(): boolean {
    return !this.dirty;
  }

  /** After a successful commit. */
  clear(): void {
    this.tables.clear();
    this.cleared.clear();
    this.worldReplaced = false;
    this.dirty = false;
  }

  private markDirty(): void {
    if (this.dirty) return;
    this.dirty = true;
    this.onDirty();
  }
}
