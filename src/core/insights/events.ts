import type { Day } from '../calendar-day.ts';
import type { Language } from '../content/faq-entry.ts';

/*
 * The closed events counted for the purpose `insights` (SPEC 5.1): what happened to a question,
 * in which language, on which day. No time of day, no session, no device: counts, not people.
 * The only free text is an unanswered question, and only after the scrubber (SPEC 5.2).
 */

/** The longest question text an event keeps; the scrubber drops longer ones whole. */
export const MAX_EVENT_TEXT = 300;

export const INSIGHT_KINDS = ['answered', 'clarified', 'unanswered', 'feedback'] as const;
export type InsightKind = (typeof INSIGHT_KINDS)[number];

export type InsightEvent =
  | { readonly kind: 'answered'; readonly day: Day; readonly lang: Language; readonly entryId: string }
  | { readonly kind: 'clarified'; readonly day: Day; readonly lang: Language; readonly entryIds: readonly string[] }
  /** `text` is the scrubbed question; absent when the scrubber dropped it. */
  | { readonly kind: 'unanswered'; readonly day: Day; readonly lang: Language; readonly text?: string | undefined }
  | { readonly kind: 'feedback'; readonly day: Day; readonly lang: Language; readonly entryId: string; readonly helpful: boolean };
