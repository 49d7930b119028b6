import { describe, expect, it } from 'vitest';
import { consentState, ledgerEntry, type ConsentState, type CurrentTextHash, type Decision, type LedgerEntry } from '../../src/core/consent/ledger.ts';
import { OFFERED_PURPOSES, PURPOSES, type Purpose } from '../../src/core/consent/purposes.ts';
import type { RetentionDays } from '../../src/core/consent/retention.ts';
import { summarizeStored, type PurposeSummary, type StoredSummary } from '../../src/core/privacy/privacy-summary.ts';

/*
 * What the privacy center and the bot's privacy answers say is stored (SPEC 4.2): counts, dates
 * and the retention of each offered purpose, and "nothing is stored" when that is the truth.
 */

const currentHash: CurrentTextHash = (purpose, lang) => `${purpose}-${lang}`.padEnd(64, '0');
const RETENTION: RetentionDays = { history: 30, insights: 90, personalization: 365, marketing: 365 };

let clock = Date.parse('2026-04-01T09:00:00.000Z');
function decided(purpose: Purpose, decision: Decision, textHash = currentHash(purpose, 'de')): LedgerEntry {
  clock += 60_000;
  return ledgerEntry({ purpose, decision, method: 'button', lang: 'de', textHash, policyVersion: '2026-04' }, new Date(clock));
}

const NEVER_ASKED: ConsentState = consentState([], currentHash);

function historyOf(summary: StoredSummary): PurposeSummary {
  const history = summary.purposes.find((p) => p.purpose === 'history');
  if (!history) throw new Error('the summary does not list the history');
  return history;
}

describe('summarizeStored with nothing stored', () => {
  const summary = summarizeStored({ ledger: [], records: {} }, NEVER_ASKED, RETENTION);

  it('says that nothing is stored', () => {
    expect(summary.nothingStored).toBe(true);
    expect(summary.ledgerEntries).toBe(0);
    expect(summary.firstDecision).toBeUndefined();
  });

  it('still lists each offered purpose, empty, with its retention', () => {
    expect(summary.purposes).toEqual([
      { purpose: 'history', status: 'unknown', records: 0, oldest: undefined, newest: undefined, oldestKeptUntil: undefined, retentionDays: 30 },
    ]);
  });

  it('counts an empty list of records as nothing', () => {
    expect(summarizeStored({ ledger: [], records: { history: [] } }, NEVER_ASKED, RETENTION).nothingStored).toBe(true);
  });
});

describe('summarizeStored with only decisions stored', () => {
  it('is not "nothing stored": a refusal is kept as proof (SPEC 3.5)', () => {
    const refusal = decided('history', 'refused');
    const summary = summarizeStored({ ledger: [refusal], records: {} }, consentState([refusal], currentHash), RETENTION);
    expect(summary.nothingStored).toBe(false);
    expect(summary.ledgerEntries).toBe(1);
    expect(summary.firstDecision).toBe(refusal.at);
    expect(historyOf(summary)).toMatchObject({ status: 'refused', records: 0, oldest: undefined, oldestKeptUntil: undefined });
  });

  it('counts every entry and gives the time of the first decision', () => {
    const ledger = [decided('history', 'granted'), decided('marketing', 'refused'), decided('history', 'withdrawn')];
    const summary = summarizeStored({ ledger, records: {} }, consentState(ledger, currentHash), RETENTION);
    expect(summary.ledgerEntries).toBe(3);
    expect(summary.firstDecision).toBe(ledger[0]?.at);
    expect(summary.firstDecision).not.toBe(ledger[2]?.at);
  });
});

