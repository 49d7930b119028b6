import type { Language } from '../content/faq-entry.ts';

/*
 * The closed events counted for the purpose `insights` (SPEC 5.1): what happened to a question,
 * in which language, on which day. No time of day, no session, no device: counts, not people.
 * The only free text is an unanswered question, and only after the scrubber (SPEC 5.2).
 */

export const INSIGHT_KINDS = ['answered', 'clarified', 'unanswered', 'feedback'] as const;
export type InsightKind = (typeof INSIGHT_KINDS)[number];

/** A calendar day, YYYY-MM-DD, in the visitor's time zone. */
export type Day = string;

export type InsightEvent =
  | { readonly kind: 'answered'; readonly day: Day; readonly lang: Language; readonly entryId: string }
  | { readonly kind: 'clarified'; readonly day: Day; readonly lang: Language; readonly entryIds: readonly string[] }
  /** `text` is the scrubbed question; absent when the scrubber dropped it. */
  | { readonly kind: 'unanswered'; readonly day: Day; readonly lang: Language; readonly text?: string | undefined }
  | { readonly kind: 'feedback'; readonly day: Day; readonly lang: Language; readonly entryId: string; readonly helpful: boolean };

/** The day of an instant in the visitor's own calendar; the time of day is dropped here. */
export function dayOf(date: Date): Day {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function isDay(value: unknown): value is Day {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}
