import { calendarDay, type Day } from '../calendar-day.ts';
import type { Purpose } from './purposes.ts';

/*
 * Retention (SPEC 3.8): each purpose's data has a maximum age from the settings; older records
 * are deleted on every start. The ledger is kept: it is the proof of each decision.
 */

export type RetentionDays = Readonly<Record<Purpose, number>>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The oldest time (ISO) a record of the purpose may have now. */
export function retentionCutoff(purpose: Purpose, retention: RetentionDays, now: Date): string {
  return new Date(now.getTime() - retention[purpose] * DAY_MS).toISOString();
}

export function isExpired(recordedAt: string, purpose: Purpose, retention: RetentionDays, now: Date): boolean {
  return recordedAt < retentionCutoff(purpose, retention, now);
}

/**
 * The oldest calendar day (the visitor's own) whose counted events are still kept (purpose
 * insights): events carry a day, not a time, so a day stays while any moment of it is allowed.
 */
export function insightsCutoffDay(retention: RetentionDays, now: Date): Day {
  return calendarDay(new Date(retentionCutoff('insights', retention, now)));
}

/** The date (YYYY-MM-DD) until which a record made at `recordedAt` is kept. */
export function keptUntil(recordedAt: string, purpose: Purpose, retention: RetentionDays): string {
  return new Date(new Date(recordedAt).getTime() + retention[purpose] * DAY_MS).toISOString().slice(0, 10);
}

/** The instant a record made at `recordedAt` is deleted at the latest (ISO), for display in local time. */
export function deletedAt(recordedAt: string, purpose: Purpose, retention: RetentionDays): string {
  return new Date(Date.parse(recordedAt) + retention[purpose] * DAY_MS).toISOString();
}
