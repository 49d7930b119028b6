import { describe, expect, it } from 'vitest';
import { consentState, ledgerEntry, type ConsentState, type CurrentTextHash, type Decision, type LedgerEntry } from '../../src/core/consent/ledger.ts';
import { offeredPurposes, PURPOSES, type Purpose } from '../../src/core/consent/purposes.ts';
import type { RetentionDays } from '../../src/core/consent/retention.ts';
import { summarizeStored, type PurposeSummary, type StoredSummary } from '../../src/core/privacy/privacy-summary.ts';

/*
 * What the privacy center and the bot's privacy answers say is stored (SPEC 4.2): counts, dates
 * and the retention of each offered purpose, and "nothing is stored" when that is the truth.
 */

/** A site without advertising: every purpose but marketing is offered. */
const OFFERED_PURPOSES = offeredPurposes({ enabled: false, serviceOnly: false });
/** A site that shows offers: marketing is offered too. */
const WITH_MARKETING = offeredPurposes({ enabled: true, serviceOnly: false });

const currentHash: CurrentTextHash = (purpose, lang) => `${purpose}-${lang}`.padEnd(64, '0');
const RETENTION: RetentionDays = { history: 30, insights: 90, personalization: 365, marketing: 365 };

let clock = Date.parse('2026-04-01T09:00:00.000Z');
function decided(purpose: Purpose, decision: Decision, textHash = currentHash(purpose, 'de')): LedgerEntry {
  clock += 60_000;
  return ledgerEntry({ purpose, decision, method: 'button', lang: 'de', textHash, policyVersion: '2026-04' }, new Date(clock));
}

const NEVER_ASKED: ConsentState = consentState([], currentHash);

function purposeOf(summary: StoredSummary, purpose: Purpose): PurposeSummary {
  const found = summary.purposes.find((p) => p.purpose === purpose);
  if (!found) throw new Error(`the summary does not list ${purpose}`);
  return found;
}

function historyOf(summary: StoredSummary): PurposeSummary {
  return purposeOf(summary, 'history');
}

describe('summarizeStored with nothing stored', () => {
  const summary = summarizeStored({ ledger: [], records: {} }, NEVER_ASKED, RETENTION, OFFERED_PURPOSES);

  it('says that nothing is stored', () => {
    expect(summary.nothingStored).toBe(true);
    expect(summary.ledgerEntries).toBe(0);
    expect(summary.firstDecision).toBeUndefined();
  });

  it('still lists each offered purpose, empty, with its retention', () => {
    const empty = { status: 'unknown', records: 0, oldest: undefined, newest: undefined, oldestKeptUntil: undefined, oldestDeletedAt: undefined };
    expect(summary.purposes).toEqual([
      { purpose: 'history', ...empty, retentionDays: 30 },
      { purpose: 'insights', ...empty, retentionDays: 90 },
      { purpose: 'personalization', ...empty, retentionDays: 365 },
    ]);
  });

  it('counts an empty list of records as nothing', () => {
    expect(summarizeStored({ ledger: [], records: { history: [] } }, NEVER_ASKED, RETENTION, OFFERED_PURPOSES).nothingStored).toBe(true);
  });
});

describe('summarizeStored with only decisions stored', () => {
  it('is not "nothing stored": a refusal is kept as proof (SPEC 3.5)', () => {
    const refusal = decided('history', 'refused');
    const summary = summarizeStored({ ledger: [refusal], records: {} }, consentState([refusal], currentHash), RETENTION, OFFERED_PURPOSES);
    expect(summary.nothingStored).toBe(false);
    expect(summary.ledgerEntries).toBe(1);
    expect(summary.firstDecision).toBe(refusal.at);
    expect(historyOf(summary)).toMatchObject({ status: 'refused', records: 0, oldest: undefined, oldestKeptUntil: undefined });
  });

  it('counts every entry and gives the time of the first decision', () => {
    const ledger = [decided('history', 'granted'), decided('marketing', 'refused'), decided('history', 'withdrawn')];
    const summary = summarizeStored({ ledger, records: {} }, consentState(ledger, currentHash), RETENTION, OFFERED_PURPOSES);
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
  const summary = summarizeStored({ ledger, records: { history: times } }, state, RETENTION, OFFERED_PURPOSES);

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
    const week = summarizeStored({ ledger, records: { history: times } }, state, { ...RETENTION, history: 7 }, OFFERED_PURPOSES);
    expect(historyOf(week)).toMatchObject({ oldestKeptUntil: '2026-04-09', retentionDays: 7 });
  });

  it('counts across a month end and a leap day', () => {
    const leap = summarizeStored({ ledger, records: { history: ['2028-02-15T10:00:00.000Z'] } }, state, RETENTION, OFFERED_PURPOSES);
    // 15 Feb 2028 + 30 days: 14 days left in February (29 of them in 2028), then 16 March.
    expect(historyOf(leap).oldestKeptUntil).toBe('2028-03-16');
  });

  it('does not change the records it was given', () => {
    const copy = [...times];
    summarizeStored({ ledger, records: { history: times } }, state, RETENTION, OFFERED_PURPOSES);
    expect(times).toEqual(copy);
  });

  it('is not "nothing stored" when records exist without a ledger entry (a damaged ledger)', () => {
    const orphan = summarizeStored({ ledger: [], records: { history: ['2026-04-02T08:15:00.000Z'] } }, NEVER_ASKED, RETENTION, OFFERED_PURPOSES);
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
    const summary = summarizeStored({ ledger, records: {} }, consentState(ledger, currentHash), RETENTION, OFFERED_PURPOSES);
    expect(historyOf(summary).status).toBe(status);
  });
});

