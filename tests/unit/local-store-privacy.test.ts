import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../src/core/consent/ledger.ts';
import type { InsightEvent } from '../../src/core/insights/events.ts';
import type { Profile } from '../../src/core/personal/profile.ts';
import { LocalStore, StorageUnavailable, type StoredData } from '../../src/storage/local-store.ts';
import type { HistoryRow } from '../../src/storage/schema.ts';
import { decisionClock } from './support/ledger-decisions.ts';
import { useFreshStores } from './support/fake-indexeddb.ts';

/*
 * The privacy center's storage operations (SPEC 4.5, 4.6): deleting one question deletes it and
 * the answer saved with it, nothing else; restoring an export replaces everything in one transaction, so a
 * write that fails halfway leaves the visitor's data exactly as it was.
 */

const openStore = useFreshStores();

const decision = decisionClock({ method: 'privacy-center', ids: true });

function visitorSaid(text: string, at = '2026-04-15T10:00:00.000Z'): HistoryRow {
  return { at, lang: 'de', from: 'visitor', text };
}
function botAnswered(entryId: string, at = '2026-04-15T10:00:00.000Z'): HistoryRow {
  return { at, lang: 'de', from: 'bot', reply: { kind: 'answer', entryId, entryLang: 'de' } };
}

/** What the store holds, history without the generated ids (for comparing content). */
async function contentOf(store: LocalStore): Promise<Omit<StoredData, 'history'> & { history: HistoryRow[] }> {
  const { ledger, history, insights, profile } = await store.read();
  return { ledger, history: history.map(({ id: _id, ...row }) => row), insights, profile };
}

const STORED_EVENTS: InsightEvent[] = [
  { kind: 'answered', day: '2026-04-15', lang: 'de', entryId: 'versanddauer' },
  { kind: 'feedback', day: '2026-04-15', lang: 'de', entryId: 'versanddauer', helpful: true },
];
const STORED_PROFILE: Profile = { name: 'Anna', lang: 'de', address: 'du', interests: ['versand'], usedAt: '2026-04-15T10:00:00.000Z' };

/** A store holding four decisions, three messages, two events and a profile: what an import must not lose by failing. */
async function storeWithData(): Promise<{ store: LocalStore; before: Awaited<ReturnType<typeof contentOf>> }> {
  const store = await openStore();
  await store.appendLedger(decision('history', 'granted'));
  await store.appendLedger(decision('marketing', 'refused'));
  await store.appendLedger(decision('insights', 'granted'));
  await store.appendLedger(decision('personalization', 'granted'));
  await store.addHistory(visitorSaid('Wie lange dauert der Versand?'));
  await store.addHistory(botAnswered('versanddauer'));
  await store.addHistory(visitorSaid('Danke', '2026-04-15T10:01:00.000Z'));
  for (const event of STORED_EVENTS) await store.addInsight(event);
  await store.putProfile(STORED_PROFILE);
  const before = await contentOf(store);
  expect(before.ledger).toHaveLength(4);
  expect(before.history).toHaveLength(3);
  expect(before.insights).toEqual(STORED_EVENTS);
  expect(before.profile).toEqual(STORED_PROFILE);
  return { store, before };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the promise to reject');
    },
    (reason: unknown) => reason,
  );
}

