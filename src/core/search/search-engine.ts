import MiniSearch, { type AsPlainObject, type SearchResult } from 'minisearch';
import { decodeIndex, type CompactIndex } from './compact-index.ts';
import type { Language } from '../content/faq-entry.ts';
import { phrasingKey } from './phrasing-key.ts';
import { analyzeQuery, type AnalyzedQuery } from './query.ts';
import { RANKING_MODEL } from './ranking-model.ts';
import { rankingFeatures, rankScore, trigrams, type RankingModel } from './ranking.ts';
import { loadOptions, queryOptions, type IndexedDocument, type SearchField } from './search-options.ts';
import type { SynonymGroups } from './synonyms.ts';

/** What the browser needs of one entry to show it as an answer. */
export interface EntrySummary {
  readonly id: string;
  readonly question: string;
  readonly category?: string | undefined;
  readonly related: readonly string[];
  /** The answer as HTML rendered at build time from the editor's markdown. */
  readonly html: string;
  /** The informal ("du") answer, when the editor wrote one. */
  readonly htmlDu?: string | undefined;
}

/** The per-language file the build writes and the browser loads on first interaction. */
export interface SearchIndexPayload {
  /** 2 since the index is written compactly (`compact-index.ts`); 1 held MiniSearch's own JSON. */
  readonly format: 2;
  readonly lang: Language;
  readonly entries: readonly EntrySummary[];
  readonly synonyms: SynonymGroups;
  /** Phrasing key (see phrasingKey) of every question and variant → entry index, -1 if shared. */
  readonly phrasings: Readonly<Record<string, number>>;
  readonly index: CompactIndex;
}

/** One entry found for a query, with the evidence the answer decision needs. */
export interface RankedMatch {
  readonly entry: EntrySummary;
  readonly score: number;
  /**
   * How much of the question the entry covers, 0 to 1: the share of the query's words (weighted
   * by how rare they are in the content) that the entry matched, a match in the tags counting 0.8
   * and one in the answer text only half. Read only by the coverage rule, the decision's baseline.
   */
  readonly coverage: number;
  /** The question is one of the entry's own phrasings (its question or a variant), word for word. */
  readonly exact: boolean;
  /**
   * How much the question's words weigh in this index, the same for every match of a question:
   * the sum of their rarity (BM25's inverse document frequency, a word the index does not know at
   * the highest). Score / questionWeight is comparable across questions and across indexes of any
   * size, which a raw BM25 score is not. Absent on matches not made by `search`.
   */
  readonly questionWeight?: number;
  /** The ranking features (ranking.ts) of a match among the candidates ordered again, for fitting. */
  readonly features?: readonly number[];
  /** BM25's own score, when the ranking model ordered this match again (`score` is then the model's). */
  readonly bm25?: number;
}

export interface SearchEngine {
  readonly lang: Language;
  readonly entries: readonly EntrySummary[];
  /** Entries ranked for a finished question. */
  search(question: string, limit?: number): RankedMatch[];
  /** Entries ranked for a question still being typed (the last word may be incomplete). */
  suggest(partialQuestion: string, limit?: number): RankedMatch[];
  /** The entry with this id, if this language has it. */
  entry(id: string): EntrySummary | undefined;
}

const FIELD_EVIDENCE: Record<SearchField, number> = { question: 1, variants: 1, tags: 0.8, answer: 0.5 };

/** Coverage (see RankedMatch): each slot's weight times the best evidence among its fields. */
function coverageOf(slotFields: readonly ReadonlySet<string>[], slotWeights: readonly number[], questionWeight: number): number {
  let covered = 0;
  slotWeights.forEach((weight, slot) => {
    let evidence = 0;
    for (const field of slotFields[slot] ?? []) evidence = Math.max(evidence, FIELD_EVIDENCE[field as SearchField] ?? 0);
    covered += weight * evidence;
  });
  return questionWeight > 0 ? covered / questionWeight : 0;
}

/** Document frequency of every term in a serialized index: the vocabulary and its rarity. */
function documentFrequencies(index: AsPlainObject): Map<string, number> {
  const frequencies = new Map<string, number>();
  for (const [term, byField] of index.index) {
    const docs = new Set<string>();
    for (const postings of Object.values(byField)) for (const docId of Object.keys(postings)) docs.add(docId);
    frequencies.set(term, docs.size);
  }
  return frequencies;
}

/**
 * The fields each query slot matched in a result. A document term that is no query term came from
 * fuzzy or prefix matching, so it counts for the query terms that allowed either.
 */
function slotFieldsOf(query: AnalyzedQuery, result: SearchResult, expandable: ReadonlySet<string>): Set<string>[] {
  const slots = Array.from({ length: query.slotCount }, () => new Set<string>());
  const derived: string[] = [];
  for (const [docTerm, fields] of Object.entries(result.match)) {
    if (!query.terms.some((t) => t.term === docTerm)) derived.push(...fields);
  }
  for (const queryTerm of result.queryTerms) {
    const term = query.terms.find((t) => t.term === queryTerm);
    if (!term) continue;
    const fields = [...(result.match[queryTerm] ?? []), ...(expandable.has(queryTerm) ? derived : [])];
    for (const slot of term.slots) for (const field of fields) slots[slot]?.add(field);
  }
  return slots;
}

