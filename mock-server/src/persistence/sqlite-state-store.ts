/**
 * The state file (E50): a SQLite database in WAL mode, one table per kind of record, each row the
 * record as JSON under its key, in the order it was first written. A commit is one transaction;
 * `synchronous = NORMAL` makes a committed transaction survive the death of the process (E54).
 * The file is locked for this process while it is open, so a second mock cannot write it (E55).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { TABLES, type Table } from '../state/change-log';
import {
  StateFileError,
  type ChangeSet,
  type LoadedWorld,
  type RecordKey,
  type StateStore,
  type StoredWorld,
  type TableRows,
} from './state-store';

/** "APMK" in PRAGMA application_id marks a file as an acountpay-mock state file. */
const APPLICATION_ID = 0x41504d4b;
/** PRAGMA user_version: the layout of the tables below. */
export const STATE_FILE_FORMAT = 1;

const SQL_TABLE: Record<Table, { name: string; key: 'INTEGER' | 'TEXT' }> = {
  partners: { name: 'partners', key: 'INTEGER' },
  credentials: { name: 'credentials', key: 'INTEGER' },
  merchants: { name: 'merchants', key: 'INTEGER' },
  stores: { name: 'stores', key: 'TEXT' },
  payments: { name: 'payments', key: 'INTEGER' },
  webhooks: { name: 'webhooks', key: 'INTEGER' },
  usedOnboardingTokens: { name: 'used_onboarding_tokens', key: 'TEXT' },
  mockSettlements: { name: 'mock_settlements', key: 'INTEGER' },
  deliveries: { name: 'deliveries', key: 'TEXT' },
};

interface TableStatements {
  upsert: Database.Statement<[RecordKey, string]>;
  insert: Database.Statement<[RecordKey, string]>;
  remove: Database.Statement<[RecordKey]>;
  clear: Database.Statement<[]>;
  /** Raw rows: [id, doc]. */
  rows: Database.Statement<[], [RecordKey, string]>;
}

/** The error's own message; errors from the native binding may come from another realm (under Jest), so no instanceof. */
const message = (err: unknown): string => {
  const text = err && typeof err === 'object' ? (err as { message?: unknown }).message : undefined;
  return typeof text === 'string' ? text : String(err);
};

