import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DEFAULT_THRESHOLDS } from '../core/answer/decide-answer.ts';
import { decideWith, type DecisionThresholds } from '../core/answer/coverage-rule.ts';
import { isLanguage, LANGUAGES, type Language } from '../core/content/faq-entry.ts';
import { summarize, type EvalReport, type LabelledQuery, type QueryOutcome } from '../core/eval/metrics.ts';
import { personalizeDecision } from '../core/personal/tie-break.ts';
import { buildSearchIndex } from '../core/search/build-index.ts';
import { loadSearchEngine, type SearchEngine, type SearchIndexPayload } from '../core/search/search-engine.ts';
import { loadContent, type ContentSet } from './load-content.ts';

/*
 * The `eval` command's engine room. It builds the index exactly as the site build does, sends
 * it through JSON as the browser receives it, and asks each question through the same
 * `search` + `decideAnswer` the chat calls.
 */

export function readQueries(file: string): LabelledQuery[] {
  const queries: LabelledQuery[] = [];
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (!line.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`vertraut eval: ${file}:${index + 1} is not valid JSON`);
      }
      const q = value as Partial<LabelledQuery>;
      if (typeof q.query !== 'string' || !isLanguage(q.lang) || !(typeof q.gold === 'string' || q.gold === null)) {
        throw new Error(`vertraut eval: ${file}:${index + 1} needs {"query": text, "lang": "de"|"en", "gold": slug or null}`);
      }
      queries.push({ query: q.query, lang: q.lang, gold: q.gold });
    });
  return queries;
}

/** The engines of a content set, one per language that has entries, as the browser loads them. */
export function enginesFor(content: ContentSet): Map<Language, SearchEngine> {
  const engines = new Map<Language, SearchEngine>();
  for (const lang of LANGUAGES) {
    if (content.entries[lang].length === 0) continue;
    const payload = buildSearchIndex(content.entries[lang], lang, content.synonyms[lang]);
    engines.set(lang, loadSearchEngine(JSON.parse(JSON.stringify(payload)) as SearchIndexPayload));
  }
  return engines;
}

/**
 * `interests`: a visitor profile's interest categories (SPEC 6), applied exactly as the chat
 * applies them: only a clarification between near-equal entries can change.
 */
export function evaluateQueries(
  engines: ReadonlyMap<Language, SearchEngine>,
  queries: readonly LabelledQuery[],
  thresholds: DecisionThresholds = DEFAULT_THRESHOLDS,
  interests: readonly string[] = [],
): QueryOutcome[] {
  for (const engine of engines.values()) warmUp(engine, thresholds);
  return queries.map(({ query, lang, gold }) => {
    const engine = engines.get(lang as Language);
    const started = performance.now();
    const matches = engine ? engine.search(query) : [];
    const plain = decideWith(matches, thresholds);
    const decision = interests.length > 0 ? personalizeDecision(plain, interests) : plain;
    const latencyMs = performance.now() - started;
    return { gold, ranked: matches.map((m) => m.entry.id), decision, latencyMs };
  });
}

/**
 * Questions asked before any is timed, so that latency is the engine's, not the JIT compiler's or
 * the collector's: with 200, a single set's p95 still varied from 0.7 to 1.5 ms between runs of the
 * same code (covidqa-en with distractors, whose steady-state p95 is 0.45 ms).
 */
export const WARM_UP_QUESTIONS = 1000;

/**
 * Asks the content's own questions (never the questions being measured) until the engine's code
 * is compiled: the latency a visitor meets once the chat runs. Time to the first answer, JIT
 * included, is what `npm run bench` measures in Chromium.
 */
function warmUp(engine: SearchEngine, thresholds: DecisionThresholds): void {
  const { entries } = engine;
  for (let i = 0; i < WARM_UP_QUESTIONS && entries.length > 0; i++) {
    decideWith(engine.search(entries[i % entries.length]?.question ?? ''), thresholds);
  }
}

export function evaluate(contentRoot: string, queriesFile: string): EvalReport {
  const engines = enginesFor(loadContent(contentRoot));
  return summarize(evaluateQueries(engines, readQueries(queriesFile)));
}

export interface PersonalizationDiff {
  /** Questions whose decision differs with the interests. */
  readonly changed: number;
  /** Of those, how many were not a clarification without them (must be 0: SPEC 6, issue #7). */
  readonly changedOutsideNearTies: number;
}

/**
 * The report as a visitor with these interest categories gets it, and how its decisions differ
 * from a visitor without a profile: only former clarifications may change.
 */
export function evaluateWithInterests(contentRoot: string, queriesFile: string, interests: readonly string[]): { report: EvalReport; personalization: PersonalizationDiff } {
  const engines = enginesFor(loadContent(contentRoot));
  const queries = readQueries(queriesFile);
  const plain = evaluateQueries(engines, queries);
  const personal = evaluateQueries(engines, queries, DEFAULT_THRESHOLDS, interests);
  const key = (outcome: QueryOutcome): string => {
    const d = outcome.decision;
    return d.kind === 'answer' ? `answer:${d.match.entry.id}` : d.kind === 'clarify' ? `clarify:${d.matches.map((m) => m.entry.id).join(',')}` : 'none';
  };
  let changed = 0;
  let changedOutsideNearTies = 0;
  personal.forEach((outcome, i) => {
    const before = plain[i];
    if (!before || key(before) === key(outcome)) return;
    changed++;
    if (before.decision.kind !== 'clarify') changedOutsideNearTies++;
  });
  return { report: summarize(personal), personalization: { changed, changedOutsideNearTies } };
}