export function loadSearchEngine(payload: SearchIndexPayload, ranking: RankingModel = RANKING_MODEL): SearchEngine {
  // A page left open across a deploy may meet an index file of another format.
  if (payload.format !== 2) throw new Error(`vertraut: the search index has format ${String(payload.format)}, this page reads format 2; reload the page.`);
  const index = decodeIndex(payload.index);
  const miniSearch = MiniSearch.loadJS<IndexedDocument>(index, loadOptions());
  const frequencies = documentFrequencies(index);
  const documentCount = payload.entries.length;
  const byId = new Map(payload.entries.map((entry) => [entry.id, entry]));

  const rarity = (term: string): number => {
    const df = frequencies.get(term) ?? 0;
    return Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
  };

  // What the ranking model reads of each entry: its question's terms, and each phrasing's terms.
  const entryQuestions = payload.entries.map((): string[] => []);
  const questionField = String(index.fieldIds['question']);
  for (const [term, byField] of index.index) {
    for (const doc of Object.keys(byField[questionField] ?? {})) entryQuestions[Number(doc)]?.push(term);
  }
  // An entry question's trigrams, made when the entry first is a candidate.
  const questionTrigrams = new Map<number, Set<string>>();
  const trigramsOfEntry = (doc: number): Set<string> => {
    let grams = questionTrigrams.get(doc);
    if (!grams) questionTrigrams.set(doc, (grams = trigrams(payload.entries[doc]?.question ?? '', payload.lang)));
    return grams;
  };
  const phrasings = payload.entries.map((): string[][] => []);
  for (const [key, owner] of Object.entries(payload.phrasings)) {
    if (owner >= 0 && !key.startsWith('~')) phrasings[owner]?.push(key.split(' '));
  }

  const run = (text: string, typing: boolean, limit: number): RankedMatch[] => {
    const query = analyzeQuery(text, payload.lang, frequencies, payload.synonyms, typing);
    const exactOwner = typing ? undefined : payload.phrasings[phrasingKey(text, payload.lang)];
    if (query.terms.length === 0) {
      // Only stop words: nothing to search, but it may still be an entry's own phrasing.
      const entry = exactOwner === undefined ? undefined : payload.entries[exactOwner];
      return entry ? [{ entry, score: 1, coverage: 1, exact: true }] : [];
    }
    const slotWeights = new Array<number>(query.slotCount).fill(0);
    for (const term of query.terms) {
      if (term.kind === 'word') for (const slot of term.slots) slotWeights[slot] = rarity(term.term);
    }
    const questionWeight = slotWeights.reduce((sum, weight) => sum + weight, 0);
    const weights = query.terms.map((t) => t.weight);
    const fuzzyAt = new Set(query.terms.flatMap((t, i) => (t.kind === 'word' && !frequencies.has(t.term) ? [i] : [])));
    const prefixAt = new Set(query.terms.flatMap((t, i) => (t.partial ? [i] : [])));
    const results = miniSearch.search(
      query.terms.map((t) => t.term).join(' '),
      queryOptions(weights, fuzzyAt, prefixAt),
    );
    // The top candidates are ordered again by the ranking model. Their score becomes the best
    // BM25 score scaled by the model's verdict (BM25's own scores under BM25_ORDER), so the answer
    // decision reads ratios of the order the visitor sees.
    const queryTerms = new Set(query.terms.map((t) => t.term));
    const queryTrigrams = trigrams(text, payload.lang);
    const slotTerms = Array.from({ length: query.slotCount }, (_, slot) => query.terms.filter((t) => t.slots.includes(slot)).map((t) => t.term));
    const expandable = new Set(query.terms.flatMap((t, i) => (fuzzyAt.has(i) || prefixAt.has(i) ? [t.term] : [])));
    const bestScore = results[0]?.score ?? 1;
    const [bm25Weight = 1] = ranking.weights;
    const reordered = results.slice(0, Math.max(limit, ranking.depth)).map((result, order) => {
      const slotFields = slotFieldsOf(query, result, expandable);
      const coverage = coverageOf(slotFields, slotWeights, questionWeight);
      if (order >= ranking.depth) return { result, coverage, features: undefined, rank: -Infinity };
      const features = rankingFeatures({
        score: result.score,
        bestScore,
        slotWeights,
        slotFields,
        questionWeight,
        entryQuestion: entryQuestions[result.id as number] ?? [],
        phrasings: phrasings[result.id as number] ?? [],
        queryTerms,
        slotTerms,
        rarity,
        queryTrigrams,
        entryTrigrams: trigramsOfEntry(result.id as number),
      });
      return { result, coverage, features, rank: rankScore(features, ranking) };
    });
    const topRank = Math.max(...reordered.map((r) => r.rank));
    // A stable sort: equal ranks keep BM25's order; candidates past the depth keep theirs, last.
    reordered.sort((a, b) => b.rank - a.rank);
    const matches: RankedMatch[] = [];
    let floor = Infinity;
    for (const { result, coverage, features, rank } of reordered.slice(0, limit)) {
      const entry = payload.entries[result.id as number];
      if (!entry) continue;
      const score = Math.min(floor, features ? bestScore * Math.exp((rank - topRank) / bm25Weight) : result.score);
      floor = score;
      matches.push({ entry, score, coverage, exact: result.id === exactOwner, questionWeight, ...(features ? { features, bm25: result.score } : {}) });
    }
    // An exact phrasing leads, whatever BM25 thought of the entry's other fields.
    const exactAt = matches.findIndex((m) => m.exact);
    if (exactAt > 0) matches.unshift(...matches.splice(exactAt, 1));
    return matches;
  };

  return {
    lang: payload.lang,
    entries: payload.entries,
    search: (question, limit = 10) => run(question, false, limit),
    suggest: (partialQuestion, limit = 5) => run(partialQuestion, true, limit),
    entry: (id) => byId.get(id),
  };
}
