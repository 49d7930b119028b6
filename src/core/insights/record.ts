import type { Language } from '../content/faq-entry.ts';
import type { BotReply } from '../dialog/reply.ts';
import { calendarDay } from '../calendar-day.ts';
import type { InsightEvent } from './events.ts';
import { scrubPersonalData } from './scrub.ts';

/*
 * What a reply or a rating counts as (SPEC 5.1): the event is built here, from the reply the
 * visitor saw, so the browser and the tests agree on exactly what is kept. The question's own
 * words are kept only for an unanswered question, and only what the scrubber lets through.
 */

export function eventForReply(reply: BotReply, question: string, lang: Language, now: Date): InsightEvent | undefined {
  const day = calendarDay(now);
  switch (reply.kind) {
    case 'answer':
      return { kind: 'answered', day, lang, entryId: reply.entry.id };
    case 'clarify':
      return { kind: 'clarified', day, lang, entryIds: reply.choices.map((choice) => choice.id) };
    case 'none': {
      const scrubbed = question ? scrubPersonalData(question, lang) : undefined;
      return scrubbed?.kept ? { kind: 'unanswered', day, lang, text: scrubbed.text } : { kind: 'unanswered', day, lang };
    }
    case 'nothing-to-search':
      // Emoji or punctuation alone is no question to count.
      return undefined;
  }
}

export function eventForFeedback(entryId: string, helpful: boolean, lang: Language, now: Date): InsightEvent {
  return { kind: 'feedback', day: calendarDay(now), lang, entryId, helpful };
}
