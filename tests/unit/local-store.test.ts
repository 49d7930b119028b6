import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ledgerEntry, type LedgerEntry } from '../../src/core/consent/ledger.ts';
import type { RetentionDays } from '../../src/core/consent/retention.ts';
import { databaseExists, LocalStore, StorageUnavailable } from '../../src/storage/local-store.ts';
import { createDatabase, DATABASE_NAME, type HistoryRow } from '../../src/storage/schema.ts';
import { decisionClock } from './support/ledger-decisions.ts';
import { databaseNames, freshIndexedDB, restoreIndexedDB } from './support/fake-indexeddb.ts';

/*
 * The only code that touches IndexedDB (SPEC 3.1, 3.5, 3.6, 3.8): it creates nothing by looking,
 * keeps the ledger in order, deletes a purpose's data and expired data but never the ledger, and
 * degrades to StorageUnavailable when the browser has no storage.
 */

let indexedDB: IDBFactory;
const opened: LocalStore[] = [];

beforeEach(() => {
  indexedDB = freshIndexedDB();
});
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  restoreIndexedDB();
});

async function openStore(): Promise<LocalStore> {
  const store = await LocalStore.open();
  opened.push(store);
  return store;
}

const decision = decisionClock();

function visitorSaid(text: string, at: string): HistoryRow {
  return { at, lang: 'de', from: 'visitor', text };
}

const RETENTION: RetentionDays = { history: 30, insights: 90, personalization: 365, marketing: 365 };
const NOW = new Date('2026-04-15T12:00:00.000Z');

describe('databaseExists', () => {
  it('is false in a fresh browser, and looking does not create the database (SPEC 3.1)', async () => {
    expect(await databaseExists()).toBe(false);
    expect(await databaseNames(indexedDB)).toEqual([]);
  });

  it('is true once the store was opened', async () => {
    await openStore();
    expect(await databaseExists()).toBe(true);
    expect(await databaseNames(indexedDB)).toEqual([DATABASE_NAME]);
  });

  it('does not mistake another database of the same site for ours', async () => {
    const other = indexedDB.open('some-other-app');
    await new Promise((resolve) => (other.onsuccess = resolve));
    other.result.close();
    expect(await databaseExists()).toBe(false);
  });

  it('is false when the browser has no IndexedDB', async () => {
    vi.stubGlobal('indexedDB', undefined);
    expect(await databaseExists()).toBe(false);
  });

  it('is false when the browser cannot tell', async () => {
    vi.stubGlobal('indexedDB', { databases: () => Promise.reject(new DOMException('blocked', 'SecurityError')) });
    expect(await databaseExists()).toBe(false);
  });
});

describe('LocalStore ledger', () => {
  it('reads the entries back in the order they were appended, without internal fields', async () => {
    const store = await openStore();
    const entries = [decision('history', 'granted'), decision('marketing', 'granted'), decision('history', 'withdrawn'), decision('marketing', 'objected')];
    for (const entry of entries) await store.appendLedger(entry);
    const { ledger } = await store.read();
    expect(ledger).toEqual(entries);
    for (const entry of ledger) expect(Object.keys(entry)).not.toContain('seq');
  });

  it('leaves the entry it was given as it was', async () => {
    const store = await openStore();
    const entry = decision('insights', 'refused');
    const copy = { ...entry };
    await store.appendLedger(entry);
    expect(entry).toStrictEqual(copy);
  });

  it('keeps the order even when the clock went backwards', async () => {
    const store = await openStore();
    const later = decision('history', 'granted');
    const earlier = ledgerEntry(
      { purpose: 'history', decision: 'withdrawn', method: 'keyword', lang: 'de', textHash: '0'.repeat(64), policyVersion: '1' },
      new Date('2020-01-01T00:00:00.000Z'),
    );
    await store.appendLedger(later);
    await store.appendLedger(earlier);
    expect((await store.read()).ledger.map((entry) => entry.decision)).toEqual(['granted', 'withdrawn']);
  });

  it('survives closing and opening again (the next visit)', async () => {
    const first = await openStore();
    const entry = decision('history', 'granted');
    await first.appendLedger(entry);
    first.close();
    const second = await openStore();
    expect((await second.read()).ledger).toEqual([entry]);
  });
});

