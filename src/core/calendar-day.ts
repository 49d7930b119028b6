/*
 * Calendar days (YYYY-MM-DD), shared by the counted events (day only, SPEC 5.1) and the validity
 * of offers (SPEC 7.1). No zod here: this runs in the chat, where every byte counts.
 */

/** A calendar day written YYYY-MM-DD (checked by isDay). Days in this form compare correctly as strings. */
export type Day = string;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for an existing calendar day written YYYY-MM-DD ("2026-02-30" is not one). */
export function isDay(value: unknown): value is Day {
  // Date.parse accepts "2026-02-30" as 2 March, so the day must survive a round trip.
  return typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value);
}

/** The visitor's (or the build machine's) calendar day of a moment, in local time. */
export function calendarDay(moment: Date): Day {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(moment.getFullYear(), 4)}-${pad(moment.getMonth() + 1, 2)}-${pad(moment.getDate(), 2)}`;
}
