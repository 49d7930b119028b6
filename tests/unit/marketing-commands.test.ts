import { describe, expect, it } from 'vitest';
import type { PurposeStatus } from '../../src/core/consent/ledger.ts';
import {
  mayShowOffers,
  recognizeStartKeyword,
  shouldAskMarketing,
  type MarketingAskContext,
} from '../../src/core/marketing/marketing-commands.ts';

/*
 * Advertising needs an unambiguous opt-in (SPEC 7.2): only the word "START" typed on its own
 * counts, never a question that happens to contain it. And the bot asks rarely: once per visit,
 * after a helpful answer, and never again after "STOP".
 */

const STARTS = [
  'START',
  'Start',
  'start',
  'sTaRt',
  ' start ',
  '\tSTART\n',
  'START!',
  'Start!!!',
  'start.',
  'START !',
  '„START“',
  '"START"',
  "'start'",
  '“Start”',
  '‚Start‘',
  '«START»',
  '"START"!',
  '„Start!“',
  'ＳＴＡＲＴ',
  '\u00a0START\u00a0',
];

const NOT_STARTS = [
  // Questions and sentences that contain the word.
  'Wie starte ich eine Rücksendung?',
  'start my subscription',
  'Start der Lieferung?',
  'Wann ist der Start des Abos?',
  'How do I start a return?',
  'start the chat over',
  'Starten',
  'starte',
  'Starter',
  'restart',
  'started',
  'startseite',
  'kickstart',
  // The word, but not alone or not as itself.
  'START START',
  'ja start',
  'Ja, START',
  'start bitte',
  'START please',
  'OK start',
  'nicht start',
  'no start',
  'Start?',
  'START?!',
  'start...',
  'START 👍',
  '🚀 START',
  'S T A R T',
  'ST ART',
  'START-',
  '#start',
  '/start',
  'START:',
  // Other opt-in-ish words do not count for advertising.
  'Ja',
  'yes',
  'OK',
  'STOP',
  '',
  '   ',
];

describe('recognizeStartKeyword: only the exact word counts', () => {
  it(`has enough cases on both sides (${STARTS.length} yes, ${NOT_STARTS.length} no)`, () => {
    expect(STARTS.length).toBeGreaterThanOrEqual(15);
    expect(NOT_STARTS.length).toBeGreaterThanOrEqual(25);
  });

  it.each(STARTS)('"%s" is the keyword', (text) => {
    expect(recognizeStartKeyword(text)).toBe(true);
  });

  it.each(NOT_STARTS)('"%s" is not', (text) => {
    expect(recognizeStartKeyword(text)).toBe(false);
  });
});

const STATUSES: readonly PurposeStatus[] = ['unknown', 'granted', 'refused', 'withdrawn', 'objected', 'outdated', 'pending'];

/** The moment the bot may ask: a first helpful answer of a visitor who has not decided. */
const GOOD_MOMENT: MarketingAskContext = {
  enabled: true,
  serviceOnly: false,
  status: 'unknown',
  askedThisVisit: false,
  objectedThisVisit: false,
  lastReplyWasHelpfulAnswer: true,
  answersSoFar: 1,
  storageAvailable: true,
};

describe('shouldAskMarketing', () => {
  it('asks right after the first answer the visitor marked helpful', () => {
    expect(shouldAskMarketing(GOOD_MOMENT)).toBe(true);
    expect(shouldAskMarketing({ ...GOOD_MOMENT, answersSoFar: 7 })).toBe(true);
  });

  it.each([
    ['the site has not enabled marketing', { enabled: false }],
    ['the chat is service-only', { serviceOnly: true }],
    ['the chat is service-only, even if enabled', { enabled: true, serviceOnly: true }],
    ['it was asked already in this visit', { askedThisVisit: true }],
    ['the visitor said STOP in this visit', { objectedThisVisit: true }],
    ['the last answer was not marked helpful (or nothing was answered)', { lastReplyWasHelpfulAnswer: false }],
    ['no question was answered yet', { answersSoFar: 0 }],
    ['the browser cannot store the decision', { storageAvailable: false }],
  ] as [string, Partial<MarketingAskContext>][])('does not ask when %s', (_, change) => {
    expect(shouldAskMarketing({ ...GOOD_MOMENT, ...change })).toBe(false);
  });

  const ASKS_FOR: Record<PurposeStatus, boolean> = {
    unknown: true,
    outdated: true, // consent to a text that has changed since counts as not given (SPEC 3.7)
    expired: true, // consent older than the card promised is asked for again
    granted: false,
    pending: false, // the double opt-in waits for its confirmation
    objected: false, // final until the visitor asks
    refused: false,
    withdrawn: false,
  };
  it.each(STATUSES)('with the purpose %s, asks: see table', (status) => {
    expect(shouldAskMarketing({ ...GOOD_MOMENT, status })).toBe(ASKS_FOR[status]);
  });

  it('asks at most once per visit: after the card is shown, never again that visit', () => {
    const afterCard = { ...GOOD_MOMENT, askedThisVisit: true, answersSoFar: 5 };
    for (const status of STATUSES) expect(shouldAskMarketing({ ...afterCard, status })).toBe(false);
  });

  it('after STOP in this visit, never asks again that visit, whatever the stored status says', () => {
    // Storing the objection may have failed, so the status can still read 'unknown'.
    for (const status of STATUSES) expect(shouldAskMarketing({ ...GOOD_MOMENT, status, objectedThisVisit: true })).toBe(false);
  });

  it('asks for exactly one combination of the yes/no facts (truth table)', () => {
    const flags = ['enabled', 'serviceOnly', 'askedThisVisit', 'objectedThisVisit', 'lastReplyWasHelpfulAnswer', 'storageAvailable'] as const;
    const asking: string[] = [];
    for (let bits = 0; bits < 2 ** flags.length; bits++) {
      const context = { ...GOOD_MOMENT };
      flags.forEach((flag, i) => Object.assign(context, { [flag]: (bits & (1 << i)) !== 0 }));
      for (const answersSoFar of [0, 1, 3]) {
        if (shouldAskMarketing({ ...context, answersSoFar })) asking.push(`${flags.filter((_, i) => bits & (1 << i)).join('+')}@${answersSoFar}`);
      }
    }
    expect(asking).toEqual(['enabled+lastReplyWasHelpfulAnswer+storageAvailable@1', 'enabled+lastReplyWasHelpfulAnswer+storageAvailable@3']);
  });
});

describe('mayShowOffers', () => {
  it('shows offers only when the site enabled them, is not service-only and the visitor opted in', () => {
    const allowed: string[] = [];
    for (const enabled of [false, true]) {
      for (const serviceOnly of [false, true]) {
        for (const status of STATUSES) {
          if (mayShowOffers({ enabled, serviceOnly, status })) allowed.push(`${enabled}/${serviceOnly}/${status}`);
        }
      }
    }
    expect(allowed).toEqual(['true/false/granted']);
  });

  it.each(STATUSES.filter((s) => s !== 'granted'))('shows none while the purpose is %s (pending: the second confirmation is missing)', (status) => {
    expect(mayShowOffers({ enabled: true, serviceOnly: false, status })).toBe(false);
  });
});
