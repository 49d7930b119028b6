import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readQueries } from '../src/build/evaluate.ts';
import { loadContent } from '../src/build/load-content.ts';
import { LANGUAGES } from '../src/core/content/faq-entry.ts';
import { buildSearchIndex } from '../src/core/search/build-index.ts';
import { firstByModel, fitRankingModel, type RankingExample } from '../src/core/search/fit-ranking.ts';
import { BM25_ORDER, RANKING_FEATURES, type RankingModel } from '../src/core/search/ranking.ts';
import { loadSearchEngine, type SearchEngine, type SearchIndexPayload } from '../src/core/search/search-engine.ts';
import { EVAL_DIR, EVAL_SETS, prepareEvalSet } from './lib/eval-sets.ts';

/*
 * `npm run fit-ranking [-- --write]`: fits the ranking model (src/core/search/ranking.ts) on the
 * labelled sets in ../shared/eval (VERTRAUT_EVAL_DIR), and shows what it is worth on questions it
 * has not seen: for each source set, the model fitted on the other sets, R@1 against BM25's own
 * order. Every source set weighs the same; a set with and without distractors shares its weight.
 * With --write the model fitted on all sets goes to src/core/search/ranking-model.ts. The answer
 * decision reads the ranking, so `npm run calibrate -- --write` follows a new ranking model.
 */

const LAMBDA = 0.01;
const DEPTH = 10;

interface LabelledRanking {
  /** The candidates' features in BM25's order; `exact`: the one an entry's own phrasing puts first. */
  readonly candidates: readonly (readonly number[])[];
  readonly right: number;
  readonly exact: number;
}

interface RankedSet {
  readonly name: string;
  readonly source: string;
  readonly questions: readonly LabelledRanking[];
}

const { values: args } = parseArgs({ options: { write: { type: 'boolean', default: false } } });

function rankAll(): RankedSet[] {
  const sets: RankedSet[] = [];
  for (const [name, distractors] of EVAL_SETS) {
    const set = prepareEvalSet(name, distractors);
    if (!set) continue;
    const content = loadContent(set.contentRoot);
    const engines = new Map<string, SearchEngine>();
    for (const lang of LANGUAGES) {
      if (content.entries[lang].length === 0) continue;
      const payload = buildSearchIndex(content.entries[lang], lang, content.synonyms[lang]);
      engines.set(lang, loadSearchEngine(JSON.parse(JSON.stringify(payload)) as SearchIndexPayload, BM25_ORDER));
    }
    const questions = readQueries(set.queriesFile).flatMap((q) => {
      if (q.gold === null) return [];
      const matches = (engines.get(q.lang)?.search(q.query, DEPTH) ?? []).filter((m) => m.features);
      return [{ candidates: matches.map((m) => m.features ?? []), right: matches.findIndex((m) => m.entry.id === q.gold), exact: matches.findIndex((m) => m.exact) }];
    });
    sets.push({ name: set.name, source: name, questions });
  }
  return sets;
}

function examplesOf(sets: readonly RankedSet[]): RankingExample[] {
  const sources = new Set(sets.map((s) => s.source));
  const perSource = new Map<string, number>();
  for (const set of sets) perSource.set(set.source, (perSource.get(set.source) ?? 0) + set.questions.length);
  return sets.flatMap((set) =>
    set.questions.map((q) => ({ candidates: q.candidates, right: q.right, weight: 1 / ((perSource.get(set.source) ?? 1) * sources.size) })),
  );
}

function recallAt1(set: RankedSet, model: RankingModel): number {
  const right = set.questions.filter((q) => q.right >= 0 && (q.exact >= 0 ? q.exact : firstByModel(q.candidates, model)) === q.right).length;
  return right / Math.max(1, set.questions.length);
}

const sets = rankAll();
if (sets.length === 0) {
  console.error(`vertraut fit-ranking: no evaluation sets at ${EVAL_DIR} (set VERTRAUT_EVAL_DIR).`);
  process.exit(1);
}
const model = fitRankingModel(examplesOf(sets), LAMBDA, DEPTH);
const rows: string[] = [];
let [baseSum, heldSum, allSum] = [0, 0, 0];
for (const source of new Set(sets.map((s) => s.source))) {
  const held = fitRankingModel(examplesOf(sets.filter((s) => s.source !== source)), LAMBDA, DEPTH);
  for (const set of sets.filter((s) => s.source === source)) {
    const [base, out, all] = [recallAt1(set, BM25_ORDER), recallAt1(set, held), recallAt1(set, model)];
    [baseSum, heldSum, allSum] = [baseSum + base, heldSum + out, allSum + all];
    rows.push(`${set.name.padEnd(24)} ${base.toFixed(3)}  ${out.toFixed(3)}  ${all.toFixed(3)}`);
  }
}
const mean = (sum: number): string => (sum / sets.length).toFixed(3);
const report = [
  `R@1 on the dev sets: BM25's order, the model fitted on the other sets, the model fitted on all`,
  ...rows,
  `${'macro'.padEnd(24)} ${mean(baseSum)}  ${mean(heldSum)}  ${mean(allSum)}`,
];
console.log(report.join('\n'));
console.log(`\nweights: ${RANKING_FEATURES.map((name, i) => `${name} ${(model.weights[i] ?? 0).toFixed(3)}`).join(', ')}`);

if (args.write) {
  const file = join(import.meta.dirname, '..', 'src', 'core', 'search', 'ranking-model.ts');
  const weights = model.weights.map((w) => Number(w.toFixed(4)));
  writeFileSync(
    file,
    `import type { RankingModel } from './ranking.ts';

/*
 * Written by \`npm run fit-ranking -- --write\` (scripts/fit-ranking.ts); do not edit by hand.
 * Weights in the order of RANKING_FEATURES (${RANKING_FEATURES.join(', ')}).
 *
${report.map((line) => ` * ${line}`).join('\n')}
 */
export const RANKING_MODEL: RankingModel = { weights: [${weights.join(', ')}], depth: ${DEPTH} };
`,
  );
  console.log(`\nwrote ${file}`);
}
