import type { Language } from '../content/faq-entry.ts';

/*
 * The personalization profile (SPEC 6): only what the visitor entered or confirmed. Kept in this
 * browser alone, shown by "Was weißt du über mich?", editable and deletable in the privacy
 * center, deleted after the configured time without use (SPEC 3.8).
 */

export const FORMS_OF_ADDRESS = ['sie', 'du'] as const;
export type FormOfAddress = (typeof FORMS_OF_ADDRESS)[number];

export interface Profile {
  /** The name for the greeting, as the visitor gave it. */
  readonly name?: string | undefined;
  /** The language the visitor prefers. */
  readonly lang?: Language | undefined;
  /** Sie or Du, for German. */
  readonly address?: FormOfAddress | undefined;
  /** Category ids (content/categories.yml) the visitor chose or confirmed. */
  readonly interests: readonly string[];
  /** ISO time the profile was last used or changed; retention counts from here. */
  readonly usedAt: string;
}

export const MAX_NAME_LENGTH = 40;
export const MAX_INTERESTS = 10;
