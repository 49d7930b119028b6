import { describe, expect, it } from 'vitest';
import { PURPOSES, type Purpose } from '../../src/core/consent/purposes.ts';
import type { RetentionDays } from '../../src/core/consent/retention.ts';
import type { InsightEvent } from '../../src/core/insights/events.ts';
import type { Profile } from '../../src/core/personal/profile.ts';
import { exportDocument, parseImport } from '../../src/core/privacy/export-format.ts';
import type { LocalStore, StoredData } from '../../src/storage/local-store.ts';
import { createDatabase, PROFILE_KEY, type HistoryRow } from '../../src/storage/schema.ts';
import { decisionClock } from './support/ledger-decisions.ts';
import { useFreshStores } from './support/fake-indexeddb.ts';

/*
 * The data of the purposes insights and personalization (SPEC 3.6, 3.8, 5, 6): counted events and
 * the profile are stored and read back as written, a damaged row is skipped, ending a purpose
 * deletes exactly its data, and retention deletes events by day and the profile after a time
 * without use. The ledger is never touched.
 */

const openStore = useFreshStores();

const decision = decisionClock();

const RETENTION: RetentionDays = { history: 30, insights: 90, personalization: 365, marketing: 365 };
/** 90 days before NOW is 2026-01-15T12:00Z; 365 days before it is 2025-04-15T12:00Z. */
const NOW = new Date('2026-04-15T12:00:00.000Z');
const ALL_GRANTED: ReadonlySet<Purpose> = new Set(PURPOSES);

const EVENTS: InsightEvent[] = [
  { kind: 'answered', day: '2026-04-14', lang: 'de', entryId: 'versandkosten' },
  { kind: 'clarified', day: '2026-04-14', lang: 'en', entryIds: ['ruecksendung', 'umtausch'] },
  { kind: 'unanswered', day: '2026-04-15', lang: 'de', text: 'Kann ich mit PayPal zahlen?' },
  { kind: 'unanswered', day: '2026-04-15', lang: 'en' },
  { kind: 'feedback', day: '2026-04-15', lang: 'de', entryId: 'versandkosten', helpful: false },
];

const PROFILE: Profile = { name: 'Anna', lang: 'de', address: 'du', interests: ['versand', 'bezahlung'], usedAt: '2026-04-10T09:00:00.000Z' };

const HISTORY: HistoryRow = { at: '2026-04-15T10:00:00.000Z', lang: 'de', from: 'visitor', text: 'Wie lange dauert der Versand?' };

/** What the store holds, history without the generated ids. */
async function contentOf(store: LocalStore): Promise<StoredData> {
  const data = await store.read();
  return { ...data, history: data.history.map(({ id: _id, ...row }) => row) };
}

/** A store with data for every purpose that keeps any, and a decision for each purpose. */
async function storeWithEverything(): Promise<{ store: LocalStore; before: StoredData }> {
  const store = await openStore();
  for (const purpose of PURPOSES) await store.appendLedger(decision(purpose, 'granted'));
  await store.addHistory(HISTORY);
  for (const event of EVENTS) await store.addInsight(event);
  await store.putProfile(PROFILE);
  const before = await contentOf(store);
  expect(before).toEqual({ ledger: expect.any(Array), history: [HISTORY], insights: EVENTS, profile: PROFILE });
  expect(before.ledger).toHaveLength(PURPOSES.length);
  return { store, before };
}

/** Rows written straight into the tables, bypassing LocalStore, as a damaged or tampered database holds them. */
async function writeRaw(tables: { insights?: object[]; profile?: object }): Promise<void> {
  const db = createDatabase();
  await db.open();
  if (tables.insights) await db.table('insights').bulkAdd(tables.insights);
  if (tables.profile) await db.table('profile').put(tables.profile);
  db.close();
}

