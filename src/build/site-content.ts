import { join } from 'node:path';
import settings from '../../vertraut.config.ts';
import { LANGUAGES, type FaqEntry, type Language } from '../core/content/faq-entry.ts';
import { buildSearchIndex } from '../core/search/build-index.ts';
import type { SearchIndexPayload } from '../core/search/search-engine.ts';
import { ContentError, loadContent, type ContentSet } from './load-content.ts';

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
export function pathTo(page: 'home' | 'faq' | 'privacy' | 'myData' | 'wipe', lang: Language): string {
  const base = settings.base.replace(/\/$/, '');
  // German pages live at the root, English ones under /en/ (SPEC 2.8, 4.7).
  const prefix = lang === 'de' ? '' : `/${lang}`;
  const paths = {
    home: '/',
    faq: '/faq/',
    privacy: lang === 'de' ? '/datenschutz/' : '/privacy/',
    myData: lang === 'de' ? '/datenschutz/meine-daten/' : '/privacy/my-data/',
    wipe: lang === 'de' ? '/datenschutz/alles-loeschen/' : '/privacy/delete-everything/',
  } as const;
  return `${base}${prefix}${paths[page]}`;
}

export function assetPath(path: string): string {
  return `${settings.base.replace(/\/$/, '')}${path}`;
}

export { settings };
