import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

/*
 * The labelled sets in ../shared/eval (path: VERTRAUT_EVAL_DIR) are JSON Lines. The `eval`
 * command reads content folders, so each set is written out as one, the way an editor would
 * write it: question, alternatives as variants, tags, the answer as the body. The sets stay
 * outside the repository; these folders live in the system's temp directory.
 */

export const EVAL_DIR = process.env['VERTRAUT_EVAL_DIR'] ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'eval');

interface SetEntry {
  id: string;
  lang: 'de' | 'en';
  question: string;
  alternatives: string[];
  answer: string;
  tags: string[];
}

export interface EvalSet {
  readonly name: string;
  readonly contentRoot: string;
  readonly queriesFile: string;
  readonly entryCount: number;
}

function readJsonLines<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** Entry ids in the sets are not all slugs; map them reversibly to slugs. */
export function slugOf(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function writeContent(entries: readonly SetEntry[]): string {
  const root = mkdtempSync(join(tmpdir(), 'vertraut-eval-'));
  // A set's first tag is its topic (clinc150's domain, for example): it becomes the entry's
  // category, so `eval --interests` can show what a profile's interests change.
  const categories = new Set<string>();
  for (const entry of entries) {
    const folder = join(root, 'faq', entry.lang);
    mkdirSync(folder, { recursive: true });
    const tags = entry.tags.filter((t) => t.trim());
    const category = tags[0] ? slugOf(tags[0]) : undefined;
    if (category) categories.add(category);
    const frontmatter = stringify({ question: entry.question, variants: entry.alternatives, tags, ...(category ? { category } : {}) });
    // Intent sets have no answers; the sets' answers may contain markup, kept as text.
    const body = (entry.answer.trim() || entry.question).replace(/</g, '&lt;');
    writeFileSync(join(folder, `${slugOf(entry.id)}.md`), `---\n${frontmatter}---\n${body}\n`);
  }
  writeFileSync(join(root, 'categories.yml'), [...categories].map((id) => `${id}: { de: ${id}, en: ${id} }`).join('\n'));
  return root;
}

/** Writes the set as a content folder and its queries with slug golds; `distractors` adds the extra entries. */
export function prepareEvalSet(name: string, distractors = false): EvalSet | undefined {
  const folder = join(EVAL_DIR, name);
  if (!existsSync(join(folder, 'faq.jsonl'))) return undefined;
  const entries = readJsonLines<SetEntry>(join(folder, 'faq.jsonl'));
  if (distractors && existsSync(join(folder, 'faq_distractors.jsonl'))) entries.push(...readJsonLines<SetEntry>(join(folder, 'faq_distractors.jsonl')));
  const contentRoot = writeContent(entries);
  const queries = readJsonLines<{ query: string; lang: string; gold: string | null }>(join(folder, 'queries_dev.jsonl'));
  const queriesFile = join(contentRoot, 'queries.jsonl');
  writeFileSync(queriesFile, queries.map((q) => JSON.stringify({ ...q, gold: q.gold === null ? null : slugOf(q.gold) })).join('\n'));
  return { name: distractors ? `${name}+distractors` : name, contentRoot, queriesFile, entryCount: entries.length };
}

export const EVAL_SETS = [
  ['clinc150', false],
  ['covidqa-de', false],
  ['covidqa-de', true],
  ['covidqa-en', false],
  ['covidqa-en', true],
  ['stackfaq', false],
] as const;
