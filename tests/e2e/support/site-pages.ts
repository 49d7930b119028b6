import type { Language } from '../../../src/core/content/faq-entry.ts';

/** Every page the site builds, with its language and how it embeds the chat. */
export interface SitePage {
  readonly path: string;
  readonly lang: Language;
  /** The home pages show the chat inline; every other page has the floating panel. */
  readonly chat: 'inline' | 'panel';
  /** The "Meine Daten" pages open the privacy center at once, so they load the chat on arrival. */
  readonly loadsChat?: true;
  /** The statistics pages load their own code on arrival (it reads what this browser counted). */
  readonly loadsStatistics?: true;
}

export const SITE_PAGES: readonly SitePage[] = [
  { path: '/', lang: 'de', chat: 'inline' },
  { path: '/en/', lang: 'en', chat: 'inline' },
  { path: '/faq/', lang: 'de', chat: 'panel' },
  { path: '/en/faq/', lang: 'en', chat: 'panel' },
  { path: '/datenschutz/', lang: 'de', chat: 'panel' },
  { path: '/en/privacy/', lang: 'en', chat: 'panel' },
  { path: '/datenschutz/meine-daten/', lang: 'de', chat: 'inline', loadsChat: true },
  { path: '/datenschutz/alles-loeschen/', lang: 'de', chat: 'panel' },
  { path: '/en/privacy/delete-everything/', lang: 'en', chat: 'panel' },
  { path: '/en/privacy/my-data/', lang: 'en', chat: 'inline', loadsChat: true },
  { path: '/einblicke/', lang: 'de', chat: 'panel', loadsStatistics: true },
  { path: '/en/insights/', lang: 'en', chat: 'panel', loadsStatistics: true },
];
