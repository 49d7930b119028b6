import { afterEach, describe, expect, it } from 'vitest';
import type { BotReply } from '../../src/core/dialog/reply.ts';
import type { InsightEvent } from '../../src/core/insights/events.ts';
import { eventForFeedback, eventForReply } from '../../src/core/insights/record.ts';
import { exportDocument, parseImport } from '../../src/core/privacy/export-format.ts';
import type { EntrySummary } from '../../src/core/search/search-engine.ts';

/*
 * What a reply or a rating counts as (SPEC 5.1, 5.2): a closed event with the entry ids, the
 * language and the day, never a time of day; the visitor's words only for an unanswered question,
 * and only when the scrubber keeps them.
 */

function entry(id: string, question: string): EntrySummary {
  return { id, question, category: 'versand', related: [], html: `<p>${question}</p>` };
}

const VERSAND = entry('versanddauer', 'Wie lange dauert der Versand?');
const RUECKSENDUNG = entry('ruecksendung', 'Wie schicke ich etwas zurück?');
const UMTAUSCH = entry('umtausch', 'Kann ich umtauschen?');

const ANSWER: BotReply = { kind: 'answer', entry: VERSAND, lang: 'de', otherLanguage: false, related: [RUECKSENDUNG] };
const CLARIFY: BotReply = { kind: 'clarify', choices: [UMTAUSCH, RUECKSENDUNG], lang: 'de' };
const none = (question: string): BotReply => ({ kind: 'none', question });

/** 23:30 on 15 April in the visitor's own time zone, whatever the zone of the test run. */
const LATE_EVENING = new Date(2026, 3, 15, 23, 30, 45, 123);

describe('eventForReply', () => {
  it('counts an answer by its entry id, with the language and the day, and nothing else', () => {
    const event = eventForReply(ANSWER, 'Wie lange dauert der Versand nach Österreich?', 'de', LATE_EVENING);
    expect(event).toStrictEqual({ kind: 'answered', day: '2026-04-15', lang: 'de', entryId: 'versanddauer' });
    expect(JSON.stringify(event)).not.toContain('Österreich');
  });

  it('counts an answer from the other language under its own entry id and the conversation\'s language', () => {
    const foreign: BotReply = { kind: 'answer', entry: entry('akku-recycling', 'How do I recycle a battery?'), lang: 'en', otherLanguage: true, related: [] };
    expect(eventForReply(foreign, 'Akku entsorgen', 'de', LATE_EVENING)).toStrictEqual({ kind: 'answered', day: '2026-04-15', lang: 'de', entryId: 'akku-recycling' });
  });

  it('counts a clarification by the entries offered, in the order offered', () => {
    const event = eventForReply(CLARIFY, 'Zurückgeben', 'en', LATE_EVENING);
    expect(event).toStrictEqual({ kind: 'clarified', day: '2026-04-15', lang: 'en', entryIds: ['umtausch', 'ruecksendung'] });
    expect(JSON.stringify(event)).not.toContain('Zurückgeben');
  });

  it('keeps an ordinary unanswered question, exactly as it was asked', () => {
    const question = 'Kann ich mit PayPal zahlen?';
    expect(eventForReply(none(question), question, 'de', LATE_EVENING)).toStrictEqual({ kind: 'unanswered', day: '2026-04-15', lang: 'de', text: question });
  });

  it.each([
    ['an e-mail address', 'Meine Adresse ist anna.schmidt@example.org, wo ist mein Paket?'],
    ['a phone number', 'Rufen Sie mich an: 0171 2345678'],
    ['an IBAN', 'Bitte erstatten auf DE89 3704 0044 0532 0130 00'],
    ['a name introduced as a name', 'Hallo, ich heiße Anna Schmidt und habe eine Frage'],
    ['a name in English', 'my name is John Miller, where is my order'],
    ['a link', 'Geht das hier? https://example.org/bestellung/4711'],
    ['a long run of digits', 'Bestellung 12345678901 ist nicht da'],
  ])('counts an unanswered question with %s, but keeps none of its words', (_label, question) => {
    const event = eventForReply(none(question), question, 'de', LATE_EVENING);
    expect(event).toStrictEqual({ kind: 'unanswered', day: '2026-04-15', lang: 'de' });
    expect(event && Object.keys(event)).not.toContain('text');
  });

  it('keeps no words of a question longer than 300 characters, and none of an empty one', () => {
    const long = `Warum ${'ist das so '.repeat(30)}?`;
    expect(long.length).toBeGreaterThan(300);
    expect(eventForReply(none(long), long, 'de', LATE_EVENING)).toStrictEqual({ kind: 'unanswered', day: '2026-04-15', lang: 'de' });
    expect(eventForReply(none(''), '', 'en', LATE_EVENING)).toStrictEqual({ kind: 'unanswered', day: '2026-04-15', lang: 'en' });
  });

  it('counts no event for input with nothing to search (emoji or punctuation alone)', () => {
    expect(eventForReply({ kind: 'nothing-to-search' }, '🙂??', 'de', LATE_EVENING)).toBeUndefined();
  });
});

