import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decideAnswer, type AnswerDecision } from '../../src/core/answer/decide-answer.ts';
import type { Language } from '../../src/core/content/faq-entry.ts';
import { replyTo } from '../../src/core/dialog/reply.ts';
import { replyToPersonalized } from '../../src/core/personal/personal-reply.ts';
import { personalizeDecision, personalizeSuggestions } from '../../src/core/personal/tie-break.ts';
import type { RankedMatch, SearchEngine } from '../../src/core/search/search-engine.ts';
import { SHOP_QUERIES, shopContent, shopEngine } from './support/shop-fixture.ts';

/*
 * Interests break ties between close answers (SPEC 6) and do nothing else: the answer to a clear
 * question is the same with and without a profile.
 */

const de = shopEngine('de');
const en = shopEngine('en');
const engines = { de, en } as const;

function match(id: string, category: string | undefined, score: number, exact = false): RankedMatch {
  return { entry: { id, question: `${id}?`, category, related: [], html: '' }, score, coverage: 1, exact };
}

function decisionFor(lang: Language, question: string): AnswerDecision {
  return decideAnswer(engines[lang].search(question));
}

const ids = (matches: readonly RankedMatch[]): string[] => matches.map((m) => m.entry.id);

describe('personalizeDecision', () => {
  it('leaves the answer to a clear question as it is, whatever the interests', () => {
    const decision = decisionFor('de', 'Was kostet der Versand?');
    expect(decision.kind).toBe('answer');
    for (const interests of [[], ['workshop'], ['returns', 'payment'], ['shipping']]) {
      expect(personalizeDecision(decision, interests)).toBe(decision);
    }
  });

  it('leaves "no answer" as it is', () => {
    const decision = decisionFor('de', 'Xylophon Quantenphysik Mondlandung');
    expect(decision.kind).toBe('none');
    expect(personalizeDecision(decision, ['workshop'])).toBe(decision);
  });

  it('answers a clarifying question when exactly one contender is in an interest, naming the interest and keeping the rest', () => {
    const decision = decisionFor('de', 'Fahrrad');
    expect(decision.kind).toBe('clarify');
    const personalized = personalizeDecision(decision, ['workshop']);
    expect(personalized).toEqual({ kind: 'answer', match: expect.objectContaining({ entry: expect.objectContaining({ id: 'inspektion' }) }), because: 'workshop', alternatives: [expect.objectContaining({ entry: expect.objectContaining({ id: 'ruecksendung' }) })] });
    // The other interest decides the other way.
    const returns = personalizeDecision(decision, ['returns']);
    expect(returns.kind === 'answer' && [returns.match.entry.id, returns.because]).toEqual(['ruecksendung', 'returns']);
  });

  it('keeps asking back when several contenders are in interests, offering those first', () => {
    const decision: AnswerDecision = { kind: 'clarify', matches: [match('versand', 'shipping', 10), match('rechnung', 'payment', 9), match('paypal', 'payment', 8)] };
    const personalized = personalizeDecision(decision, ['payment']);
    expect(personalized.kind).toBe('clarify');
    expect(personalized.kind === 'clarify' && ids(personalized.matches)).toEqual(['rechnung', 'paypal', 'versand']);
  });

  it('keeps the engine’s order when all or none of the contenders are in interests', () => {
    const kette = decisionFor('de', 'Kette');
    expect(kette.kind).toBe('clarify');
    expect(personalizeDecision(kette, ['workshop'])).toBe(kette);
    expect(personalizeDecision(kette, ['shipping'])).toBe(kette);
    const lange = decisionFor('de', 'lange');
    expect(personalizeDecision(lange, ['shipping', 'returns'])).toBe(lange);
  });

  it('ignores contenders without a category', () => {
    const decision: AnswerDecision = { kind: 'clarify', matches: [match('a', undefined, 10), match('b', undefined, 9)] };
    expect(personalizeDecision(decision, ['shipping'])).toBe(decision);
  });
});

describe('personalizeSuggestions', () => {
  it('moves interest matches up only among near-ties, and says why', () => {
    const matches = [match('versand', 'shipping', 10), match('rechnung', 'payment', 9.5), match('paypal', 'payment', 9.2), match('raten', 'payment', 5), match('abholung', 'shipping', 4.8)];
    const personalized = personalizeSuggestions(matches, ['payment']);
    expect(ids(personalized)).toEqual(['rechnung', 'paypal', 'versand', 'raten', 'abholung']);
    expect(personalized.map((m) => m.because)).toEqual(['payment', 'payment', undefined, undefined, undefined]);
  });

  it('never lifts a match over one that scores clearly better', () => {
    const matches = [match('versand', 'shipping', 10), match('rechnung', 'payment', 8.9)];
    expect(ids(personalizeSuggestions(matches, ['payment']))).toEqual(['versand', 'rechnung']);
  });

  it('measures a near-tie from the group’s best, so small steps do not add up', () => {
    // 8.5 is within 90 % of 9.2 but not of 10.
    const matches = [match('versand', 'shipping', 10), match('lieferzeit', 'shipping', 9.2), match('rechnung', 'payment', 8.5)];
    expect(ids(personalizeSuggestions(matches, ['payment']))).toEqual(['versand', 'lieferzeit', 'rechnung']);
    expect(ids(personalizeSuggestions(matches, ['payment'], 0.8))).toEqual(['rechnung', 'versand', 'lieferzeit']);
  });

  it('never moves anything over an exact match', () => {
    const matches = [match('versand', 'shipping', 10, true), match('rechnung', 'payment', 9.9)];
    expect(ids(personalizeSuggestions(matches, ['payment']))).toEqual(['versand', 'rechnung']);
  });

  it('changes nothing without interests', () => {
    const matches = de.suggest('Lief');
    expect(personalizeSuggestions(matches, [])).toEqual(matches);
  });

  it('rejects a ratio outside (0, 1]', () => {
    expect(() => personalizeSuggestions([], ['payment'], 1.5)).toThrow(/vertraut: .*nearTieRatio/);
    expect(() => personalizeSuggestions([], ['payment'], 0)).toThrow(/vertraut: .*nearTieRatio/);
  });
});

