import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { contentGaps, type ContentGaps } from '../src/core/insights/content-gaps.ts';
import { parseReport, type InsightsReport, type ReportProblem } from '../src/core/insights/report.ts';

/*
 * `npm run insights -- [--min-reports N] [--json] <files or directories>`: the editors' view of
 * the insights reports that testers and visitors sent (SPEC 5.4). Reads every file named and
 * every .json file in the directories named (with their subdirectories), refuses bad files by
 * name and goes on with the rest, and prints the content gaps as markdown or, with --json, as one
 * JSON object.
 *
 * Exit codes: 0 all files read; 1 some file was refused (the list is still printed from the
 * good ones; with no good one at all it is empty); 2 wrong arguments.
 */

const USAGE = 'usage: npm run insights -- [--min-reports N] [--json] <report files or directories>';

/** The sentence an editor reads for each refusal. */
const PROBLEMS: Record<ReportProblem, string> = {
  'too-large': 'is larger than 1 MB, far more than any real report',
  'not-json': 'is not JSON',
  'not-a-report': 'is not a vertraut insights report',
  'unknown-version': 'is a report version this command does not know; update vertraut',
  'invalid-content': 'does not match the report format (an unknown field, a text over 300 characters, a count that is not a whole number ≥ 0, or sums that do not add up); it was changed or damaged',
};

/** The files named and the .json files inside the directories named, each directory sorted. */
function reportFiles(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      return [path]; // reading it says what is wrong
    }
    if (!isDirectory) return [path];
    return readdirSync(path, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.toLowerCase().endsWith('.json'))
      .sort()
      .map((name) => join(path, name))
      .filter((file) => statSync(file).isFile());
  });
}

function readReport(file: string): { report: InsightsReport } | { reason: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  const result = parseReport(text);
  return result.ok ? { report: result.report } : { reason: `${PROBLEMS[result.problem]} [${result.problem}]` };
}

/** A question text in a markdown table cell: the words of strangers, shown as plain text. */
function cell(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

const percent = (share: number): string => `${Math.round(100 * share)} %`;
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function markdown(gaps: ContentGaps): string {
  const { minReports, poorShare, minRatings } = gaps.options;
  const lines: string[] = ['# Content gaps', ''];
  const span = gaps.from && gaps.to ? ` from ${gaps.from} to ${gaps.to}` : '';
  lines.push(`${plural(gaps.reports, 'report', 'reports')}${span}${gaps.duplicates > 0 ? `; ${plural(gaps.duplicates, 'duplicate', 'duplicates')} counted once` : ''}.`);
  const q = gaps.questions;
  lines.push(`Questions: ${q.answered} answered, ${q.clarified} clarified, ${q.unanswered} unanswered.`, '');

  lines.push('## Unanswered questions', '');
  const held = gaps.suppressed;
  const notes = [
    held.questions > 0 ? `${plural(held.questions, 'question', 'questions')} asked in fewer than ${plural(minReports, 'report', 'reports')} (${plural(held.times, 'time', 'times')}) not shown, to protect the words of single testers.` : '',
    gaps.unansweredDropped > 0 ? `${plural(gaps.unansweredDropped, 'question', 'questions')} without text (removed by the scrubber).` : '',
  ].filter(Boolean);
  if (gaps.unanswered.length === 0) {
    lines.push([`None asked in at least ${plural(minReports, 'report', 'reports')}.`, ...notes].join(' '), '');
  } else {
    lines.push('| # | Question | Language | Reports | Times |', '|---:|---|---|---:|---:|');
    gaps.unanswered.forEach((g, i) => lines.push(`| ${i + 1} | ${cell(g.text)} | ${g.lang} | ${g.reports} | ${g.count} |`));
    lines.push('');
    if (notes.length > 0) lines.push(notes.join(' '), '');
  }

  lines.push('## Entries with poor feedback', '');
  if (gaps.poorFeedback.length === 0) {
    lines.push(`None below ${percent(poorShare)} helpful with at least ${plural(minRatings, 'rating', 'ratings')}.`, '');
  } else {
    lines.push(`Less than ${percent(poorShare)} helpful, with at least ${plural(minRatings, 'rating', 'ratings')}; worst first.`, '');
    lines.push('| Entry | Helpful | Not helpful | Share helpful | Reports |', '|---|---:|---:|---:|---:|');
    for (const e of gaps.poorFeedback) lines.push(`| ${e.entryId} | ${e.yes} | ${e.no} | ${percent(e.share)} | ${e.reports} |`);
    lines.push('');
  }

  lines.push('## Most answered', '');
  if (gaps.mostAnswered.length === 0) {
    lines.push('No answers given.');
  } else {
    lines.push('| Entry | Times | Reports |', '|---|---:|---:|');
    for (const e of gaps.mostAnswered) lines.push(`| ${e.entryId} | ${e.count} | ${e.reports} |`);
  }
  return lines.join('\n');
}

function main(): number {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { 'min-reports': { type: 'string' }, json: { type: 'boolean', default: false } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const minText = args.values['min-reports'];
  const minReports = minText === undefined ? undefined : Number(minText);
  if (minReports !== undefined && !(/^\d+$/.test(minText ?? '') && minReports >= 1)) {
    console.error(`--min-reports needs a whole number of at least 1, not "${minText}"\n${USAGE}`);
    return 2;
  }

  const reports: InsightsReport[] = [];
  const firstFileOf = new Map<string, string>();
  let refused = 0;
  for (const name of reportFiles(args.positionals)) {
    const read = readReport(name);
    if ('reason' in read) {
      console.error(`refused ${name}: ${read.reason}`);
      refused += 1;
      continue;
    }
    const earlier = firstFileOf.get(read.report.reportId);
    if (earlier !== undefined) console.error(`note: ${name} is the same report as ${earlier}; counted once`);
    else firstFileOf.set(read.report.reportId, name);
    reports.push(read.report);
  }

  const gaps = contentGaps(reports, minReports === undefined ? {} : { minReports });
  console.log(args.values.json ? JSON.stringify(gaps) : markdown(gaps));
  if (refused > 0) console.error(`${plural(refused, 'file', 'files')} refused; the list above counts the other ${plural(reports.length, 'file', 'files')}.`);
  return refused > 0 ? 1 : 0;
}

process.exitCode = main();
