import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import FlexSearch from 'flexsearch';
import type { Language } from '../src/core/content/faq-entry.ts';
import { summarize, correctDecisionShare, noAnswerQuality, type QueryOutcome } from '../src/core/eval/metrics.ts';
import { enginesFor, evaluateQueries, readQueries } from '../src/build/evaluate.ts';
import { loadContent, type ContentSet } from '../src/build/load-content.ts';
import { EVAL_DIR, EVAL_SETS, prepareEvalSet } from './lib/eval-sets.ts';

/*
 * `npm run bench:quality`: vertraut side by side with the engines a site owner could drop in
 * instead, on every set in ../shared/eval, in one process. Each engine is configured as a
 * competent user would: one index per language over question, variants, answer and tags with
 * boosts, stemming and stop words where the engine offers them. Only vertraut decides
 * (answer / clarify / no answer); the others are measured on ranking.
 */

const require = createRequire(import.meta.url);
type Ranker = (query: string) => string[];

type Doc = {
  id: string;
  question: string;
  variants: string;
  answer: string;
  tags: string;
};

function documents(content: ContentSet, lang: Language): Doc[] {
  return content.entries[lang].map((e) => ({ id: e.id, question: e.question, variants: e.variants.join(' '), answer: e.answerText, tags: e.tags.join(' ') }));
}

const BOOST = { question: 3, variants: 2.5, tags: 1.5, answer: 0.5 };

function miniSearchDefaults(docs: Doc[]): Ranker {
  const index = new MiniSearch<Doc>({ fields: ['question', 'variants', 'answer', 'tags'] });
  index.addAll(docs);
  return (q) => index.search(q, { prefix: true, fuzzy: 0.2, boost: BOOST }).map((r) => String(r.id));
}

const lunr = require('lunr') as typeof import('lunr');
require('lunr-languages/lunr.stemmer.support')(lunr);
require('lunr-languages/lunr.de')(lunr);

function lunrRanker(docs: Doc[], lang: Language): Ranker {
  const index = lunr(function () {
    if (lang === 'de') this.use((lunr as unknown as { de: lunr.Builder.Plugin }).de);
    this.ref('id');
    for (const [field, boost] of Object.entries(BOOST)) this.field(field, { boost });
    for (const doc of docs) this.add(doc);
  });
  // Lunr reads its own query syntax; visitors' punctuation must not be taken for it.
  return (q) => {
    try {
      return index.search(q.replace(/[:~^+\-*]/g, ' ')).map((r) => r.ref);
    } catch {
      return [];
    }
  };
}

function flexSearchRanker(docs: Doc[]): Ranker {
  const index = new FlexSearch.Document({ document: { id: 'id', index: ['question', 'variants', 'answer', 'tags'] }, tokenize: 'forward' });
  for (const doc of docs) index.add(doc);
  return (q) => {
    const scores = new Map<string, number>();
    for (const { field, result } of index.search(q, { limit: 20, suggest: true }) as { field: keyof typeof BOOST; result: string[] }[]) {
      result.forEach((id, rank) => scores.set(String(id), (scores.get(String(id)) ?? 0) + BOOST[field] / (rank + 1)));
    }
    return [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  };
}

function rankOnly(ranker: Ranker, queries: ReturnType<typeof readQueries>): QueryOutcome[] {
  return queries.map(({ query, gold }) => {
    const started = performance.now();
    const ranked = ranker(query).slice(0, 10);
    return { gold, ranked, decision: { kind: 'none' }, latencyMs: performance.now() - started };
  });
}

const rows: string[] = [];
for (const [name, distractors] of EVAL_SETS) {
  const set = prepareEvalSet(name, distractors);
  if (!set) continue;
  const content = loadContent(set.contentRoot);
  const queries = readQueries(set.queriesFile);
  const lang = (queries[0]?.lang ?? 'en') as Language;
  const docs = documents(content, lang);
  const engines: [string, () => QueryOutcome[]][] = [
    ['vertraut', () => evaluateQueries(enginesFor(content), queries)],
    ['MiniSearch defaults', () => rankOnly(miniSearchDefaults(docs), queries)],
    ['Lunr' + (lang === 'de' ? ' + lunr-languages' : ''), () => rankOnly(lunrRanker(docs, lang), queries)],
    ['FlexSearch 0.8', () => rankOnly(flexSearchRanker(docs), queries)],
  ];
  for (const [engine, run] of engines) {
    const report = summarize(run());
    const d = report.decisions;
    const decides = engine === 'vertraut';
    rows.push(
      `| ${set.name} | ${engine} | ${report.recallAt1.toFixed(3)} | ${report.recallAt3.toFixed(3)} | ${report.mrr.toFixed(3)} | ${
        decides ? `${(100 * correctDecisionShare(report)).toFixed(1)} %` : '–'
      } | ${decides ? `${((100 * d.answerWrong) / Math.max(1, report.inScope)).toFixed(1)} %` : '–'} | ${
        decides && report.outOfScope > 0 ? `${(100 * noAnswerQuality(report).recall).toFixed(1)} %` : '–'
      } | ${
        decides
          ? `${d.answerCorrect} / ${d.answerWrong} · ${d.clarifyWithGold} / ${d.clarifyWithoutGold} · ${d.noAnswerInScope} / ${report.outOfScope > 0 ? d.noAnswerOutOfScope : '–'}`
          : '–'
      } | ${report.latencyMs.p50.toFixed(3)} / ${report.latencyMs.p95.toFixed(3)} ms |`,
    );
  }
}
if (rows.length === 0) {
  console.error(`vertraut bench:quality: no evaluation sets at ${EVAL_DIR} (set VERTRAUT_EVAL_DIR)`);
  process.exitCode = 1;
} else {
  console.log(
    '| set | engine | R@1 | R@3 | MRR | right decisions | wrong answers | out-of-scope rejected | answer right / wrong · clarify with / without gold · no answer in / out of scope | latency p50 / p95 |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(rows.join('\n'));
}
