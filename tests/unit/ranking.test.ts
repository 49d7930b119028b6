import { describe, expect, it } from 'vitest';
import { firstByModel, fitRankingModel, type RankingExample } from '../../src/core/search/fit-ranking.ts';
import { BM25_ORDER, RANKING_FEATURES, rankingFeatures, rankScore, trigrams, type RankingEvidence } from '../../src/core/search/ranking.ts';
import { RANKING_MODEL } from '../../src/core/search/ranking-model.ts';
import { loadSearchEngine, type SearchIndexPayload } from '../../src/core/search/search-engine.ts';
import { shopPayload } from './support/shop-fixture.ts';

const RARITY: Record<string, number> = { versand: 2, kost: 1, ausland: 3, schweiz: 4, porto: 2 };

/** "Was kostet der Versand in die Schweiz?" against an entry "Versandkosten ins Ausland". */
function evidence(overrides: Partial<RankingEvidence> = {}): RankingEvidence {
  return {
    score: 5,
    bestScore: 10,
    // Slots: versand (2), kost (1), schweiz (4): question weight 7.
    slotWeights: [2, 1, 4],
    slotFields: [new Set(['question', 'answer']), new Set(['variants']), new Set(['answer'])],
    questionWeight: 7,
    entryQuestion: ['versand', 'kost', 'ausland'],
    phrasings: [['ausland', 'kost', 'versand'], ['porto', 'schweiz']],
    queryTerms: new Set(['versand', 'kost', 'schweiz', 'porto']),
    slotTerms: [['versand', 'porto'], ['kost'], ['schweiz']],
    rarity: (term) => RARITY[term] ?? 5,
    queryTrigrams: trigrams('Versandkosten Schweiz', 'de'),
    entryTrigrams: trigrams('Versandkosten ins Ausland', 'de'),
    ...overrides,
  };
}

describe('rankingFeatures', () => {
  it('measures, worked out by hand, how the entry covers the question', () => {
    const [bm25, inQuestion, inVariants, inAnswer, inPhrasings, entryQuestion, length, nearest, bestCover, questionTrigrams] = rankingFeatures(evidence());
    expect(bm25).toBeCloseTo(Math.log(0.5));
    expect(inQuestion).toBeCloseTo(2 / 7);
    expect(inVariants).toBeCloseTo(1 / 7);
    expect(inAnswer).toBeCloseTo(6 / 7);
    expect(inPhrasings).toBeCloseTo(3 / 7);
    // The entry's question: versand and kost matched (3 of 6).
    expect(entryQuestion).toBeCloseTo(3 / 6);
    expect(length).toBeCloseTo(Math.log(4));
    // Phrasing 1 shares versand + kost (3) of its 6 and covers slots of weight 3: Jaccard 3 / (6 + 7 - 3).
    // Phrasing 2 shares porto + schweiz (6) of its 6 and covers versand (via porto) and schweiz: 6 / (6 + 7 - 6).
    expect(nearest).toBeCloseTo(6 / 7);
    expect(bestCover).toBeCloseTo(6 / 7);
    // " versandkosten schweiz " has 21 distinct trigrams, " versandkosten ins ausland " 24 ("and"
    // twice); they share the 13 of " versandkosten ".
    expect(questionTrigrams).toBeCloseTo((2 * 13) / (21 + 24));
  });

  it('reads trigrams the way a visitor may write: case, umlauts, accents, ß and punctuation folded', () => {
    expect(trigrams('Rückgabe – Straße!', 'de')).toEqual(trigrams('RUECKGABE strasse', 'de'));
    expect(trigrams('Café', 'en')).toEqual(trigrams('cafe', 'en'));
    expect(trigrams('', 'en').size).toBe(0);
  });

  it('never counts a word twice through its synonyms: shares stay within 0 and 1', () => {
    const features = rankingFeatures(evidence({ phrasings: [['versand', 'porto', 'kost', 'schweiz']], entryQuestion: ['versand', 'porto'] }));
    for (const value of features.slice(1, 6)) expect(value).toBeLessThanOrEqual(1);
    expect(features[7]).toBeLessThanOrEqual(1);
    expect(features[8]).toBeCloseTo(1);
  });

  it('gives one value per named feature, and BM25_ORDER scores exactly BM25', () => {
    expect(rankingFeatures(evidence())).toHaveLength(RANKING_FEATURES.length);
    expect(rankScore(rankingFeatures(evidence()), BM25_ORDER)).toBeCloseTo(Math.log(0.5));
  });
});

describe('fitRankingModel', () => {
  // Three candidates per question; BM25 puts a wrong one first half the time, feature 1 always
  // marks the right one (with noise). The fit must learn to follow feature 1.
  const examples: RankingExample[] = Array.from({ length: 200 }, (_, q) => {
    const right = q % 3;
    const candidates = [0, 1, 2].map((c) => RANKING_FEATURES.map((_, f) => (f === 0 ? -0.1 * c : f === 1 ? (c === right ? 0.8 : 0.2) + 0.1 * Math.sin(q + c) : 0)));
    return { candidates, right, weight: 1 };
  });

  it('learns the feature that marks the right entry, keeping BM25 positive', () => {
    const model = fitRankingModel(examples, 0.01, 10);
    expect(model.weights[1]).toBeGreaterThan(1);
    expect(model.weights[0]).toBeGreaterThan(0);
    const right = examples.filter((e) => firstByModel(e.candidates, model) === e.right).length;
    expect(right / examples.length).toBeGreaterThan(0.95);
    expect(examples.filter((e) => firstByModel(e.candidates, BM25_ORDER) === e.right).length / examples.length).toBeLessThan(0.4);
  });

  it('refuses to fit without a question whose right entry is among several candidates', () => {
    expect(() => fitRankingModel([{ candidates: [[0]], right: 0, weight: 1 }], 0.01, 10)).toThrow(/needs a labelled question/);
  });
});

describe('the ranking model in the engine', () => {
  const payload = (): SearchIndexPayload => JSON.parse(JSON.stringify(shopPayload('de'))) as SearchIndexPayload;

  it('under BM25_ORDER keeps BM25 scores and order', () => {
    const matches = loadSearchEngine(payload(), BM25_ORDER).search('Kann ich mein Fahrrad zurückschicken?');
    for (const m of matches) expect(m.score).toBeCloseTo(m.bm25 ?? NaN);
    expect(matches.map((m) => m.score)).toEqual([...matches.map((m) => m.score)].sort((a, b) => b - a));
  });

  it('orders by the fitted model, scores descending, and reports each candidate\'s features', () => {
    const engine = loadSearchEngine(payload(), RANKING_MODEL);
    const matches = engine.search('Wie lange dauert die Lieferung?', 20);
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.map((m) => m.score)).toEqual([...matches.map((m) => m.score)].sort((a, b) => b - a));
    matches.forEach((m, i) => expect(m.features === undefined).toBe(i >= RANKING_MODEL.depth));
    const ranks = matches.slice(0, RANKING_MODEL.depth).map((m) => rankScore(m.features ?? [], RANKING_MODEL));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });
});
