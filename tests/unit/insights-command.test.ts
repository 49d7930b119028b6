import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentGaps } from '../../src/core/insights/content-gaps.ts';
import type { InsightEvent } from '../../src/core/insights/events.ts';
import { buildReport, type InsightsReport } from '../../src/core/insights/report.ts';
import { REPO_ROOT } from './support/shop-fixture.ts';

/*
 * `npm run insights`, run as an editor runs it: `node scripts/insights-report.ts …` on a folder of
 * report files collected from testers, some of them damaged.
 */

const USAGE = 'usage: npm run insights -- [--min-reports N] [--json] <report files or directories>';
const SITE = 'https://speiche-und-kette.example';
const SECRET = 'Ist Herr Sommer heute im Laden?';

function runInsights(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['scripts/insights-report.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const day = '2026-04-02';
const tester = (n: number, extra: InsightEvent[] = []): InsightsReport =>
  buildReport(
    [
      { kind: 'unanswered', day, lang: 'de', text: 'Kann ich mit PayPal zahlen?' },
      { kind: 'unanswered', day, lang: 'en', text: 'Is the | pipe * safe?' },
      { kind: 'answered', day: '2026-04-01', lang: 'de', entryId: 'versandkosten' },
      { kind: 'feedback', day, lang: 'de', entryId: 'versandkosten', helpful: false },
      ...extra,
    ],
    SITE,
    () => `00000000-0000-4000-8000-00000000000${n}`,
  );

const REPORTS = [tester(1, [{ kind: 'unanswered', day, lang: 'de', text: SECRET }]), tester(2, [{ kind: 'unanswered', day: '2026-04-06', lang: 'de', text: SECRET }]), tester(3)];

let dir: string;
let good: string;
let bad: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vertraut-insights-'));
  good = join(dir, 'good');
  bad = join(dir, 'bad');
  mkdirSync(join(good, 'tester-3'), { recursive: true });
  mkdirSync(bad);
  writeFileSync(join(good, 'tester-1.json'), JSON.stringify(REPORTS[0], null, 2));
  writeFileSync(join(good, 'tester-2.json'), JSON.stringify(REPORTS[1]));
  writeFileSync(join(good, 'tester-3', 'report.json'), JSON.stringify(REPORTS[2]));
  // The same report sent twice, under another name: counted once.
  writeFileSync(join(good, 'tester-1-again.json'), JSON.stringify(REPORTS[0]));
  // Not a .json file: a directory's other files are not read.
  writeFileSync(join(good, 'notes.txt'), 'not a report');
  writeFileSync(join(bad, 'cut-off.json'), JSON.stringify(REPORTS[2]).slice(0, 80));
  writeFileSync(join(bad, 'with-agent.json'), JSON.stringify({ ...REPORTS[2], userAgent: 'Firefox' }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run insights (markdown)', () => {
  it('prints the content gaps of a folder of good reports and succeeds', () => {
    const run = runInsights(good);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('# Content gaps');
    expect(lines).toContain('3 reports from 2026-04-01 to 2026-04-06; 1 duplicate counted once.');
    expect(lines).toContain('Questions: 3 answered, 0 clarified, 8 unanswered.');
    expect(lines).toContain('| 2 | Kann ich mit PayPal zahlen? | de | 3 | 3 |');
    expect(lines).toContain('| 1 | Is the \\| pipe \\* safe? | en | 3 | 3 |');
    expect(lines).toContain('1 question asked in fewer than 3 reports (2 times) not shown, to protect the words of single testers.');
    expect(lines).toContain('| versandkosten | 0 | 3 | 0 % | 3 |');
    expect(lines).toContain('| versandkosten | 3 | 3 |');
    expect(run.stdout).not.toContain('Sommer');
    // Files are read in code-unit order: "tester-1-again.json" comes before "tester-1.json".
    expect(run.stderr).toContain(`note: ${join(good, 'tester-1.json')} is the same report as ${join(good, 'tester-1-again.json')}; counted once`);
  });

  it('shows a text asked in 2 reports with --min-reports 2', () => {
    const run = runInsights('--min-reports', '2', good);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toContain(`| 3 | ${SECRET} | de | 2 | 2 |`);
  });

  it('refuses bad files by name with the reason, counts the rest and exits with 1', () => {
    const run = runInsights(good, bad, join(dir, 'missing.json'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`refused ${join(bad, 'cut-off.json')}: is not JSON [not-json]`);
    expect(run.stderr).toMatch(new RegExp(`refused ${join(bad, 'with-agent.json')}: does not match the report format .*\\[invalid-content\\]`));
    expect(run.stderr).toContain(`refused ${join(dir, 'missing.json')}: cannot be read (ENOENT)`);
    expect(run.stderr).toContain('3 files refused');
    expect(run.stdout.split('\n')).toContain('| 2 | Kann ich mit PayPal zahlen? | de | 3 | 3 |');
  });
});

describe('npm run insights -- --json', () => {
  it('prints one JSON object: the content gaps of the good files', () => {
    const run = runInsights('--json', good);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toEqual(contentGaps([...REPORTS, REPORTS[0]].filter((r) => r !== undefined)));
    expect(run.stdout).not.toContain('Sommer');
  });
});

describe('npm run insights with wrong arguments', () => {
  it('prints the usage and fails without files', () => {
    const run = runInsights();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(USAGE);
    expect(run.stdout).toBe('');
  });

  it.each([['0'], ['two'], ['1.5']])('refuses --min-reports %s', (value) => {
    const run = runInsights('--min-reports', value, good);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--min-reports needs a whole number of at least 1');
    expect(run.stdout).toBe('');
  });

  it('prints the usage for an unknown option', () => {
    const run = runInsights('--jsn', good);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(USAGE);
  });
});
