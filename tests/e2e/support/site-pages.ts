import type { Language } from '../../../src/core/content/faq-entry.ts';

/** Every page the site builds, with its language and how it embeds the chat. */
export interface SitePage {
  readonly path: string;
  readonly lang: Language;
  /** The home pages show the chat inline; every other page has the floating panel. */
  readonly chat: 'inline' | 'panel';
}

export const SITE_PAGES: readonly SitePage[] = [
  { path: '/', lang: 'de', chat: 'inline' },
  { path: '/en/', lang: 'en', chat: 'inline' },
  { path: '/faq/', lang: 'de', chat: 'panel' },
  { path: '/en/faq/', lang: 'en', chat: 'panel' },
  { path: '/datenschutz/', lang: 'de', chat: 'panel' },
  { path: '/en/privacy/', lang: 'en', chat: 'panel' },
];
