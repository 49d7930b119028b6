import { join } from 'node:path';
import settings from '../../vertraut.config.ts';
import { LANGUAGES, type FaqEntry, type Language } from '../core/content/faq-entry.ts';
import { buildSearchIndex } from '../core/search/build-index.ts';
import type { SearchIndexPayload } from '../core/search/search-engine.ts';
import type { Offer } from '../core/marketing/offer.ts';
import { offersPossible } from '../core/consent/purposes.ts';
import { ContentError, loadContent, type ContentSet } from './load-content.ts';
import { loadOffers, type OfferSet } from './load-offers.ts';

/*
 * The site's content, loaded once per build and shared by every page and the index endpoint.
 * The content folder is resolved from the project root (where `astro build` runs), or from
 * VERTRAUT_CONTENT_DIR, which the test fixtures use.
 */

let cached: ContentSet | undefined;

export function siteContent(): ContentSet {
  if (cached) return cached;
  const root = process.env['VERTRAUT_CONTENT_DIR'] ?? join(process.cwd(), settings.contentDir);
  const content = loadContent(root);
  const problems: string[] = [];
  for (const lang of LANGUAGES) {
    for (const slug of settings.starterQuestions[lang]) {
      if (!content.entries[lang].some((e) => e.id === slug)) {
        problems.push(`vertraut.config.ts: starterQuestions.${lang}: there is no entry "${slug}" in faq/${lang}/`);
      }
    }
  }
  if (problems.length > 0) throw new ContentError(problems);
  cached = content;
  return content;
}

let cachedOffers: OfferSet | undefined;

/**
 * The advertising offers of a language (SPEC 7.1). A site without marketing publishes none, so a
 * service-only chat cannot show one even by mistake (SPEC 7.4). Offers are validated either way:
 * a bad offer file fails the build.
 */
export function offersOf(lang: Language): Offer[] {
  const root = process.env['VERTRAUT_CONTENT_DIR'] ?? join(process.cwd(), settings.contentDir);
  if (!cachedOffers) {
    cachedOffers = loadOffers(root, siteContent().categories);
    for (const warning of cachedOffers.warnings) console.warn(`vertraut: ${warning}`);
  }
  if (!offersPossible(settings.marketing)) return [];
  // An offer's link to a page of the site is written without the base path, like FAQ links.
  const base = settings.base.replace(/\/$/, '');
  return cachedOffers.offers[lang].map((offer) => (offer.link.startsWith('/') ? { ...offer, link: `${base}${offer.link}` } : offer));
}

export function entriesOf(lang: Language): FaqEntry[] {
  return siteContent().entries[lang];
}

export function searchPayload(lang: Language): SearchIndexPayload {
  const content = siteContent();
  return buildSearchIndex(content.entries[lang], lang, content.synonyms[lang]);
}

export function categoryLabel(id: string | undefined, lang: Language): string | undefined {
  if (!id) return undefined;
  return siteContent().categories[id]?.[lang] ?? id;
}

/** Paths of the site, per language, honouring the base path. */
export function pathTo(page: 'home' | 'faq' | 'privacy' | 'myData' | 'wipe' | 'insights', lang: Language): string {
  const base = settings.base.replace(/\/$/, '');
  // German pages live at the root, English ones under /en/ (SPEC 2.8, 4.7).
  const prefix = lang === 'de' ? '' : `/${lang}`;
  const paths = {
    home: '/',
    faq: '/faq/',
    privacy: lang === 'de' ? '/datenschutz/' : '/privacy/',
    myData: lang === 'de' ? '/datenschutz/meine-daten/' : '/privacy/my-data/',
    wipe: lang === 'de' ? '/datenschutz/alles-loeschen/' : '/privacy/delete-everything/',
    insights: lang === 'de' ? '/einblicke/' : '/insights/',
  } as const;
  return `${base}${prefix}${paths[page]}`;
}

export function assetPath(path: string): string {
  return `${settings.base.replace(/\/$/, '')}${path}`;
}

export { settings };