describe('eventForFeedback', () => {
  it('counts a rating by entry id, yes or no, with the language and the day', () => {
    expect(eventForFeedback('versanddauer', true, 'de', LATE_EVENING)).toStrictEqual({ kind: 'feedback', day: '2026-04-15', lang: 'de', entryId: 'versanddauer', helpful: true });
    expect(eventForFeedback('ruecksendung', false, 'en', LATE_EVENING)).toStrictEqual({ kind: 'feedback', day: '2026-04-15', lang: 'en', entryId: 'ruecksendung', helpful: false });
  });
});

describe('the day of an event (SPEC 5.1: day, not time)', () => {
  const originalZone = process.env['TZ'];
  afterEach(() => {
    if (originalZone === undefined) delete process.env['TZ'];
    else process.env['TZ'] = originalZone;
  });

  function allEvents(now: Date): InsightEvent[] {
    const question = 'Kann ich mit PayPal zahlen?';
    return [
      eventForReply(ANSWER, question, 'de', now),
      eventForReply(CLARIFY, question, 'de', now),
      eventForReply(none(question), question, 'de', now),
      eventForFeedback('versanddauer', true, 'de', now),
    ].flatMap((event) => event ?? []);
  }

  it('is a bare date: no time of day in any event', () => {
    const events = allEvents(LATE_EVENING);
    expect(events).toHaveLength(4);
    for (const event of events) {
      expect(event.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(JSON.stringify(event)).not.toMatch(/T\d|23:30|:45/);
    }
  });

  it('is the same for every moment of a day, so events of one day cannot be told apart by time', () => {
    const morning = allEvents(new Date(2026, 3, 15, 0, 0, 0, 0));
    expect(allEvents(new Date(2026, 3, 15, 23, 59, 59, 999))).toEqual(morning);
    expect(allEvents(new Date(2026, 3, 16, 0, 0, 0, 0))[0]?.day).toBe('2026-04-16');
  });

  it('is the day in the visitor\'s time zone, not in UTC', () => {
    process.env['TZ'] = 'Pacific/Kiritimati'; // UTC+14
    expect(eventForFeedback('versanddauer', true, 'de', new Date('2026-04-15T12:00:00.000Z')).day).toBe('2026-04-16');
    process.env['TZ'] = 'America/Los_Angeles'; // UTC-7 in April
    expect(eventForFeedback('versanddauer', true, 'de', new Date('2026-04-15T05:00:00.000Z')).day).toBe('2026-04-14');
  });

  it('makes events the export file accepts as they are', () => {
    const events = allEvents(LATE_EVENING);
    const doc = exportDocument('https://shop.example', { ledger: [], history: [], insights: events, profile: undefined }, LATE_EVENING);
    expect(parseImport(JSON.stringify(doc))).toEqual({ ok: true, data: doc });
  });
});
