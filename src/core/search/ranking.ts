import type { Language } from '../content/faq-entry.ts';
import { foldWord } from './normalize.ts';

/*
 * The ranking model (issue #3, ADR 002): BM25 orders the candidates, then the top ones are
 * ordered again by a linear score over how each of them covers the question, with weights fitted
 * on labelled questions (`npm run fit-ranking`). BM25 sums term weights over fields; it does not
 * see whether the question's words met the entry's question or only its answer, how much of the
 * entry's own question the visitor's words account for, or how close the question comes to the
 * nearest single phrasing of the entry. These features do, and each is a share (0 to 1) or a
 * ratio, so a model fitted on some sets means the same on any other content.
 */

/** The features, in the order the weights take them. */
export const RANKING_FEATURES = [
  /** ln(score / best score): BM25's own verdict, relative to the best candidate. */
  'bm25',
  /** Share of the question's weight (its words' rarity) matched in the entry's question. */
  'inQuestion',
  /** … in the entry's variants. */
  'inVariants',
  /** … in the entry's answer. */
  'inAnswer',
  /** … in the question, the variants or the tags. */
  'inPhrasings',
  /** Share of the entry question's own weight that the visitor's words matched. */
  'entryQuestionCovered',
  /** ln(1 + the number of terms in the entry's question): long questions match by chance. */
  'entryQuestionLength',
  /** The closest single phrasing (question or variant): weighted Jaccard similarity of the terms. */
  'nearestPhrasing',
  /** The largest share of the question's weight that one phrasing matched. */
  'bestPhrasingCover',
  /**
   * How alike the visitor's question and the entry's question are as strings: the Dice overlap of
   * their letter trigrams. It sees what words miss: parts of compounds ("Masken" in
   * "Schutzmasken"), word forms the stemmer keeps apart, typos, word order.
   */
  'questionTrigrams',
] as const;

export interface RankingModel {
  /** One weight per feature of RANKING_FEATURES; the first (BM25) must be positive. */
  readonly weights: readonly number[];
  /** How many of BM25's best candidates are ordered again. */
  readonly depth: number;
}

/** BM25's order, unchanged: the baseline the fitted model is measured against. */
export const BM25_ORDER: RankingModel = { weights: RANKING_FEATURES.map((_, i) => (i === 0 ? 1 : 0)), depth: 10 };

/** What the features are computed from, for one candidate. */
export interface RankingEvidence {
  readonly score: number;
  readonly bestScore: number;
  /** Per query slot, its rarity weight and the fields it matched in this entry. */
  readonly slotWeights: readonly number[];
  readonly slotFields: readonly ReadonlySet<string>[];
  readonly questionWeight: number;
  /** The entry question's terms (each once), and the entry's phrasings' terms. */
  readonly entryQuestion: readonly string[];
  readonly phrasings: readonly (readonly string[])[];
  /** Every term the query searched for (words, compound parts, corrections, synonyms). */
  readonly queryTerms: ReadonlySet<string>;
  /** The terms of each query slot (a word with its compound parts, joined forms, synonyms). */
  readonly slotTerms: readonly (readonly string[])[];
  readonly rarity: (term: string) => number;
  /** The letter trigrams (`trigrams`) of the visitor's question and of the entry's question. */
  readonly queryTrigrams: ReadonlySet<string>;
  readonly entryTrigrams: ReadonlySet<string>;
}

/**
 * The letter trigrams of a text, spelled the way the index spells words (`foldWord`: lower case,
 * accents off, German "ae"/"ue"/"ß" read as "ä"/"ü"/"ss"), anything but letters and digits as
 * one space, a space before and after.
 */
export function trigrams(text: string, lang: Language): Set<string> {
  const words = text.toLowerCase().normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const folded = ` ${words.map((word) => foldWord(word, lang)).join(' ')} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= folded.length; i++) grams.add(folded.slice(i, i + 3));
  return grams;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return a.size + b.size > 0 ? (2 * shared) / (a.size + b.size) : 0;
}

const PHRASING_FIELDS = ['question', 'variants', 'tags'];

export function rankingFeatures(evidence: RankingEvidence): number[] {
  const { slotWeights, slotFields, questionWeight, queryTerms, rarity } = evidence;
  const share = (fields: readonly string[]): number => {
    let matched = 0;
    slotWeights.forEach((weight, slot) => {
      if (fields.some((field) => slotFields[slot]?.has(field))) matched += weight;
    });
    return questionWeight > 0 ? matched / questionWeight : 0;
  };
  let questionTotal = 0;
  let questionMatched = 0;
  for (const term of evidence.entryQuestion) {
    const weight = rarity(term);
    questionTotal += weight;
    if (queryTerms.has(term)) questionMatched += weight;
  }
  // A phrasing against the question: the phrasing's matched terms by their own weight, the
  // question's slots by theirs, so that synonyms and compound parts never count a word twice.
  let nearest = 0;
  let bestCover = 0;
  for (const phrasing of evidence.phrasings) {
    let shared = 0;
    let own = 0;
    for (const term of phrasing) {
      const weight = rarity(term);
      own += weight;
      if (queryTerms.has(term)) shared += weight;
    }
    let covered = 0;
    evidence.slotTerms.forEach((terms, slot) => {
      if (terms.some((term) => phrasing.includes(term))) covered += slotWeights[slot] ?? 0;
    });
    const union = own + questionWeight - covered;
    if (union > 0) nearest = Math.max(nearest, shared / union);
    if (questionWeight > 0) bestCover = Math.max(bestCover, covered / questionWeight);
  }
  return [
    Math.log(evidence.score / evidence.bestScore),
    share(['question']),
    share(['variants']),
    share(['answer']),
    share(PHRASING_FIELDS),
    questionTotal > 0 ? questionMatched / questionTotal : 0,
    Math.log(1 + evidence.entryQuestion.length),
    nearest,
    bestCover,
    dice(evidence.queryTrigrams, evidence.entryTrigrams),
  ];
}

export function rankScore(features: readonly number[], model: RankingModel): number {
  let score = 0;
  features.forEach((value, i) => {
    score += value * (model.weights[i] ?? 0);
  });
  return score;
}