describe('replyToPersonalized', () => {
  const context = { engine: de, otherEngine: en };

  it('is replyTo for a clear question', () => {
    expect(replyToPersonalized('Was kostet der Versand?', context, ['workshop'])).toEqual({ reply: replyTo('Was kostet der Versand?', context) });
  });

  it('answers a near-tie from the interest, with the reason and the other choice', () => {
    const personalized = replyToPersonalized('Fahrrad', context, ['workshop']);
    expect(personalized.reply.kind).toBe('answer');
    expect(personalized.reply.kind === 'answer' && personalized.reply.entry.id).toBe('inspektion');
    expect(personalized.because).toBe('workshop');
    expect(personalized.alternatives?.map((e) => e.id)).toEqual(['ruecksendung']);
  });

  it('still asks back, in the engine’s order, when every contender is in an interest', () => {
    const personalized = replyToPersonalized('lange', context, ['returns', 'shipping']);
    expect(personalized.reply.kind).toBe('clarify');
    expect(personalized).toEqual({ reply: replyTo('lange', context) });
  });

  it('leaves out of the related entries what it offers as alternatives', () => {
    // A two-entry engine whose entries fit "Rad" equally well and name each other as related.
    const buy = { id: 'fahrrad-kaufen', question: 'Fahrrad kaufen?', category: 'shop', related: ['fahrrad-reparieren', 'garantie'], html: '' };
    const repair = { id: 'fahrrad-reparieren', question: 'Fahrrad reparieren?', category: 'workshop', related: ['fahrrad-kaufen'], html: '' };
    const entries = [buy, repair, { id: 'garantie', question: 'Garantie?', category: 'returns', related: [], html: '' }];
    const engine: SearchEngine = {
      lang: 'de',
      entries,
      search: () => [
        { entry: buy, score: 10, coverage: 1, exact: false },
        { entry: repair, score: 9.5, coverage: 1, exact: false },
      ],
      suggest: () => [],
      entry: (id) => entries.find((e) => e.id === id),
    };
    expect(replyTo('Rad', { engine }).kind).toBe('clarify');
    const personalized = replyToPersonalized('Rad', { engine }, ['shop']);
    expect(personalized.because).toBe('shop');
    expect(personalized.alternatives?.map((e) => e.id)).toEqual(['fahrrad-reparieren']);
    expect(personalized.reply.kind === 'answer' && personalized.reply.related.map((e) => e.id)).toEqual(['garantie']);
  });
});

/** Every question and variant of the fixture, each tag and question word, and the labelled queries. */
function fixtureQuestions(lang: Language): string[] {
  const questions = new Set<string>();
  for (const entry of shopContent().entries[lang]) {
    questions.add(entry.question);
    for (const variant of entry.variants) questions.add(variant);
    for (const tag of entry.tags) questions.add(tag);
    for (const word of entry.question.split(/\s+/)) questions.add(word.replace(/[?!.,]/g, ''));
  }
  for (const line of readFileSync(SHOP_QUERIES, 'utf8').split('\n').filter(Boolean)) {
    const query = JSON.parse(line) as { query: string; lang: Language };
    if (query.lang === lang) questions.add(query.query);
  }
  return [...questions];
}

describe('personalization on the whole fixture (eval-style)', () => {
  it.each(['de', 'en'] as const)('changes a %s reply only where the bot would have asked back', (lang) => {
    const context = { engine: engines[lang], otherEngine: engines[lang === 'de' ? 'en' : 'de'] };
    const categories = Object.keys(shopContent().categories);
    let clarified = 0;
    let changed = 0;
    for (const question of fixtureQuestions(lang)) {
      const plain = replyTo(question, context);
      const wasClarify = decisionFor(lang, question).kind === 'clarify';
      if (wasClarify) clarified += 1;
      for (const interest of categories) {
        const personalized = replyToPersonalized(question, context, [interest]);
        const differs = JSON.stringify(personalized.reply) !== JSON.stringify(plain) || personalized.because !== undefined;
        if (differs) changed += 1;
        expect(!differs || wasClarify, `${lang} "${question}" with interest ${interest}`).toBe(true);
      }
    }
    // The check means something only if the fixture has near-ties that an interest decides.
    expect(clarified).toBeGreaterThan(0);
    expect(changed).toBeGreaterThan(0);
  });
});
