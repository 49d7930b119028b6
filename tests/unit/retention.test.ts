import { describe, expect, it } from 'vitest';
import { isExpired, keptUntil, retentionCutoff, type RetentionDays } from '../../src/core/consent/retention.ts';

/* Retention (SPEC 3.8): each purpose's data is deleted when older than its maximum age. */

const RETENTION: RetentionDays = { history: 30, insights: 90, personalization: 365, marketing: 365 };
const NOW = new Date('2026-04-15T12:00:00.000Z');

describe('retentionCutoff', () => {
  it('is exactly the purpose\'s number of days before now', () => {
    expect(retentionCutoff('history', RETENTION, NOW)).toBe('2026-03-16T12:00:00.000Z');
    expect(retentionCutoff('insights', RETENTION, NOW)).toBe('2026-01-15T12:00:00.000Z');
    expect(retentionCutoff('personalization', RETENTION, NOW)).toBe('2025-04-15T12:00:00.000Z');
  });

  it('counts whole days of 24 hours, also across the change to summer time', () => {
    // Europe switched to summer time on 29 March 2026; retention counts in UTC, so nothing shifts.
    const afterSwitch = new Date('2026-04-02T00:00:00.000Z');
    expect(retentionCutoff('history', { ...RETENTION, history: 7 }, afterSwitch)).toBe('2026-03-26T00:00:00.000Z');
  });

  it('follows the settings', () => {
    expect(retentionCutoff('history', { ...RETENTION, history: 1 }, NOW)).toBe('2026-04-14T12:00:00.000Z');
  });
});

describe('isExpired', () => {
  it('keeps a record made exactly at the cut-off and deletes one a millisecond older', () => {
    expect(isExpired('2026-03-16T12:00:00.000Z', 'history', RETENTION, NOW)).toBe(false);
    expect(isExpired('2026-03-16T11:59:59.999Z', 'history', RETENTION, NOW)).toBe(true);
  });

  it('keeps what is younger, deletes what is a day older', () => {
    expect(isExpired('2026-04-15T11:00:00.000Z', 'history', RETENTION, NOW)).toBe(false);
    expect(isExpired('2026-03-17T12:00:00.000Z', 'history', RETENTION, NOW)).toBe(false);
    expect(isExpired('2026-03-15T12:00:00.000Z', 'history', RETENTION, NOW)).toBe(true);
  });

  it('applies each purpose\'s own maximum age', () => {
    const fortyDaysAgo = '2026-03-06T12:00:00.000Z';
    expect(isExpired(fortyDaysAgo, 'history', RETENTION, NOW)).toBe(true);
    expect(isExpired(fortyDaysAgo, 'insights', RETENTION, NOW)).toBe(false);
  });
});

describe('keptUntil', () => {
  it('is the date the record is deleted: the day it was made plus the retention', () => {
    expect(keptUntil('2026-03-16T12:00:00.000Z', 'history', RETENTION)).toBe('2026-04-15');
    expect(keptUntil('2026-01-15T12:00:00.000Z', 'insights', RETENTION)).toBe('2026-04-15');
  });

  it('agrees with isExpired: the record expires right after the time on that date', () => {
    const recordedAt = '2026-02-20T08:30:00.000Z';
    const until = keptUntil(recordedAt, 'history', RETENTION);
    expect(until).toBe('2026-03-22');
    expect(isExpired(recordedAt, 'history', RETENTION, new Date('2026-03-22T08:30:00.000Z'))).toBe(false);
    expect(isExpired(recordedAt, 'history', RETENTION, new Date('2026-03-22T08:30:00.001Z'))).toBe(true);
  });

  it('counts in UTC at the end of a day', () => {
    expect(keptUntil('2026-01-31T23:59:59.999Z', 'history', RETENTION)).toBe('2026-03-02');
  });
});