describe('summarizeStored with saved history', () => {
  const ledger = [decided('history', 'granted')];
  const state = consentState(ledger, currentHash);
  // Deliberately out of order: the summary must find the oldest and newest itself.
  const times = ['2026-04-10T12:00:00.000Z', '2026-04-02T08:15:00.000Z', '2026-04-14T18:30:00.000Z', '2026-04-05T23:59:59.000Z'];
  const summary = summarizeStored({ ledger, records: { history: times } }, state, RETENTION);

  it('counts the records and finds the oldest and the newest', () => {
    expect(summary.nothingStored).toBe(false);
    expect(historyOf(summary)).toMatchObject({
      purpose: 'history',
      status: 'granted',
      records: 4,
      oldest: '2026-04-02T08:15:00.000Z',
      newest: '2026-04-14T18:30:00.000Z',
      retentionDays: 30,
    });
  });

  it('gives the day the oldest record is deleted at the latest: oldest + retention days', () => {
    // 2 April + 30 days = 2 May.
    expect(historyOf(summary).oldestKeptUntil).toBe('2026-05-02');
  });

  it('follows the retention of the settings', () => {
    const week = summarizeStored({ ledger, records: { history: times } }, state, { ...RETENTION, history: 7 });
    expect(historyOf(week)).toMatchObject({ oldestKeptUntil: '2026-04-09', retentionDays: 7 });
  });

  it('counts across a month end and a leap day', () => {
    const leap = summarizeStored({ ledger, records: { history: ['2028-02-15T10:00:00.000Z'] } }, state, RETENTION);
    // 15 Feb 2028 + 30 days: 14 days left in February (29 of them in 2028), then 16 March.
    expect(historyOf(leap).oldestKeptUntil).toBe('2028-03-16');
  });

  it('does not change the records it was given', () => {
    const copy = [...times];
    summarizeStored({ ledger, records: { history: times } }, state, RETENTION);
    expect(times).toEqual(copy);
  });

  it('is not "nothing stored" when records exist without a ledger entry (a damaged ledger)', () => {
    const orphan = summarizeStored({ ledger: [], records: { history: ['2026-04-02T08:15:00.000Z'] } }, NEVER_ASKED, RETENTION);
    expect(orphan.nothingStored).toBe(false);
    expect(orphan.ledgerEntries).toBe(0);
    expect(historyOf(orphan).records).toBe(1);
  });
});

describe('summarizeStored: the status of each purpose comes from the consent state', () => {
  it.each<[label: string, ledger: () => LedgerEntry[], status: string]>([
    ['granted', () => [decided('history', 'granted')], 'granted'],
    ['withdrawn after granting', () => [decided('history', 'granted'), decided('history', 'withdrawn')], 'withdrawn'],
    ['refused', () => [decided('history', 'refused')], 'refused'],
    ['objected', () => [decided('history', 'objected')], 'objected'],
    ['granted to a text that changed since', () => [decided('history', 'granted', 'f'.repeat(64))], 'outdated'],
    ['never asked', () => [decided('marketing', 'granted')], 'unknown'],
  ])('history %s → %s', (_label, makeLedger, status) => {
    const ledger = makeLedger();
    const summary = summarizeStored({ ledger, records: {} }, consentState(ledger, currentHash), RETENTION);
    expect(historyOf(summary).status).toBe(status);
  });
});

describe('summarizeStored lists only the offered purposes', () => {
  it('lists exactly OFFERED_PURPOSES, in their order', () => {
    const summary = summarizeStored({ ledger: [], records: {} }, NEVER_ASKED, RETENTION);
    expect(summary.purposes.map((p) => p.purpose)).toEqual([...OFFERED_PURPOSES]);
  });

  it('does not describe a purpose that is declared but not offered, even with a decision for it', () => {
    const notOffered = PURPOSES.filter((p) => !OFFERED_PURPOSES.includes(p));
    expect(notOffered.length).toBeGreaterThan(0);
    const ledger = notOffered.map((purpose) => decided(purpose, 'granted'));
    const summary = summarizeStored({ ledger, records: { marketing: ['2026-04-02T08:15:00.000Z'] } }, consentState(ledger, currentHash), RETENTION);
    for (const purpose of notOffered) expect(summary.purposes.map((p) => p.purpose)).not.toContain(purpose);
    // The decisions themselves are still counted: they are stored.
    expect(summary.ledgerEntries).toBe(notOffered.length);
    expect(summary.nothingStored).toBe(false);
  });
});

describe('summarizeStored: the deletion instant', () => {
  it('is the oldest record plus the retention, to the millisecond, for display in local time', () => {
    const summary = summarizeStored(
      { ledger: [], records: { history: ['2026-04-02T22:30:00.000Z', '2026-04-03T10:00:00.000Z'] } },
      { history: 'granted', insights: 'unknown', personalization: 'unknown', marketing: 'unknown' },
      { history: 30, insights: 90, personalization: 365, marketing: 365 },
    );
    expect(summary.purposes[0]?.oldestDeletedAt).toBe('2026-05-02T22:30:00.000Z');
    // 00:30 in Berlin on 3 April: the day shown there is 3 May, not the UTC day 2 May.
    expect(new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(new Date(summary.purposes[0]?.oldestDeletedAt ?? ''))).toBe('3. Mai 2026');
  });
});

