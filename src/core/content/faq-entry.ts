/** The languages vertraut ships with. German is the default. */
export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** An entry's or category's id: lower case letters and digits, words joined by single hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: string): boolean {
  return SLUG.test(value);
}

/**
 * One FAQ entry in one language, as the build hands it to the index and the pages.
 * `id` is the slug: the same id in two languages is the same entry translated.
 */
export interface FaqEntry {
  readonly id: string;
  readonly lang: Language;
  readonly question: string;
  readonly variants: readonly string[];
  readonly tags: readonly string[];
  readonly category: string | undefined;
  readonly related: readonly string[];
  readonly updated: string | undefined;
  /** The answer as plain text (for the index). */
  readonly answerText: string;
  /** The answer rendered to HTML at build time from trusted markdown (empty in eval). */
  readonly answerHtml: string;
  /** The informal ("du") answer as HTML, when the editor wrote one (German only). */
  readonly answerHtmlDu?: string | undefined;
}
