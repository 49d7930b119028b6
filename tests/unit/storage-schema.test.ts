import { Dexie } from 'dexie';
import { IDBKeyRange as FakeIDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerEntry, type LedgerEntry } from '../../src/core/consent/ledger.ts';
import { LocalStore } from '../../src/storage/local-store.ts';
import { createDatabase, DATABASE_NAME } from '../../src/storage/schema.ts';
import { freshIndexedDB, restoreIndexedDB } from './support/fake-indexeddb.ts';

/*
 * Data written by an older version of the schema survives the upgrade (STYLE: every schema change
 * is a new version with an upgrade step, and a test that old data survives). Version 1 is declared
 * here exactly as it was released, on its own Dexie, as a visitor's browser still holds it.
 */

let indexedDB: IDBFactory;
beforeEach(() => {
  indexedDB = freshIndexedDB();
});
afterEach(restoreIndexedDB);

function openVersion1(): Dexie {
  const db = new Dexie(DATABASE_NAME, { indexedDB, IDBKeyRange: FakeIDBKeyRange });
  db.version(1).stores({
    ledger: '++seq, purpose',
    history: '++id, at',
  });
  return db;
}

const GRANTED = ledgerEntry(
  { purpose: 'history', decision: 'granted', method: 'button', lang: 'de', textHash: 'f'.repeat(64), policyVersion: '2026-01' },
  new Date('2026-04-01T09:00:00.000Z'),
  () => 'consent-1',
);
const REFUSED = ledgerEntry(
  { purpose: 'insights', decision: 'refused', method: 'keyword', lang: 'de', textHash: 'e'.repeat(64), policyVersion: '2026-01' },
  new Date('2026-04-01T09:05:00.000Z'),
  () => 'consent-2',
);

/** What version 1 stored: the ledger and the history without a language. */
async function writeVersion1Data(): Promise<void> {
  const v1 = openVersion1();
  // Copies: Dexie writes the generated key into the object it is given.
  await v1.table<LedgerEntry>('ledger').bulkAdd([{ ...GRANTED }, { ...REFUSED }]);
  await v1.table('history').bulkAdd([
    { at: '2026-04-01T09:01:00.000Z', from: 'visitor', text: 'Wie lange dauert der Versand?' },
    { at: '2026-04-01T09:01:00.000Z', from: 'bot', reply: { kind: 'answer', entryId: 'versanddauer', entryLang: 'de' } },
  ]);
  expect(v1.verno).toBe(1);
  v1.close();
}

describe('schema upgrade from version 1 to 2', () => {
  it('keeps every ledger entry, in order', async () => {
    await writeVersion1Data();
    const db = createDatabase({ indexedDB, IDBKeyRange: FakeIDBKeyRange });
    await db.open();
    expect(db.verno).toBe(2);
    const ledger = await db.ledger.orderBy('seq').toArray();
    expect(ledger).toEqual([
      { ...GRANTED, seq: 1 },
      { ...REFUSED, seq: 2 },
    ]);
    db.close();
  });

  it('keeps the history and marks it as German', async () => {
    await writeVersion1Data();
    const db = createDatabase({ indexedDB, IDBKeyRange: FakeIDBKeyRange });
    await db.open();
    const history = await db.history.orderBy('id').toArray();
    expect(history).toEqual([
      { id: 1, at: '2026-04-01T09:01:00.000Z', lang: 'de', from: 'visitor', text: 'Wie lange dauert der Versand?' },
      { id: 2, at: '2026-04-01T09:01:00.000Z', lang: 'de', from: 'bot', reply: { kind: 'answer', entryId: 'versanddauer', entryLang: 'de' } },
    ]);
    db.close();
  });

  it('adds the new indexes, usable on the old rows', async () => {
    await writeVersion1Data();
    const db = createDatabase({ indexedDB, IDBKeyRange: FakeIDBKeyRange });
    await db.open();
    expect(await db.history.where('lang').equals('de').count()).toBe(2);
    expect(await db.ledger.where('at').above('2026-04-01T09:02:00.000Z').count()).toBe(1);
    db.close();
  });

  it('is what LocalStore reads after the upgrade', async () => {
    await writeVersion1Data();
    const store = await LocalStore.open();
    const { ledger, history } = await store.read();
    expect(ledger).toEqual([GRANTED, REFUSED]);
    expect(history.map((row) => [row.from, row.lang])).toEqual([
      ['visitor', 'de'],
      ['bot', 'de'],
    ]);
    store.close();
  });

  it('starts a new database at version 2 with both tables', async () => {
    const db = createDatabase({ indexedDB, IDBKeyRange: FakeIDBKeyRange });
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((table) => table.name).sort()).toEqual(['history', 'ledger']);
    db.close();
  });
});

describe('a database from a newer version of the site', () => {
  it('still opens and reads the ledger (after a rollback the decisions are not lost)', async () => {
    const v3 = new Dexie(DATABASE_NAME, { indexedDB, IDBKeyRange: FakeIDBKeyRange });
    v3.version(3).stores({ ledger: '++seq, purpose, at, method', history: '++id, at, lang', profile: 'key' });
    await v3.table<LedgerEntry>('ledger').add({ ...GRANTED });
    v3.close();
    const store = await LocalStore.open();
    expect((await store.read()).ledger).toEqual([GRANTED]);
    store.close();
  });
});