describe('LocalStore.deleteExchange (SPEC 4.5, one item)', () => {
  it('deletes a question together with the answer saved with it, and nothing else', async () => {
    const { store, before } = await storeWithData();
    const { history } = await store.read();
    await store.deleteExchange(history[0]?.id ?? -1);
    const after = await contentOf(store);
    expect(after.history).toEqual([before.history[2]]);
    expect(after.ledger).toEqual(before.ledger);
  });

  it('deletes a question without an answer alone, and leaves the previous exchange', async () => {
    const { store, before } = await storeWithData();
    const { history } = await store.read();
    await store.deleteExchange(history[2]?.id ?? -1);
    expect((await contentOf(store)).history).toEqual(before.history.slice(0, 2));
  });

  it('does not take an answer saved at another time for the question\'s answer', async () => {
    const store = await openStore();
    await store.addHistory(visitorSaid('Hallo', '2026-04-15T09:00:00.000Z'));
    await store.addHistory(botAnswered('versanddauer', '2026-04-15T09:05:00.000Z'));
    const { history } = await store.read();
    await store.deleteExchange(history[0]?.id ?? -1);
    expect((await contentOf(store)).history).toEqual([botAnswered('versanddauer', '2026-04-15T09:05:00.000Z')]);
  });

  it('changes nothing for an id that does not exist (already deleted in another tab)', async () => {
    const { store, before } = await storeWithData();
    const ids = (await store.read()).history.map((row) => row.id ?? 0);
    await store.deleteExchange(Math.max(...ids) + 1);
    expect(await contentOf(store)).toEqual(before);
  });

  it('rejects with StorageUnavailable when the database was closed', async () => {
    const { store } = await storeWithData();
    store.close();
    const error = await rejection(store.deleteExchange(1));
    expect(error).toBeInstanceOf(StorageUnavailable);
  });
});

describe('LocalStore.replaceAll (SPEC 4.6, restore an export)', () => {
  const imported: StoredData = {
    ledger: [decision('history', 'granted'), decision('insights', 'refused'), decision('history', 'withdrawn'), decision('history', 'granted')],
    history: [
      visitorSaid('Was kostet der Versand?', '2026-04-01T09:00:00.000Z'),
      botAnswered('versandkosten', '2026-04-01T09:00:00.000Z'),
      { at: '2026-04-01T09:01:00.000Z', lang: 'en', from: 'bot', reply: { kind: 'clarify', entryIds: ['ruecksendung', 'umtausch'] } },
    ],
    insights: [
      { kind: 'clarified', day: '2026-04-01', lang: 'en', entryIds: ['ruecksendung', 'umtausch'] },
      { kind: 'unanswered', day: '2026-04-01', lang: 'de', text: 'Kann ich mit PayPal zahlen?' },
      { kind: 'unanswered', day: '2026-04-02', lang: 'de' },
      { kind: 'answered', day: '2026-04-02', lang: 'en', entryId: 'versandkosten' },
    ],
    profile: { name: 'Bernd', lang: 'en', interests: ['ruecksendung', 'bezahlung'], usedAt: '2026-04-02T08:00:00.000Z' },
  };

  it('replaces the ledger, the history, the events and the profile with the imported ones, in their order', async () => {
    const { store, before } = await storeWithData();
    await store.replaceAll(imported);
    const after = await contentOf(store);
    expect(after).toEqual({ ledger: imported.ledger, history: imported.history, insights: imported.insights, profile: imported.profile });
    // Nothing of what was there before is left over: the profile is the file's, not merged with the old one.
    expect(after.profile).not.toHaveProperty('address');
    expect(after.insights).not.toContainEqual(before.insights[0]);
  });

  it('deletes the stored events and profile when the file has none (a version 1 file)', async () => {
    const { store, before } = await storeWithData();
    await store.replaceAll({ ledger: before.ledger, history: before.history, insights: [], profile: undefined });
    expect(await contentOf(store)).toEqual({ ...before, insights: [], profile: undefined });
  });

  it('keeps the ledger order of the file, not the order of the times in it', async () => {
    const store = await openStore();
    const later = decision('history', 'granted');
    const earlier = { ...decision('history', 'withdrawn'), at: '2020-01-01T00:00:00.000Z' };
    await store.replaceAll({ ledger: [later, earlier], history: [], insights: [], profile: undefined });
    expect((await store.read()).ledger.map((entry) => entry.decision)).toEqual(['granted', 'withdrawn']);
  });

  it('ignores the ids of the rows it is given and numbers them itself', async () => {
    const store = await openStore();
    const withIds: HistoryRow[] = [
      { ...visitorSaid('eins'), id: 500 },
      { ...visitorSaid('zwei'), id: 500 },
    ];
    await store.replaceAll({ ledger: [], history: withIds, insights: [], profile: undefined });
    const { history } = await store.read();
    expect(history.map((row) => row.text)).toEqual(['eins', 'zwei']);
    expect(new Set(history.map((row) => row.id)).size).toBe(2);
    // The rows handed in are not changed.
    expect(withIds.map((row) => row.id)).toEqual([500, 500]);
  });

  it('empties the store when the file holds nothing', async () => {
    const { store } = await storeWithData();
    await store.replaceAll({ ledger: [], history: [], insights: [], profile: undefined });
    expect(await store.read()).toEqual({ ledger: [], history: [], insights: [], profile: undefined });
  });

  it('leaves later writes working (appending after an import continues the ledger)', async () => {
    const { store } = await storeWithData();
    await store.replaceAll(imported);
    const next = decision('history', 'withdrawn');
    await store.appendLedger(next);
    expect((await store.read()).ledger).toEqual([...imported.ledger, next]);
  });

  it('survives closing and opening again', async () => {
    const { store } = await storeWithData();
    await store.replaceAll(imported);
    store.close();
    const again = await openStore();
    expect(await contentOf(again)).toEqual({ ledger: imported.ledger, history: imported.history, insights: imported.insights, profile: imported.profile });
  });
});