describe('LocalStore counted events (purpose insights)', () => {
  it('reads the events back as they were added, in order, without the database id', async () => {
    const store = await openStore();
    for (const event of EVENTS) await store.addInsight(event);
    const { insights } = await store.read();
    expect(insights).toEqual(EVENTS);
    for (const event of insights) expect(Object.keys(event)).not.toContain('id');
    // The events handed in are not changed (Dexie would write the generated id into them).
    for (const event of EVENTS) expect(event).not.toHaveProperty('id');
  });

  it('keeps the same event twice: events are counted, not deduplicated', async () => {
    const store = await openStore();
    const [answered] = EVENTS;
    if (!answered) throw new Error('the fixture is empty');
    await store.addInsight(answered);
    await store.addInsight(answered);
    expect((await store.read()).insights).toEqual([answered, answered]);
  });

  it('skips damaged rows and keeps the good ones, without throwing', async () => {
    const good: InsightEvent = { kind: 'answered', day: '2026-04-14', lang: 'de', entryId: 'versandkosten' };
    const longest: InsightEvent = { kind: 'unanswered', day: '2026-04-14', lang: 'de', text: 'x'.repeat(300) };
    await writeRaw({
      insights: [
        { ...good, day: '14.04.2026' },
        { ...good, day: '2026-04-14T09:30:00.000Z' },
        { ...good, day: '2026-4-14' },
        { ...good, day: 20260414 },
        { ...good, kind: 'clicked' },
        { ...good, kind: undefined },
        { ...good, entryId: '<script>alert(1)</script>' },
        { ...good, entryId: '../../etc/passwd' },
        { ...good, entryId: '' },
        { ...good, lang: 'fr' },
        { kind: 'clarified', day: '2026-04-14', lang: 'de', entryIds: ['versand', 'Bad Id'] },
        { kind: 'clarified', day: '2026-04-14', lang: 'de', entryIds: 'versand' },
        { kind: 'unanswered', day: '2026-04-14', lang: 'de', text: 'x'.repeat(301) },
        { kind: 'unanswered', day: '2026-04-14', lang: 'de', text: 42 },
        { kind: 'feedback', day: '2026-04-14', lang: 'de', entryId: 'versandkosten', helpful: 'yes' },
        { kind: 'feedback', day: '2026-04-14', lang: 'de', entryId: 'versandkosten' },
        good,
        longest,
        {},
      ],
    });
    const store = await openStore();
    expect((await store.read()).insights).toEqual([good, longest]);
  });
});

describe('what LocalStore reads can be exported and restored again (SPEC 4.3, 4.6)', () => {
  /** The visitor's export of what the store reads, imported again: a damaged row must not spoil the file. */
  async function exportedAndImported(): Promise<ReturnType<typeof parseImport>> {
    const store = await openStore();
    return parseImport(JSON.stringify(exportDocument('https://shop.example', await store.read(), NOW)));
  }

  const good: InsightEvent = { kind: 'answered', day: '2026-04-14', lang: 'de', entryId: 'versandkosten' };

  it('round-trips good events and a profile', async () => {
    const store = await openStore();
    for (const event of EVENTS) await store.addInsight(event);
    await store.putProfile(PROFILE);
    const result = await exportedAndImported();
    expect(result).toMatchObject({ ok: true, data: { insights: EVENTS, profile: PROFILE } });
  });

  // Date.parse rolls 30 February over into March; a day the export format (z.iso.date) refuses
  // must not be read, or one damaged row makes the visitor's whole export impossible to restore.
  it.each([
    ['a day that does not exist (30 February)', { ...good, day: '2026-02-30' }],
    ['a day that does not exist (31 April)', { ...good, day: '2026-04-31' }],
  ])('skips %s', async (_label, row) => {
    await writeRaw({ insights: [row, good] });
    const store = await openStore();
    expect((await store.read()).insights).toEqual([good]);
    expect(await exportedAndImported()).toMatchObject({ ok: true, data: { insights: [good] } });
  });

  // BUG (src/storage/local-store.ts isInsightRow and read): a row with a field no event has, or a
  // clarification with more entries than the export allows, is returned as it is; exportDocument
  // copies it, and parseImport refuses the file made from it ('invalid-content').
  it.each([
    ['an event with a field no event has', { ...good, sessionId: 'abc' }],
    ['a clarification with 11 entries', { kind: 'clarified', day: '2026-04-14', lang: 'de', entryIds: Array.from({ length: 11 }, (_, i) => `e${i}`) }],
  ])('does not let %s spoil the export', async (_label, row) => {
    await writeRaw({ insights: [row, good] });
    expect(await exportedAndImported()).toMatchObject({ ok: true });
  });
});

