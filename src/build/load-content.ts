import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isSlug, LANGUAGES, type FaqEntry, type Language } from '../core/content/faq-entry.ts';
import { faqFrontmatterSchema } from '../core/content/faq-schema.ts';
import { parseSynonyms } from '../core/search/synonyms.ts';
import { readFrontmatterFile } from './frontmatter-file.ts';
import { MarkdownProblem, renderMarkdown } from './markdown.ts';

/*
 * Reads a content folder (SPEC 2.1) for the build and for `eval`. Every problem in every file is
 * collected first and reported together, each naming the file and the field, so an editor fixes
 * them in one go instead of one build per mistake.
 */

export interface ContentSet {
  readonly root: string;
  readonly entries: Record<Language, FaqEntry[]>;
  readonly synonyms: Record<Language, string[][][]>;
  /** Category id → label per language (content/categories.yml). */
  readonly categories: Record<string, Partial<Record<Language, string>>>;
}

export class ContentError extends Error {
  override readonly name = 'ContentError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`vertraut: the content has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}


function readCategories(root: string, problems: string[]): ContentSet['categories'] {
  const file = join(root, 'categories.yml');
  if (!existsSync(file)) return {};
  try {
    const data: unknown = parseYaml(readFileSync(file, 'utf8'));
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error('expected "id: { de: Label, en: Label }" lines');
    const categories: ContentSet['categories'] = {};
    for (const [id, labels] of Object.entries(data)) {
      if (!isSlug(id) || labels === null || typeof labels !== 'object') {
        problems.push(`categories.yml: "${id}" must be an id with labels, for example: shipping: { de: Versand, en: Shipping }`);
        continue;
      }
      categories[id] = labels as Partial<Record<Language, string>>;
    }
    return categories;
  } catch (error) {
    problems.push(`categories.yml: ${(error as Error).message}`);
    return {};
  }
}

function readEntry(root: string, lang: Language, fileName: string, problems: string[]): FaqEntry | undefined {
  const path = join(root, 'faq', lang, fileName);
  const where = relative(root, path);
  const slug = fileName.replace(/\.md$/, '');
  if (!isSlug(slug)) {
    problems.push(`${where}: the file name is the entry's id and must be lower case letters, digits and hyphens, for example versand-kosten.md`);
    return undefined;
  }
  const file = readFrontmatterFile(path, where, faqFrontmatterSchema, '"question: …"', problems);
  if (!file) return undefined;
  const { data: fm, body } = file;
  if (!body) {
    problems.push(`${where}: the answer is empty; write the answer below the second "---" line`);
    return undefined;
  }
  if (fm.du !== undefined && lang !== 'de') {
    problems.push(`${where}: field "du": only German answers have an informal form; remove "du" here`);
    return undefined;
  }
  let informal: string | undefined;
  try {
    informal = fm.du === undefined ? undefined : renderMarkdown(fm.du).html;
  } catch (error) {
    if (error instanceof MarkdownProblem) {
      problems.push(`${where}: field "du": ${error.message}`);
      return undefined;
    }
    throw error;
  }
  try {
    const rendered = renderMarkdown(body);
    return {
      id: slug,
      lang,
      question: fm.question,
      variants: fm.variants,
      tags: fm.tags,
      category: fm.category,
      related: fm.related,
      updated: fm.updated,
      answerText: rendered.text,
      answerHtml: rendered.html,
      ...(informal === undefined ? {} : { answerHtmlDu: informal }),
    };
  } catch (error) {
    if (error instanceof MarkdownProblem) {
      problems.push(`${where}: answer: ${error.message}`);
      return undefined;
    }
    throw error;
  }
}

/** Loads and validates a whole content folder; throws ContentError listing every problem. */
export function loadContent(root: string): ContentSet {
  const problems: string[] = [];
  const categories = readCategories(root, problems);
  const entries = { de: [], en: [] } as Record<Language, FaqEntry[]>;
  const synonyms = { de: [], en: [] } as Record<Language, string[][][]>;
  for (const lang of LANGUAGES) {
    const folder = join(root, 'faq', lang);
    if (existsSync(folder)) {
      for (const fileName of readdirSync(folder).filter((f) => f.endsWith('.md')).sort()) {
        const entry = readEntry(root, lang, fileName, problems);
        if (entry) entries[lang].push(entry);
      }
    }
    const synonymFile = join(root, 'synonyms', `${lang}.txt`);
    if (existsSync(synonymFile)) synonyms[lang] = parseSynonyms(readFileSync(synonymFile, 'utf8'), lang);
  }
  for (const lang of LANGUAGES) {
    const ids = new Set(entries[lang].map((e) => e.id));
    for (const entry of entries[lang]) {
      const where = `faq/${lang}/${entry.id}.md`;
      for (const related of entry.related) {
        if (!ids.has(related)) problems.push(`${where}: field "related": there is no entry "${related}" in ${lang}; use the file name (without .md) of an existing entry`);
      }
      if (entry.category && Object.keys(categories).length > 0 && !(entry.category in categories)) {
        problems.push(`${where}: field "category": "${entry.category}" is not in categories.yml; use one of ${Object.keys(categories).join(', ')}`);
      }
    }
  }
  if (entries.de.length + entries.en.length === 0 && problems.length === 0) {
    problems.push(`${root}: no FAQ entries found; write them as faq/de/<slug>.md and faq/en/<slug>.md`);
  }
  if (problems.length > 0) throw new ContentError(problems);
  return { root, entries, synonyms, categories };
}
