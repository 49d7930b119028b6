import { Dexie } from 'dexie';
import { IDBKeyRange as FakeIDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/content/faq-entry.ts';
import { ledgerEntry, type LedgerEntry } from '../../src/core/consent/ledger.ts';
import type { InsightEvent } from '../../src/core/insights/events.ts';
import { LocalStore } from '../../src/storage/local-store.ts';
import { createDatabase, DATABASE_NAME } from '../../src/storage/schema.ts';
import { freshIndexedDB, restoreIndexedDB } from './support/fake-indexeddb.ts';

/*
 * Data written by an older version of the schema survives the upgrade (STYLE: every schema change
 * is a new version with an upgrade step, and a test that old data survives). Each older version is
 * declared here exactly as it was released, on its own Dexie, as a visitor's browser still holds it.
 */

let indexedDB: IDBFactory;
beforeEach(() => {
  indexedDB = freshIndexedDB();
});
afterEach(restoreIndexedDB);

/** The current schema, on the fake IndexedDB of the test. */
function openCurrent() {
  return createDatabase({ indexedDB, IDBKeyRange: FakeIDBKeyRange });
}

/** Version 1 as released: the ledger and the history. */
function openVersion1(): Dexie {
  const db = new Dexie(DATABASE_NAME, { indexedDB, IDBKeyRange: FakeIDBKeyRange });
  db.version(1).stores({
    ledger: '++seq, purpose',
    history: '++id, at',
  });
  return db;
}

/** Versions 1 and 2 as released: history rows with a language, the ledger indexed by time. */
function openVersion2(): Dexie {
  const db = new Dexie(DATABASE_NAME, { indexedDB, IDBKeyRange: FakeIDBKeyRange });
  db.version(1).stores({
    ledger: '++seq, purpose',
    history: '++id, at',
  });
  db.version(2)
    .stores({
      ledger: '++seq, purpose, at',
      history: '++id, at, lang',
    })
    .upgrade((transaction) =>
      transaction
        .table('history')
        .toCollection()
        .modify((row: { lang?: Language }) => {
          row.lang ??= 'de';
        }),
    );
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
const WITHDRAWN = ledgerEntry(
  { purpose: 'history', decision: 'withdrawn', method: 'privacy-center', lang: 'en', textHash: 'd'.repeat(64), policyVersion: '2026-02' },
  new Date('2026-04-02T10:00:00.000Z'),
  () => 'consent-3',
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

/** What version 2 stored: history rows in both languages, every reply kind. */
const V2_HISTORY = [
  { at: '2026-04-01T09:01:00.000Z', lang: 'de', from: 'visitor', text: 'Wie lange dauert der Versand?' },
  { at: '2026-04-01T09:01:00.000Z', lang: 'de', from: 'bot', reply: { kind: 'answer', entryId: 'versanddauer', entryLang: 'de' } },
  { at: '2026-04-02T10:00:00.000Z', lang: 'en', from: 'visitor', text: 'Returns?' },
  { at: '2026-04-02T10:00:00.000Z', lang: 'en', from: 'bot', reply: { kind: 'clarify', entryIds: ['ruecksendung', 'umtausch'] } },
  { at: '2026-04-02T10:01:00.000Z', lang: 'en', from: 'bot', reply: { kind: 'none' } },
  { at: '2026-04-02T10:02:00.000Z', lang: 'en', from: 'bot', reply: { kind: 'note', text: 'History is saved in this browser.' } },
] as const;

async function writeVersion2Data(): Promise<void> {
  const v2 = openVersion2();
  await v2.table<LedgerEntry>('ledger').bulkAdd([{ ...GRANTED }, { ...REFUSED }, { ...WITHDRAWN }]);
  await v2.table('history').bulkAdd(V2_HISTORY.map((row) => ({ ...row })));
  expect(v2.verno).toBe(2);
  expect(v2.tables.map((table) => table.name).sort()).toEqual(['history', 'ledger']);
  v2.close();
}

describe('schema upgrade from version 1', () => {
  it('keeps every ledger entry, in order', async () => {
    await writeVersion1Data();
    const db = openCurrent();
    await db.open();
    expect(db.verno).toBe(3);
    const ledger = await db.ledger.orderBy('seq').toArray();
    expect(ledger).toEqual([
      { ...GRANTED, seq: 1 },
      { ...REFUSED, seq: 2 },
    ]);
    db.close();
  });

  it('keeps the history and marks it as German', async () => {
    await writeVersion1Data();
    const db = openCurrent();
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
    const db = openCurrent();
    await db.open();
    expect(await db.history.where('lang').equals('de').count()).toBe(2);
    expect(await db.ledger.where('at').above('2026-04-01T09:02:00.000Z').count()).toBe(1);
    db.close();
  });

  it('is what LocalStore reads after the upgrade', async () => {
    await writeVersion1Data();
    const store = await LocalStore.open();
    const { ledger, history, insights, profile } = await store.read();
    expect(ledger).toEqual([GRANTED, REFUSED]);
    expect(history.map((row) => [row.from, row.lang])).toEqual([
      ['visitor', 'de'],
      ['bot', 'de'],
    ]);
    expect(insights).toEqual([]);
    expect(profile).toBeUndefined();
    store.close();
  });
});

describe('schema upgrade from version 2 to 3', () => {
  it('keeps every ledger entry, in order, and the ledger\'s time index', async () => {
    await writeVersion2Data();
    const db = openCurrent();
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.ledger.orderBy('seq').toArray()).toEqual([
      { ...GRANTED, seq: 1 },
      { ...REFUSED, seq: 2 },
      { ...WITHDRAWN, seq: 3 },
    ]);
    expect(await db.ledger.where('at').above('2026-04-01T09:02:00.000Z').count()).toBe(2);
    expect(await db.ledger.where('purpose').equals('history').count()).toBe(2);
    db.close();
  });

  it('keeps the history unchanged, its languages included (no row becomes German)', async () => {
    await writeVersion2Data();
    const db = openCurrent();
    await db.open();
    expect(await db.history.orderBy('id').toArray()).toEqual(V2_HISTORY.map((row, index) => ({ id: index + 1, ...row })));
    expect(await db.history.where('lang').equals('en').count()).toBe(4);
    expect(await db.history.where('at').below('2026-04-02T00:00:00.000Z').count()).toBe(2);
    db.close();
  });

  it('adds the insights and profile tables, empty, with the day index and the profile key', async () => {
    await writeVersion2Data();
    const db = openCurrent();
    await db.open();
    expect(db.tables.map((table) => table.name).sort()).toEqual(['history', 'insights', 'ledger', 'profile']);
    expect(await db.insights.count()).toBe(0);
    expect(await db.profile.count()).toBe(0);
    expect(db.insights.schema.primKey.auto).toBe(true);
    expect(db.insights.schema.indexes.map((index) => index.name)).toEqual(['day']);
    expect(db.profile.schema.primKey.keyPath).toBe('key');
    db.close();
  });

  it('is what LocalStore reads after the upgrade, and LocalStore can then store events and a profile', async () => {
    await writeVersion2Data();
    const store = await LocalStore.open();
    const before = await store.read();
    expect(before.ledger).toEqual([GRANTED, REFUSED, WITHDRAWN]);
    expect(before.history.map(({ id: _id, ...row }) => row)).toEqual(V2_HISTORY);
    expect(before.insights).toEqual([]);
    expect(before.profile).toBeUndefined();

    const event: InsightEvent = { kind: 'answered', day: '2026-04-03', lang: 'en', entryId: 'versanddauer' };
    await store.addInsight(event);
    await store.putProfile({ name: 'Anna', interests: [], usedAt: '2026-04-03T08:00:00.000Z' });
    const after = await store.read();
    expect(after.insights).toEqual([event]);
    expect(after.profile).toEqual({ name: 'Anna', interests: [], usedAt: '2026-04-03T08:00:00.000Z' });
    expect(after.ledger).toEqual(before.ledger);
    expect(after.history).toEqual(before.history);
    store.close();
  });
});

describe('a new database', () => {
  it('starts at version 3 with four tables', async () => {
    const db = openCurrent();
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((table) => table.name).sort()).toEqual(['history', 'insights', 'ledger', 'profile']);
    db.close();
  });
});

describe('a database from a newer version of the site', () => {
  it('still opens and reads the ledger (after a rollback the decisions are not lost)', async () => {
    const v4 = new Dexie(DATABASE_NAME, { indexedDB, IDBKeyRange: FakeIDBKeyRange });
    v4.version(4).stores({ ledger: '++seq, purpose, at, method', history: '++id, at, lang', insights: '++id, day, kind', profile: 'key', notes: '++id' });
    await v4.table<LedgerEntry>('ledger').add({ ...GRANTED });
    v4.close();
    const store = await LocalStore.open();
    expect((await store.read()).ledger).toEqual([GRANTED]);
    store.close();
  });
});