describe('LocalStore profile (purpose personalization)', () => {
  it('reads the profile back as it was put, without its key', async () => {
    const store = await openStore();
    const given = { ...PROFILE };
    await store.putProfile(given);
    const { profile } = await store.read();
    expect(profile).toEqual(PROFILE);
    expect(profile).not.toHaveProperty('key');
    expect(given).toStrictEqual(PROFILE);
  });

  it('keeps one profile: a second put replaces the first', async () => {
    const store = await openStore();
    await store.putProfile(PROFILE);
    const changed: Profile = { interests: ['garantie'], usedAt: '2026-04-12T09:00:00.000Z' };
    await store.putProfile(changed);
    expect((await store.read()).profile).toEqual(changed);
    const db = createDatabase();
    await db.open();
    expect(await db.profile.toArray()).toEqual([{ ...changed, key: PROFILE_KEY }]);
    db.close();
  });

  it('reads a damaged profile normalized: bad fields dropped, the rest kept', async () => {
    await writeRaw({
      profile: {
        key: PROFILE_KEY,
        name: '  Anna  ',
        lang: 'fr',
        address: 'ihr',
        interests: ['versand', 'Not A Slug', 'versand', 42, 'bezahlung'],
        usedAt: '2026-04-10T09:00:00.000Z',
        tracking: 'yes',
      },
    });
    const store = await openStore();
    expect((await store.read()).profile).toEqual({ name: 'Anna', interests: ['versand', 'bezahlung'], usedAt: '2026-04-10T09:00:00.000Z' });
  });

  it('reads a name with a control character as no name', async () => {
    await writeRaw({ profile: { key: PROFILE_KEY, name: 'An\u0000na', interests: [], usedAt: '2026-04-10T09:00:00.000Z' } });
    const store = await openStore();
    expect((await store.read()).profile).toEqual({ interests: [], usedAt: '2026-04-10T09:00:00.000Z' });
  });

  it('is undefined when none was stored', async () => {
    const store = await openStore();
    expect((await store.read()).profile).toBeUndefined();
  });
});

describe('LocalStore.deletePurposeData deletes exactly the purpose\'s data (SPEC 3.6)', () => {
  const expectedAfter: Record<Purpose, (before: StoredData) => StoredData> = {
    history: (before) => ({ ...before, history: [] }),
    insights: (before) => ({ ...before, insights: [] }),
    personalization: (before) => ({ ...before, profile: undefined }),
    // Marketing keeps nothing but the decision, which stays.
    marketing: (before) => before,
  };

  it.each(PURPOSES)('%s', async (purpose) => {
    const { store, before } = await storeWithEverything();
    await store.deletePurposeData(purpose);
    expect(await contentOf(store)).toEqual(expectedAfter[purpose](before));
  });

  it('leaves later writes working (a new grant stores again)', async () => {
    const { store } = await storeWithEverything();
    await store.deletePurposeData('insights');
    await store.deletePurposeData('personalization');
    const [first] = EVENTS;
    if (!first) throw new Error('the fixture is empty');
    await store.addInsight(first);
    await store.putProfile(PROFILE);
    const { insights, profile } = await store.read();
    expect(insights).toEqual([first]);
    expect(profile).toEqual(PROFILE);
  });
});