describe('summarizeStored with counted events and a profile', () => {
  const ledger = [decided('insights', 'granted'), decided('personalization', 'granted')];
  const state = consentState(ledger, currentHash);
  // Events carry a day, counted from its start (as the privacy center hands them over).
  const days = ['2026-04-03T00:00:00.000Z', '2026-04-01T00:00:00.000Z', '2026-04-03T00:00:00.000Z'];
  const summary = summarizeStored({ ledger, records: { insights: days, personalization: ['2026-04-10T08:00:00.000Z'] } }, state, RETENTION, OFFERED_PURPOSES);

  it('counts every event, and finds the first and last day', () => {
    expect(purposeOf(summary, 'insights')).toEqual({
      purpose: 'insights',
      status: 'granted',
      records: 3,
      oldest: '2026-04-01T00:00:00.000Z',
      newest: '2026-04-03T00:00:00.000Z',
      oldestKeptUntil: '2026-06-30',
      oldestDeletedAt: '2026-06-30T00:00:00.000Z',
      retentionDays: 90,
    });
  });

  it('counts the profile as one record, kept 365 days after its last use', () => {
    expect(purposeOf(summary, 'personalization')).toMatchObject({ status: 'granted', records: 1, oldestKeptUntil: '2027-04-10', retentionDays: 365 });
  });

  it('is not "nothing stored" with events alone, or a profile alone', () => {
    expect(summarizeStored({ ledger: [], records: { insights: days } }, NEVER_ASKED, RETENTION, OFFERED_PURPOSES).nothingStored).toBe(false);
    expect(summarizeStored({ ledger: [], records: { personalization: ['2026-04-10T08:00:00.000Z'] } }, NEVER_ASKED, RETENTION, OFFERED_PURPOSES).nothingStored).toBe(false);
  });
});

describe('summarizeStored lists only the offered purposes', () => {
  it('lists exactly the offered purposes, in their order', () => {
    const summary = summarizeStored({ ledger: [], records: {} }, NEVER_ASKED, RETENTION, OFFERED_PURPOSES);
    expect(summary.purposes.map((p) => p.purpose)).toEqual(['history', 'insights', 'personalization']);
  });

  it('lists marketing only on a site that shows offers, with the state of a double opt-in', () => {
    expect(WITH_MARKETING).toEqual([...PURPOSES]);
    expect(offeredPurposes({ enabled: true, serviceOnly: true })).toEqual(OFFERED_PURPOSES);
    const ledger = [decided('marketing', 'requested')];
    const summary = summarizeStored({ ledger, records: {} }, consentState(ledger, currentHash), RETENTION, WITH_MARKETING);
    expect(summary.purposes.map((p) => p.purpose)).toEqual(['history', 'insights', 'personalization', 'marketing']);
    expect(purposeOf(summary, 'marketing')).toMatchObject({ status: 'pending', records: 0, retentionDays: 365 });
  });

  it('does not describe a purpose that is declared but not offered, even with a decision for it', () => {
    const notOffered = PURPOSES.filter((p) => !OFFERED_PURPOSES.includes(p));
    expect(notOffered.length).toBeGreaterThan(0);
    const ledger = notOffered.map((purpose) => decided(purpose, 'granted'));
    const summary = summarizeStored({ ledger, records: { marketing: ['2026-04-02T08:15:00.000Z'] } }, consentState(ledger, currentHash), RETENTION, OFFERED_PURPOSES);
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
      OFFERED_PURPOSES,
    );
    expect(summary.purposes[0]?.oldestDeletedAt).toBe('2026-05-02T22:30:00.000Z');
    // 00:30 in Berlin on 3 April: the day shown there is 3 May, not the UTC day 2 May.
    expect(new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(new Date(summary.purposes[0]?.oldestDeletedAt ?? ''))).toBe('3. Mai 2026');
  });
});

