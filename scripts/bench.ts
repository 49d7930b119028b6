import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'esbuild';
import { decideAnswer } from '../src/core/answer/decide-answer.ts';
import type { FaqEntry, Language } from '../src/core/content/faq-entry.ts';
import { buildSearchIndex } from '../src/core/search/build-index.ts';
import { loadSearchEngine, type SearchIndexPayload } from '../src/core/search/search-engine.ts';
import { loadContent } from '../src/build/load-content.ts';
import { evaluate } from '../src/build/evaluate.ts';
import { correctDecisionShare, noAnswerQuality } from '../src/core/eval/metrics.ts';
import { chromiumLaunchOptions } from './lib/chromium.ts';
import { EVAL_DIR, EVAL_SETS, prepareEvalSet } from './lib/eval-sets.ts';
import { serveStatic } from './lib/static-server.ts';
import { syntheticEntries } from './lib/synthetic-corpus.ts';

/*
 * `npm run bench`: the numbers the README quotes (SPEC 9). A benchmark, not a test: it measures
 * and prints, and fails only when it cannot measure. Needs a built site (`npm run build`).
 * Sections: page load and first answer in Chromium, query latency on the demo content and on
 * generated corpora of 1,000 and 10,000 entries, and answer quality on ../shared/eval.
 */

const DIST = join(process.cwd(), 'dist');
const gzipSize = (data: string | Buffer): number => gzipSync(data, { level: 9 }).length;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;

function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

async function browserNumbers(browser: Browser, origin: string): Promise<string> {
  const rows: (string | number)[][] = [];
  for (const path of ['/', '/faq/', '/en/faq/']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
    });
    await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
    const js = scripts.reduce((sum, p) => sum + gzipSize(readFileSync(join(DIST, p))), 0);
    rows.push([path, scripts.length, kb(js)]);
    await context.close();
  }
  const firstAnswer: { ms: number; bytes: number }[] = [];
  for (let run = 0; run < 5; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/faq/`, { waitUntil: 'networkidle' });
    const fetched: string[] = [];
    page.on('response', (response) => fetched.push(new URL(response.url()).pathname));
    const started = performance.now();
    await page.getByRole('button', { name: 'Frage stellen' }).click();
    await page.locator('#vertraut-panel input').fill('Wie lange dauert der Versand?');
    await page.locator('#vertraut-panel input').press('Enter');
    await page.locator('#vertraut-panel .vt-entry').first().waitFor();
    const ms = performance.now() - started;
    const bytes = fetched.reduce((sum, p) => sum + gzipSize(readFileSync(join(DIST, p))), 0);
    firstAnswer.push({ ms, bytes });
    await context.close();
  }
  return [
    '### Page load (Chromium, before any interaction)',
    '',
    table(['page', 'scripts', 'JavaScript (gzip)'], rows),
    '',
    '### Opening the chat to the first answer (/faq/, panel, median of 5, includes typing)',
    '',
    table(['bytes after opening (gzip)', 'time to first answer'], [[kb(median(firstAnswer.map((a) => a.bytes))), `${median(firstAnswer.map((a) => a.ms)).toFixed(0)} ms`]]),
  ].join('\n');
}

function latency(entries: FaqEntry[], lang: Language, queries: readonly string[]): { build: number; p50: number; p95: number; indexGzip: number; fileGzip: number } {
  const started = performance.now();
  const payload = buildSearchIndex(entries, lang, []);
  const build = performance.now() - started;
  const json = JSON.stringify(payload);
  const engine = loadSearchEngine(JSON.parse(json) as SearchIndexPayload);
  for (const q of queries.slice(0, 50)) decideAnswer(engine.search(q));
  const times: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    decideAnswer(engine.search(q));
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { build, p50: percentile(times, 0.5), p95: percentile(times, 0.95), indexGzip: gzipSize(JSON.stringify(payload.index)), fileGzip: gzipSize(json) };
}

function speedNumbers(): string {
  const content = loadContent(join(process.cwd(), 'content'));
  const rows: (string | number)[][] = [];
  for (const lang of ['de', 'en'] as const) {
    const entries = content.entries[lang];
    const queries = entries.flatMap((e) => [e.question, ...e.variants]);
    const corpora: [string, FaqEntry[]][] = [
      [`demo ${lang}`, entries],
      ...(lang === 'de' ? ([[`generated 1,000`, syntheticEntries(entries, 1000, lang)], ['generated 10,000', syntheticEntries(entries, 10_000, lang)]] as [string, FaqEntry[]][]) : []),
    ];
    for (const [name, corpus] of corpora) {
      const corpusQueries = name.startsWith('demo') ? queries : corpus.slice(0, 500).map((e) => e.variants[0] ?? e.question);
      const r = latency(corpus, lang, corpusQueries);
      rows.push([name, corpus.length, corpusQueries.length, `${r.p50.toFixed(3)} ms`, `${r.p95.toFixed(3)} ms`, `${(r.build / 1000).toFixed(2)} s`, `${(r.indexGzip / corpus.length).toFixed(0)} B`, kb(r.fileGzip)]);
    }
  }
  return [
    `### Query latency (search + answer decision, Node ${process.version}, ${cpus()[0]?.model ?? 'cpu'})`,
    '',
    table(['corpus', 'entries', 'queries', 'p50', 'p95', 'index build', 'index per entry (gzip)', 'file with answers (gzip)'], rows),
  ].join('\n');
}