export function openSqliteStateStore(file: string): StateStore {
  const resolved = path.resolve(file);
  const fail = (problem: string): never => {
    throw new StateFileError(`State file ${resolved}: ${problem}`);
  };
  if (fs.existsSync(resolved) && !fs.statSync(resolved).isFile()) fail('is not a file');
  if (!fs.existsSync(path.dirname(resolved))) fail('its directory does not exist');

  let db: Database.Database;
  try {
    // A short busy timeout: the only other holder of the lock can be another process (E55).
    db = new Database(resolved, { timeout: 200 });
  } catch (err) {
    return fail(`cannot be opened: ${message(err)}`);
  }
  try {
    // EXCLUSIVE: the lock is taken at the first read and kept until close; WAL then needs no -shm file.
    db.pragma('locking_mode = EXCLUSIVE');
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((row) => row.name);
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const format = db.pragma('user_version', { simple: true }) as number;
    if (tables.length === 0 && applicationId === 0) {
      createSchema(db);
    } else if (applicationId !== APPLICATION_ID) {
      fail('is a SQLite database but not an acountpay-mock state file');
    } else if (format !== STATE_FILE_FORMAT) {
      fail(`has format ${format}; this acountpay-mock reads format ${STATE_FILE_FORMAT}`);
    } else {
      const missing = Object.values(SQL_TABLE)
        .map((t) => t.name)
        .concat('meta')
        .filter((name) => !tables.includes(name));
      if (missing.length > 0) fail(`lacks the table(s) ${missing.join(', ')}`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL'); // E54
    // The log is checkpointed into the file every ~40 MB (fewer syncs than SQLite's 4 MB default on a
    // busy disk) and cut back to 64 MB after a large write (a reset); a restart replays it in well under a second.
    db.pragma('wal_autocheckpoint = 10000');
    db.pragma('journal_size_limit = 67108864');
  } catch (err) {
    db.close();
    if (err instanceof StateFileError) throw err;
    const text = message(err);
    if (/locked|busy/i.test(text)) return fail('is in use by another process (another acountpay-mock?)');
    return fail(`cannot be read: ${text}`);
  }

  const statements = new Map<Table, TableStatements>();
  for (const table of TABLES) {
    const { name } = SQL_TABLE[table];
    statements.set(table, {
      upsert: db.prepare(
        `INSERT INTO ${name} (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`,
      ),
      insert: db.prepare(`INSERT INTO ${name} (id, doc) VALUES (?, ?)`),
      remove: db.prepare(`DELETE FROM ${name} WHERE id = ?`),
      clear: db.prepare(`DELETE FROM ${name}`),
      rows: db.prepare<[], [RecordKey, string]>(`SELECT id, doc FROM ${name} ORDER BY pos`).raw(true),
    });
  }
  const of = (table: Table) => statements.get(table)!;
  const writeMeta = db.prepare<[string]>("INSERT OR REPLACE INTO meta (key, value) VALUES ('meta', ?)");
  const readMeta = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'meta'");

  const commit = db.transaction((changes: ChangeSet) => {
    for (const table of changes.cleared) of(table).clear.run();
    for (const [table, entries] of changes.tables) {
      const { upsert, remove } = of(table);
      for (const [key, value] of entries) {
        if (value === null) remove.run(key);
        else upsert.run(key, JSON.stringify(value));
      }
    }
    writeMeta.run(JSON.stringify(changes.meta));
  });

  const replaceAll = db.transaction((world: StoredWorld) => {
    for (const table of TABLES) {
      const { clear, insert } = of(table);
      clear.run();
      for (const [key, value] of world.tables[table]) insert.run(key, JSON.stringify(value));
    }
    writeMeta.run(JSON.stringify(world.meta));
  });

  function rowsOf(table: Table): TableRows {
    const { rows } = of(table);
    return {
      *[Symbol.iterator]() {
        try {
          for (const [id, doc] of rows.iterate()) yield [id, parse(doc, table, id)] as const;
        } catch (err) {
          if (err instanceof StateFileError) throw err;
          fail(`cannot be read: ${message(err)}`);
        }
      },
    };
  }

  function parse(text: string, table: string, id?: RecordKey): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return fail(`${table}${id === undefined ? '' : ` row ${String(id)}`} is not JSON`);
    }
  }

  let open = true;
  return {
    description: resolved,
    load() {
      let meta: { value: string } | undefined;
      try {
        meta = readMeta.get();
      } catch (err) {
        return fail(`cannot be read: ${message(err)}`);
      }
      if (!meta) return null; // created, but the first world was never written: nothing was acknowledged
      const tables = Object.fromEntries(TABLES.map((table) => [table, rowsOf(table)])) as Record<Table, TableRows>;
      return { meta: parse(meta.value, 'meta'), tables } satisfies LoadedWorld;
    },
    commit: (changes) => commit(changes),
    replaceAll: (world) => replaceAll(world),
    close() {
      if (!open) return;
      open = false;
      try {
        // Everything into the main file, so a copy of the file alone is complete once the mock has stopped.
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        // Also after a failed checkpoint (a file refused at start): the error that matters was thrown before.
        db.close();
      }
    },
  };
}

function createSchema(db: Database.Database): void {
  db.transaction(() => {
    db.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    for (const { name, key } of Object.values(SQL_TABLE)) {
      // `pos` keeps the order records were first written, which is the order the mock lists them in.
      db.exec(`CREATE TABLE ${name} (pos INTEGER PRIMARY KEY, id ${key} NOT NULL UNIQUE, doc TEXT NOT NULL)`);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${STATE_FILE_FORMAT}`);
  })();
}