describe('LocalStore history', () => {
  it('reads the saved messages back in order', async () => {
    const store = await openStore();
    const rows: HistoryRow[] = [
      visitorSaid('Wie lange dauert der Versand?', '2026-04-15T10:00:00.000Z'),
      { at: '2026-04-15T10:00:00.000Z', lang: 'de', from: 'bot', reply: { kind: 'answer', entryId: 'versanddauer', entryLang: 'de' } },
      visitorSaid('Und ins Ausland?', '2026-04-15T10:01:00.000Z'),
      { at: '2026-04-15T10:01:00.000Z', lang: 'de', from: 'bot', reply: { kind: 'clarify', entryIds: ['versand-ausland', 'versandkosten'] } },
    ];
    for (const row of rows) await store.addHistory(row);
    const { history } = await store.read();
    expect(history).toHaveLength(4);
    expect(history).toEqual(rows.map((row) => expect.objectContaining(row)));
    // The rows handed in are not changed (Dexie would write the generated id into them).
    for (const row of rows) expect(row).not.toHaveProperty('id');
  });

  it('deletes the history when the history purpose ends, and keeps the ledger (SPEC 3.6)', async () => {
    const store = await openStore();
    const entries = [decision('history', 'granted'), decision('history', 'withdrawn')];
    for (const entry of entries) await store.appendLedger(entry);
    await store.addHistory(visitorSaid('Passwort vergessen', '2026-04-15T10:00:00.000Z'));
    await store.deletePurposeData('history');
    expect(await store.read()).toEqual({ ledger: entries, history: [], insights: [], profile: undefined });
  });

  it('keeps the history when another purpose ends', async () => {
    const store = await openStore();
    await store.addHistory(visitorSaid('Passwort vergessen', '2026-04-15T10:00:00.000Z'));
    await store.deletePurposeData('marketing');
    await store.deletePurposeData('insights');
    await store.deletePurposeData('personalization');
    expect((await store.read()).history).toHaveLength(1);
  });
});

describe('LocalStore.enforce (SPEC 3.7, 3.8)', () => {
  async function storeWithHistory(): Promise<{ store: LocalStore; ledger: LedgerEntry[] }> {
    const store = await openStore();
    const ledger = [decision('history', 'granted')];
    await store.appendLedger(ledger[0] ?? decision('history', 'granted'));
    await store.addHistory(visitorSaid('zu alt', '2026-03-16T11:59:59.999Z'));
    await store.addHistory(visitorSaid('genau 30 Tage', '2026-03-16T12:00:00.000Z'));
    await store.addHistory(visitorSaid('gestern', '2026-04-14T12:00:00.000Z'));
    return { store, ledger };
  }

  it('deletes history older than its retention and keeps the rest', async () => {
    const { store, ledger } = await storeWithHistory();
    await store.enforce(RETENTION, new Set(['history']), NOW);
    const data = await store.read();
    expect(data.history.map((row) => row.text)).toEqual(['genau 30 Tage', 'gestern']);
    expect(data.ledger).toEqual(ledger);
  });

  it('follows the retention of the settings', async () => {
    const { store } = await storeWithHistory();
    await store.enforce({ ...RETENTION, history: 7 }, new Set(['history']), NOW);
    expect((await store.read()).history.map((row) => row.text)).toEqual(['gestern']);
  });

  it('deletes all history when history is not granted (withdrawn, outdated, never asked), and keeps the ledger', async () => {
    const { store, ledger } = await storeWithHistory();
    await store.enforce(RETENTION, new Set(['marketing', 'insights', 'personalization']), NOW);
    expect(await store.read()).toEqual({ ledger, history: [], insights: [], profile: undefined });
  });
});