describe('LocalStore.replaceAll that fails halfway changes nothing', () => {
  async function expectUnchangedAfterFailure(data: StoredData): Promise<void> {
    const { store, before } = await storeWithData();
    const error = await rejection(store.replaceAll(data));
    expect(error).toBeInstanceOf(StorageUnavailable);
    expect((error as Error).name).toBe('StorageUnavailable');
    expect((error as Error).message).toMatch(/^vertraut: /);
    // The transaction was rolled back: the clear() calls before the failing write are undone.
    expect(await contentOf(store)).toEqual(before);
    // And the store still works.
    await store.addHistory(visitorSaid('noch da?', '2026-04-15T11:00:00.000Z'));
    expect((await store.read()).history).toHaveLength(4);
  }

  it('when two ledger entries carry the same key (seq), the ledger bulkAdd fails', async () => {
    const duplicate = { ...decision('history', 'granted'), seq: 7 } as LedgerEntry;
    await expectUnchangedAfterFailure({ ledger: [duplicate, { ...duplicate }], history: [], insights: [], profile: undefined });
  });

  it('when a history row cannot be stored (a function value), the last write fails', async () => {
    const unstorable = { ...visitorSaid('x'), text: (() => 'not data') as unknown as string };
    await expectUnchangedAfterFailure({ ledger: [decision('history', 'granted')], history: [visitorSaid('ok'), unstorable], insights: [], profile: undefined });
  });

  it('when a ledger entry cannot be stored (a symbol value), nothing is half-written', async () => {
    const unstorable = { ...decision('history', 'granted'), at: Symbol('at') as unknown as string };
    await expectUnchangedAfterFailure({ ledger: [decision('history', 'granted'), unstorable], history: [visitorSaid('ok')], insights: [], profile: undefined });
  });

  it('when one counted event cannot be stored (a function value), the ledger and history written before it are undone', async () => {
    const unstorable = { kind: 'answered', day: '2026-04-02', lang: 'de', entryId: (() => 'x') as unknown as string } as const;
    await expectUnchangedAfterFailure({
      ledger: [decision('insights', 'granted')],
      history: [visitorSaid('ok')],
      insights: [{ kind: 'answered', day: '2026-04-01', lang: 'de', entryId: 'versandkosten' }, unstorable],
      profile: { name: 'Bernd', interests: [], usedAt: '2026-04-02T08:00:00.000Z' },
    });
  });

  it('when the profile cannot be stored (a symbol value), everything written before it is undone', async () => {
    const unstorable = { interests: [], usedAt: Symbol('usedAt') as unknown as string };
    await expectUnchangedAfterFailure({
      ledger: [decision('personalization', 'granted')],
      history: [visitorSaid('ok')],
      insights: [{ kind: 'unanswered', day: '2026-04-01', lang: 'de' }],
      profile: unstorable,
    });
  });

  it('when the database was closed, it rejects with StorageUnavailable', async () => {
    const { store } = await storeWithData();
    store.close();
    const error = await rejection(store.replaceAll({ ledger: [], history: [], insights: [], profile: undefined }));
    expect(error).toMatchObject({ name: 'StorageUnavailable', reason: 'the database was closed' });
  });
});