describe('LocalStore.enforce for counted events (SPEC 3.8: insights 90 days, by day)', () => {
  const onDay = (day: string): InsightEvent => ({ kind: 'answered', day, lang: 'de', entryId: `e-${day}` });

  async function storeWithDays(days: readonly string[]): Promise<LocalStore> {
    const store = await openStore();
    for (const day of days) await store.addInsight(onDay(day));
    return store;
  }

  it('deletes the events of a day entirely older than the retention, and keeps the younger ones', async () => {
    const store = await storeWithDays(['2025-12-31', '2026-01-14', '2026-01-15', '2026-01-16', '2026-04-15']);
    await store.enforce(RETENTION, ALL_GRANTED, NOW);
    // The limit, 2026-01-15T12:00Z, falls within 15 January: that day still has moments inside it.
    expect((await store.read()).insights.map((event) => event.day)).toEqual(['2026-01-15', '2026-01-16', '2026-04-15']);
  });

  it('follows the retention of the settings', async () => {
    const store = await storeWithDays(['2026-04-07', '2026-04-08', '2026-04-15']);
    await store.enforce({ ...RETENTION, insights: 7 }, ALL_GRANTED, NOW);
    expect((await store.read()).insights.map((event) => event.day)).toEqual(['2026-04-08', '2026-04-15']);
  });

  it('deletes all events when insights is not granted, and leaves the other purposes\' data and the ledger', async () => {
    const { store, before } = await storeWithEverything();
    await store.enforce(RETENTION, new Set(['history', 'personalization']), NOW);
    expect(await contentOf(store)).toEqual({ ...before, insights: [] });
  });
});

describe('LocalStore.enforce for the profile (SPEC 3.8: deleted after 365 days without use)', () => {
  async function storeWithProfileUsedAt(usedAt: string): Promise<{ store: LocalStore; before: StoredData }> {
    const { store } = await storeWithEverything();
    await store.putProfile({ ...PROFILE, usedAt });
    return { store, before: await contentOf(store) };
  }

  it.each([
    ['an hour ago', '2026-04-15T11:00:00.000Z'],
    ['exactly 365 days ago', '2025-04-15T12:00:00.000Z'],
  ])('keeps a profile used %s, and everything else', async (_label, usedAt) => {
    const { store, before } = await storeWithProfileUsedAt(usedAt);
    await store.enforce(RETENTION, ALL_GRANTED, NOW);
    expect(await contentOf(store)).toEqual(before);
  });

  it('deletes a profile unused for longer than the retention, and nothing else', async () => {
    const { store, before } = await storeWithProfileUsedAt('2025-04-15T11:59:59.999Z');
    await store.enforce(RETENTION, ALL_GRANTED, NOW);
    expect(await contentOf(store)).toEqual({ ...before, profile: undefined });
  });

  it('follows the retention of the settings', async () => {
    const { store } = await storeWithProfileUsedAt('2026-04-01T12:00:00.000Z');
    await store.enforce({ ...RETENTION, personalization: 14 }, ALL_GRANTED, NOW);
    expect((await store.read()).profile).toBeDefined();
    await store.enforce({ ...RETENTION, personalization: 13 }, ALL_GRANTED, NOW);
    expect((await store.read()).profile).toBeUndefined();
  });

  it('deletes a profile, however recent, when personalization is not granted, and nothing else', async () => {
    const { store, before } = await storeWithProfileUsedAt('2026-04-15T11:00:00.000Z');
    await store.enforce(RETENTION, new Set(['history', 'insights']), NOW);
    expect(await contentOf(store)).toEqual({ ...before, profile: undefined });
  });

  // BUG (src/storage/local-store.ts enforce): the profile's age is a string comparison of the raw
  // row's usedAt with the cutoff, not isProfileExpired. A row whose usedAt cannot be read is kept
  // for ever (undefined < cutoff is false), though profile-rules says such a profile is expired;
  // read() then even shows it as used just now.
  it('deletes a profile whose last use cannot be read (isProfileExpired: its age cannot be shown to be allowed)', async () => {
    await writeRaw({ profile: { key: PROFILE_KEY, name: 'Anna', interests: [] } });
    const store = await openStore();
    await store.enforce(RETENTION, ALL_GRANTED, NOW);
    expect((await store.read()).profile).toBeUndefined();
  });

  // Same cause: an imported profile keeps its time as written, and the export format accepts an
  // offset. 13:00+02:00 is 11:00Z, one hour beyond the limit, but as text it sorts after it.
  it('judges a last use written with an offset by its instant, not by its text', async () => {
    const store = await openStore();
    await store.replaceAll({ ledger: [], history: [], insights: [], profile: { ...PROFILE, usedAt: '2025-04-15T13:00:00+02:00' } });
    await store.enforce(RETENTION, ALL_GRANTED, NOW);
    expect((await store.read()).profile).toBeUndefined();
  });
});