describe('LocalStore.wipe', () => {
  it('removes the whole database, ledger included', async () => {
    const store = await openStore();
    await store.appendLedger(decision('history', 'granted'));
    await store.addHistory(visitorSaid('Hallo', '2026-04-15T10:00:00.000Z'));
    store.close();
    await LocalStore.wipe();
    expect(await databaseNames(indexedDB)).toEqual([]);
    expect(await databaseExists()).toBe(false);
  });

  it('removes the database while a store is still open', async () => {
    // Dexie closes the open connection to let the deletion through, and says so.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = await openStore();
    await store.appendLedger(decision('history', 'granted'));
    await LocalStore.wipe();
    expect(await databaseNames(indexedDB)).toEqual([]);
    warn.mockRestore();
  });

  it('leaves nothing behind to read when opened again', async () => {
    const store = await openStore();
    await store.appendLedger(decision('history', 'granted'));
    await store.addHistory(visitorSaid('Hallo', '2026-04-15T10:00:00.000Z'));
    await store.addInsight({ kind: 'answered', day: '2026-04-15', lang: 'de', entryId: 'versanddauer' });
    await store.putProfile({ name: 'Anna', interests: [], usedAt: '2026-04-15T10:00:00.000Z' });
    store.close();
    await LocalStore.wipe();
    const again = await openStore();
    expect(await again.read()).toEqual({ ledger: [], history: [], insights: [], profile: undefined });
  });
});

describe('LocalStore.read with damaged rows', () => {
  /** Writes rows straight into the tables, bypassing LocalStore, as a damaged or tampered database holds them. */
  async function writeRaw(ledger: object[], history: object[]): Promise<void> {
    const db = createDatabase();
    await db.open();
    await db.table('ledger').bulkAdd(ledger);
    await db.table('history').bulkAdd(history);
    db.close();
  }

  it('skips rows that do not parse, keeps the good ones, and does not throw', async () => {
    const good = decision('history', 'granted');
    const goodRow = visitorSaid('Hallo', '2026-04-15T10:00:00.000Z');
    await writeRaw(
      [
        { nonsense: true },
        { ...good, consentId: 42 },
        { consentId: 'x', purpose: 'history', decision: 'granted' },
        good,
        { ...good, at: null },
      ],
      [{ from: 'visitor', text: 'no time' }, { at: 7, from: 'bot' }, { at: '2026-04-15T10:00:00.000Z', from: 'robot' }, goodRow, {}],
    );
    const store = await openStore();
    const data = await store.read();
    expect(data.ledger).toEqual([good]);
    expect(data.history).toEqual([expect.objectContaining(goodRow)]);
  });

  // A row with an unknown decision or purpose would give consentState a status outside
  // PurposeStatus (history: 'vielleicht') that the privacy center cannot show and
  // shouldOfferHistory never asks again for.
  it('skips ledger rows with an unknown decision or purpose', async () => {
    const good = decision('history', 'granted');
    await writeRaw([{ ...good, decision: 'vielleicht' }, { ...good, purpose: 'telemetry' }], []);
    const store = await openStore();
    expect((await store.read()).ledger).toEqual([]);
  });
});

describe('LocalStore without storage', () => {
  it('rejects with StorageUnavailable when the browser has no IndexedDB', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const error = await LocalStore.open().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StorageUnavailable);
    expect((error as Error).name).toBe('StorageUnavailable');
    expect((error as StorageUnavailable).reason).toBe('no IndexedDB');
    expect((error as Error).message).toMatch(/^vertraut: /);
    expect(await databaseExists()).toBe(false);
  });

  it('rejects with StorageUnavailable when the browser refuses to open storage', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      databases: () => Promise.resolve([]),
    };
    vi.stubGlobal('indexedDB', refusing);
    Dexie.dependencies.indexedDB = refusing as unknown as IDBFactory;
    const error = await LocalStore.open().catch((reason: unknown) => reason);
    expect(error).toMatchObject({ name: 'StorageUnavailable', reason: 'storage is blocked' });
  });
});