function qualityNumbers(): string {
  if (!existsSync(EVAL_DIR)) return `### Answer quality\n\nSkipped: no evaluation sets at ${EVAL_DIR} (set VERTRAUT_EVAL_DIR).`;
  const rows: (string | number)[][] = [];
  for (const [name, distractors] of EVAL_SETS) {
    const set = prepareEvalSet(name, distractors);
    if (!set) continue;
    const r = evaluate(set.contentRoot, set.queriesFile);
    const d = r.decisions;
    const noAnswer = noAnswerQuality(r);
    rows.push([
      set.name,
      set.entryCount,
      r.queries,
      r.recallAt1.toFixed(3),
      r.recallAt3.toFixed(3),
      r.mrr.toFixed(3),
      `${(100 * correctDecisionShare(r)).toFixed(1)} %`,
      `${((100 * d.answerWrong) / Math.max(1, r.inScope)).toFixed(1)} %`,
      r.outOfScope > 0 ? `${(100 * noAnswer.recall).toFixed(1)} %` : '–',
      `${r.latencyMs.p50.toFixed(3)} / ${r.latencyMs.p95.toFixed(3)} ms`,
    ]);
  }
  return [
    '### Answer quality (`npm run eval` on ../shared/eval, dev questions)',
    '',
    table(['set', 'entries', 'questions', 'R@1', 'R@3', 'MRR', 'right decisions', 'wrong answers', 'out-of-scope rejected', 'latency p50 / p95'], rows),
  ].join('\n');
}

/**
 * The search code a page of each language loads (issue #3 budget: 12 KB gzip): MiniSearch, the
 * engine, the ranking model and that language's analysis, bundled and minified on their own, as
 * the chat chunk carries them; with the answer decision in a second column.
 */
async function searchCodeNumbers(): Promise<string> {
  const src = join(process.cwd(), 'src', 'core');
  const size = async (lines: string[]): Promise<number> => {
    const result = await build({ stdin: { contents: lines.join('\n'), resolveDir: src, loader: 'ts' }, bundle: true, minify: true, format: 'esm', write: false, logLevel: 'error' });
    return gzipSize(Buffer.from(result.outputFiles[0]?.contents ?? new Uint8Array()));
  };
  const rows: string[][] = [];
  for (const lang of ['de', 'en'] as const) {
    const search = [`export { loadSearchEngine } from './search/search-engine.ts';`, `import './search/languages/${lang}.ts';`];
    const bytes = await size(search);
    const withDecision = await size([...search, `export { decideAnswer } from './answer/decide-answer.ts';`]);
    rows.push([lang, `${bytes} B (${kb(bytes)})`, `${withDecision} B (${kb(withDecision)})`]);
  }
  return ['### Search code in the browser (minified, gzip)', '', table(['page language', 'search', 'search + answer decision'], rows)].join('\n');
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('vertraut bench: no dist/; run `npm run build` first');
  const sections: string[] = [`## Benchmark, ${new Date().toISOString().slice(0, 10)}`];
  const { server, origin } = await serveStatic(DIST);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    sections.push(await browserNumbers(browser, origin));
  } finally {
    await browser.close();
    server.close();
  }
  sections.push(await searchCodeNumbers(), speedNumbers(), qualityNumbers());
  console.log(sections.join('\n\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
