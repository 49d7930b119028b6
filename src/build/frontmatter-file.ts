import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

/*
 * A markdown file with YAML frontmatter (FAQ entries, offers), read the one way: every problem
 * goes into `problems` as "<file>: <field>: <what to write>", for an editor to fix.
 */

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export interface FrontmatterFile<T> {
  readonly data: T;
  /** The markdown below the frontmatter, trimmed. */
  readonly body: string;
}

/**
 * Reads `path` (named `where` in messages) and validates its frontmatter with `schema`.
 * `required` names what the frontmatter must at least hold, for the message when it is missing.
 */
export function readFrontmatterFile<S extends z.ZodType>(path: string, where: string, schema: S, required: string, problems: string[]): FrontmatterFile<z.output<S>> | undefined {
  const parts = FRONTMATTER.exec(readFileSync(path, 'utf8'));
  if (!parts) {
    problems.push(`${where}: the file must start with frontmatter between two "---" lines, with at least ${required}`);
    return undefined;
  }
  let data: unknown;
  try {
    data = parseYaml(parts[1] ?? '') ?? {};
  } catch (error) {
    problems.push(`${where}: the frontmatter is not valid YAML (${(error as Error).message.split('\n')[0]}); check quotes and indentation`);
    return undefined;
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.length > 0 ? `field "${issue.path.join('.')}"` : 'frontmatter';
      problems.push(`${where}: ${field}: ${issue.message}`);
    }
    return undefined;
  }
  return { data: result.data, body: (parts[2] ?? '').trim() };
}
