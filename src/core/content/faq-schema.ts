import { z } from 'zod';
import { SLUG } from './faq-entry.ts';

/*
 * The frontmatter of a FAQ file (SPEC 2.1), the one place where an editor's rules live. Each
 * message says what to write instead, because the person reading it is an editor, not a
 * programmer.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const text = (field: string, example: string) =>
  z
    .string({ error: `"${field}" must be text, for example: ${field}: ${example}` })
    .trim()
    .min(1, { error: `"${field}" is empty; write for example: ${field}: ${example}` });

const textList = (field: string, example: string) =>
  z
    .array(text(field, example), {
      error: `"${field}" must be a list, for example:\n${field}:\n  - ${example}`,
    })
    .default([]);

export const faqFrontmatterSchema = z.strictObject(
  {
    /** The question as the FAQ page shows it. Required. */
    question: text('question', 'Wie lange dauert der Versand?'),
    /** Other ways visitors ask the same question. They count as much as the question. */
    variants: textList('variants', 'Wann kommt meine Bestellung an?'),
    /** Keywords; they weigh more than the answer text and less than the question. */
    tags: textList('tags', 'versand'),
    /** A category id from content/categories.yml; used for grouping and interests. */
    category: z
      .string({ error: '"category" must be a category id, for example: category: shipping' })
      .regex(SLUG, { error: '"category" must be an id in lower case with hyphens, for example: shipping' })
      .optional(),
    /** Slugs of entries a visitor may want next; shown as buttons under the answer. */
    related: z
      .array(z.string().regex(SLUG, { error: 'each "related" item must be the slug (file name without .md) of another entry' }), {
        error: '"related" must be a list of slugs, for example: related: [versandkosten]',
      })
      .default([]),
    /**
     * The answer in the informal form ("du"), in markdown, for visitors who asked to be addressed
     * informally (SPEC 6). German entries only; optional: without it they get the answer below.
     */
    du: z
      .string({ error: '"du" must be the answer in the informal form, written as text, for example: du: Du bekommst dein Paket in 1–3 Werktagen.' })
      .trim()
      .min(1, { error: '"du" is empty; write the informal answer or leave the field out' })
      .optional(),
    /** When the answer was last checked, as YYYY-MM-DD. */
    updated: z
      .union([z.string(), z.date()], { error: '"updated" must be a date, for example: updated: 2026-10-15' })
      .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
      .refine((value) => DATE.test(value) && !Number.isNaN(Date.parse(value)), {
        error: '"updated" must be a date written YYYY-MM-DD, for example: updated: 2026-10-15',
      })
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}; allowed are question, variants, tags, category, related, updated, du`
        : 'the frontmatter must be a list of fields between two "---" lines',
  },
);

export type FaqFrontmatter = z.infer<typeof faqFrontmatterSchema>;

