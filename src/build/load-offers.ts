import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isSlug, LANGUAGES, type Language } from '../core/content/faq-entry.ts';
import { calendarDay, type Day } from '../core/calendar-day.ts';
import type { Offer } from '../core/marketing/offer.ts';
import { OFFER_TEXT_MAX, offerFrontmatterSchema } from '../core/marketing/offer-schema.ts';
import { readFrontmatterFile } from './frontmatter-file.ts';
import { ContentError, type ContentSet } from './load-content.ts';
import { MarkdownProblem, renderMarkdown, type RenderedMarkdown } from './markdown.ts';

/*
 * Reads the advertising offers (SPEC 7.1) from content/offers/<lang>/*.md. Like the FAQ, every
 * problem in every file is collected and reported together as one ContentError, each naming the
 * file and the field. A folder without offers is fine: most sites have none.
 */

export interface OfferSet {
  readonly offers: Record<Language, Offer[]>;
  /** Offers left out on purpose (their last day has passed), one line each, for the build log. */
  readonly warnings: readonly string[];
}

export interface LoadOffersOptions {
  /** The build's calendar day; offers that ended before it are left out. Default: today. */
  readonly today?: Day;
}

function readOffer(root: string, lang: Language, fileName: string, categories: ContentSet['categories'], problems: string[]): Offer | undefined {
  const path = join(root, 'offers', lang, fileName);
  const where = relative(root, path);
  const slug = fileName.replace(/\.md$/, '');
  if (!isSlug(slug)) {
    problems.push(`${where}: the file name is the offer's id and must be lower case letters, digits and hyphens, for example abo-rabatt.md`);
    return undefined;
  }
  const file = readFrontmatterFile(path, where, offerFrontmatterSchema, '"title", "link", "validUntil" and "categories"', problems);
  if (!file) return undefined;
  const { data: fm, body } = file;
  const known = Object.keys(categories);
  const unknown = fm.categories.filter((id) => !(id in categories));
  if (unknown.length > 0) {
    problems.push(
      known.length > 0
        ? `${where}: field "categories": ${unknown.map((id) => `"${id}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in categories.yml; use one of ${known.join(', ')}`
        : `${where}: field "categories": there is no categories.yml to check ${unknown.map((id) => `"${id}"`).join(', ')} against; add it, for example: subscription: { de: Kaffee-Abo, en: Subscription }`,
    );
    return undefined;
  }
  if (!body) {
    problems.push(`${where}: the offer text is empty; write a sentence or two below the second "---" line`);
    return undefined;
  }
  let rendered: RenderedMarkdown;
  try {
    rendered = renderMarkdown(body);
  } catch (error) {
    if (error instanceof MarkdownProblem) {
      problems.push(`${where}: offer text: ${error.message}`);
      return undefined;
    }
    throw error;
  }
  if (rendered.text.length > OFFER_TEXT_MAX) {
    problems.push(`${where}: offer text: it has ${rendered.text.length} characters; keep it to ${OFFER_TEXT_MAX}, an offer in the chat is a short note and the link can say more`);
    return undefined;
  }
  return {
    id: slug,
    lang,
    title: fm.title,
    html: rendered.html,
    link: fm.link,
    validFrom: fm.validFrom,
    validUntil: fm.validUntil,
    categories: fm.categories,
  };
}

/**
 * Loads and validates the offers of a content folder, in file-name order per language; throws
 * ContentError listing every problem. `categories` are the content's (ContentSet.categories).
 */
export function loadOffers(root: string, categories: ContentSet['categories'], options: LoadOffersOptions = {}): OfferSet {
  const today = options.today ?? calendarDay(new Date());
  const problems: string[] = [];
  const warnings: string[] = [];
  const offers = { de: [], en: [] } as Record<Language, Offer[]>;
  for (const lang of LANGUAGES) {
    const folder = join(root, 'offers', lang);
    if (!existsSync(folder)) continue;
    for (const fileName of readdirSync(folder).filter((f) => f.endsWith('.md')).sort()) {
      const offer = readOffer(root, lang, fileName, categories, problems);
      if (!offer) continue;
      if (offer.validUntil < today) {
        warnings.push(`${relative(root, join(folder, fileName))}: left out, its last day "validUntil: ${offer.validUntil}" has passed; give it a later date or delete the file`);
        continue;
      }
      offers[lang].push(offer);
    }
  }
  if (problems.length > 0) throw new ContentError(problems);
  return { offers, warnings };
}
