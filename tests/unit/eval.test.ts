import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { enginesFor, evaluate, evaluateQueries, readQueries } from '../../src/build/evaluate.ts';
import type { EvalReport } from '../../src/core/eval/metrics.ts';
import { REPO_ROOT, SHOP_CONTENT, SHOP_QUERIES, shopContent } from './support/shop-fixture.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** Runs the `eval` command as an editor's tool would: `node scripts/eval.ts …`. */
function runEval(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['scripts/eval.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const withoutLatency = (report: EvalReport): Omit<EvalReport, 'latencyMs'> => {
  const { latencyMs: _latency, ...rest } = report;
  return rest;
};

describe('npm run eval -- --json', () => {
  let run: ReturnType<typeof runEval>;
  let report: EvalReport;
  beforeAll(() => {
    run = runEval('--content', SHOP_CONTENT, '--queries', SHOP_QUERIES, '--json');
    report = JSON.parse(run.stdout || '{}') as EvalReport;
  });

  it('succeeds and prints one JSON object', () => {
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('has exactly the documented keys (SPEC 2.10)', () => {
    expect(Object.keys(report).sort()).toEqual(['decisions', 'inScope', 'latencyMs', 'mrr', 'outOfScope', 'queries', 'recallAt1', 'recallAt3'].sort());
    expect(Object.keys(report.decisions).sort()).toEqual(
      [
        'answerCorrect',
        'answerWrong',
        'clarifyWithGold',
        'clarifyWithoutGold',
        'noAnswerInScope',
        'answerOutOfScope',
        'clarifyOutOfScope',
        'noAnswerOutOfScope',
      ].sort(),
    );
    expect(Object.keys(report.latencyMs).sort()).toEqual(['p50', 'p95']);
  });

  it('counts every question of the file once', () => {
    const queries = readQueries(SHOP_QUERIES);
    const outOfScope = queries.filter((q) => q.gold === null).length;
    expect(outOfScope).toBeGreaterThanOrEqual(3);
    expect(report).toMatchObject({ queries: queries.length, inScope: queries.length - outOfScope, outOfScope });
    const d = report.decisions;
    expect(d.answerCorrect + d.answerWrong + d.clarifyWithGold + d.clarifyWithoutGold + d.noAnswerInScope).toBe(report.inScope);
    expect(d.answerOutOfScope + d.clarifyOutOfScope + d.noAnswerOutOfScope).toBe(report.outOfScope);
  });

  it('reports rates as fractions and latencies in milliseconds', () => {
    for (const rate of [report.recallAt1, report.recallAt3, report.mrr]) {
      expect(rate).toBeGreaterThanOrEqual(0);
      expect(rate).toBeLessThanOrEqual(1);
    }
    expect(report.recallAt1).toBeLessThanOrEqual(report.recallAt3);
    expect(report.recallAt1).toBeLessThanOrEqual(report.mrr);
    expect(report.latencyMs.p50).toBeGreaterThan(0);
    expect(report.latencyMs.p50).toBeLessThanOrEqual(report.latencyMs.p95);
  });

  it('finds the answers of the fixture shop and stays silent on questions it cannot answer', () => {
    expect(report.recallAt3).toBeGreaterThanOrEqual(0.9);
    expect(report.decisions.answerCorrect).toBeGreaterThanOrEqual(report.inScope * 0.8);
    expect(report.decisions.answerWrong).toBeLessThanOrEqual(1);
    expect(report.decisions.noAnswerOutOfScope).toBeGreaterThanOrEqual(report.outOfScope - 1);
  });

  it('measures with the same code as evaluate()', () => {
    expect(withoutLatency(report)).toEqual(withoutLatency(evaluate(SHOP_CONTENT, SHOP_QUERIES)));
  });
});

describe('npm run eval (text)', () => {
  it('prints the measures for people', () => {
    const run = runEval('--content', SHOP_CONTENT, '--queries', SHOP_QUERIES);
    expect(run.status).toBe(0);
    for (const label of ['recall@1', 'recall@3', 'MRR', 'right decisions', 'no answer', 'latency']) expect(run.stdout).toContain(label);
  });
});

describe('npm run eval with wrong arguments or content', () => {
  it('prints the usage and fails without --queries', () => {
    const run = runEval('--content', SHOP_CONTENT);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('usage: npm run eval -- --content <content root> --queries <file.jsonl> [--interests <category,...>] [--json]');
    expect(run.stdout).toBe('');
  });

  it('prints the usage and fails for an unknown option', () => {
    const run = runEval('--content', SHOP_CONTENT, '--queries', SHOP_QUERIES, '--jsn');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('usage:');
  });

  it('fails for bad content and names the files and fields', () => {
    const run = runEval('--content', fixture('content-broken/two-bad-files'), '--queries', SHOP_QUERIES, '--json');
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('faq/de/lieferzeit.md: field "updated"');
    expect(run.stderr).toContain('faq/de/versand.md: field "question"');
  });

  it('fails for a query file with a bad line and names the line', () => {
    const run = runEval('--content', SHOP_CONTENT, '--queries', fixture('queries-bad-json.jsonl'), '--json');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/queries-bad-json\.jsonl:3 is not valid JSON/);
  });
});

describe('readQueries', () => {
  it('reads JSON Lines, skipping blank lines', () => {
    expect(readQueries(SHOP_QUERIES)[0]).toEqual({ query: 'Was kostet der Versand?', lang: 'de', gold: 'versandkosten' });
  });

  it('says which line has an unknown language and what it needs', () => {
    expect(() => readQueries(fixture('queries-bad-lang.jsonl'))).toThrow(/queries-bad-lang\.jsonl:2 needs \{"query": text, "lang": "de"\|"en", "gold": slug or null\}/);
  });
});

describe('evaluateQueries', () => {
  const engines = enginesFor(shopContent());

  it('has an engine per language with entries', () => {
    expect([...engines.keys()].sort()).toEqual(['de', 'en']);
  });

  it('records the ranking and the decision of each question', () => {
    const [outcome] = evaluateQueries(engines, [{ query: 'Was kostet der Versand?', lang: 'de', gold: 'versandkosten' }]);
    expect(outcome?.ranked[0]).toBe('versandkosten');
    expect(outcome?.decision.kind).toBe('answer');
    expect(outcome?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('gives no answer for a language without entries', () => {
    const german = engines.get('de');
    if (!german) throw new Error('no German engine');
    const [outcome] = evaluateQueries(new Map([['de', german]]), [{ query: 'how much is shipping', lang: 'en', gold: 'versandkosten' }]);
    expect(outcome?.ranked).toEqual([]);
    expect(outcome?.decision.kind).toBe('none');
  });
});

describe('npm run eval -- --interests (SPEC 6: a profile orders near-ties only)', () => {
  const categories = ['shipping', 'returns', 'payment', 'workshop', 'privacy'];
  /** One-word questions that the fixture answers with "Meinten Sie …?" between categories. */
  const NEAR_TIES = fixture('queries-shop-near-ties.jsonl');

  it.each(categories)('with the interest %s, decisions differ from no profile only where there was a clarification', (interest) => {
    const run = runEval('--content', SHOP_CONTENT, '--queries', SHOP_QUERIES, '--interests', interest, '--json');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as EvalReport & { personalization: { interests: string[]; changed: number; changedOutsideNearTies: number } };
    expect(report.personalization.interests).toEqual([interest]);
    expect(report.personalization.changedOutsideNearTies).toBe(0);
  });

  it('changes near-ties: the interests are applied at all', () => {
    const changed = categories.map((interest) => {
      const run = runEval('--content', SHOP_CONTENT, '--queries', NEAR_TIES, '--interests', interest, '--json');
      return (JSON.parse(run.stdout) as { personalization: { changed: number } }).personalization.changed;
    });
    expect(changed).toEqual([2, 3, 0, 1, 0]);
  }, 60_000);

  it('prints the difference in the readable report', () => {
    const run = runEval('--content', SHOP_CONTENT, '--queries', SHOP_QUERIES, '--interests', 'shipping,returns');
    expect(run.stdout).toMatch(/^interests {8}shipping, returns: \d+ decisions differ from no profile, 0 of them outside near-ties$/m);
  });
});
