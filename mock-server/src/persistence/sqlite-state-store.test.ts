import Database from 'better-sqlite3';
import fs from 'node:fs';
import { TABLES, type Table } from '../state/change-log';
import { tempDir, type TempDir } from '../../test/state-file-helpers';
import { openSqliteStateStore, STATE_FILE_FORMAT } from './sqlite-state-store';
import type { StateStore, StoredMeta, StoredWorld, TableRows } from './state-store';

const META: StoredMeta = {
  seq: { partner: 1, credential: 1, merchant: 0, payment: 9, webhook: 0 },
  clock: { offsetMs: 0, nowMs: 1 },
  idsPosition: null,
  faults: { nextId: 0, faults: [] },
};

function world(tables: Partial<Record<Table, TableRows>>): StoredWorld {
  return {
    meta: META,
    tables: Object.fromEntries(TABLES.map((t) => [t, tables[t] ?? []])) as Record<Table, TableRows>,
  };
}

function read(store: StateStore) {
  const loaded = store.load();
  if (!loaded) return null;
  const tables = Object.fromEntries(TABLES.map((t) => [t, [...loaded.tables[t]]]));
  return { meta: loaded.meta, tables };
}

let tmp: TempDir;
const open: StateStore[] = [];
const openStore = () => {
  const store = openSqliteStateStore(tmp.file());
  open.push(store);
  return store;
};
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => {
  open.splice(0).forEach((s) => s.close());
  tmp.remove();
});

describe('the SQLite state file (E50)', () => {
  test('a new file holds no world; a written world reads back in the order it was written', () => {
    let store = openStore();
    expect(store.load()).toBeNull();
    store.replaceAll(
      world({
        payments: [
          [3, { id: 3 }],
          [1, { id: 1 }],
        ],
        stores: [['b', { storeId: 'b' }]],
      }),
    );
    store.close();
    store = openStore();
    const back = read(store)!;
    expect(back.meta).toEqual(META);
    expect(back.tables.payments).toEqual([
      [3, { id: 3 }],
      [1, { id: 1 }],
    ]);
    expect(back.tables.stores).toEqual([['b', { storeId: 'b' }]]);
  });

  test('a commit upserts in place, deletes, empties a table and writes the meta row, all at once', () => {
    let store = openStore();
    store.replaceAll(
      world({
        webhooks: [
          [1, { id: 1, v: 1 }],
          [2, { id: 2 }],
        ],
        deliveries: [['d1', { x: 1 }]],
      }),
    );
    store.commit({
      tables: new Map<Table, Map<string | number, unknown>>([
        [
          'webhooks',
          new Map<string | number, unknown>([
            [1, { id: 1, v: 2 }],
            [2, null],
            [3, { id: 3 }],
          ]),
        ],
      ]),
      cleared: new Set<Table>(['deliveries']),
      meta: { ...META, seq: { ...META.seq, webhook: 3 } },
    });
    store.close();
    store = openStore();
    const back = read(store)!;
    expect(back.tables.webhooks).toEqual([
      [1, { id: 1, v: 2 }],
      [3, { id: 3 }],
    ]);
    expect(back.tables.deliveries).toEqual([]);
    expect((back.meta as StoredMeta).seq.webhook).toBe(3);
  });

  test('close leaves one file: the log is checkpointed into it', () => {
    const store = openStore();
    store.replaceAll(world({ partners: [[1, { id: 1 }]] }));
    expect(fs.existsSync(`${tmp.file()}-wal`)).toBe(true);
    store.close();
    expect(fs.existsSync(`${tmp.file()}-wal`)).toBe(false);
  });

  test('refuses a file of another format, naming both formats (E55)', () => {
    openStore().close();
    open.length = 0;
    const db = new Database(tmp.file());
    db.pragma(`user_version = ${STATE_FILE_FORMAT + 1}`);
    db.close();
    expect(() => openStore()).toThrow(
      `has format ${STATE_FILE_FORMAT + 1}; this acountpay-mock reads format ${STATE_FILE_FORMAT}`,
    );
  });

  test('refuses a directory, and a path whose directory does not exist (E55)', () => {
    expect(() => openSqliteStateStore(tmp.dir)).toThrow(/is not a file/);
    expect(() => openSqliteStateStore(`${tmp.dir}/missing/state.db`)).toThrow(/its directory does not exist/);
  });
});
