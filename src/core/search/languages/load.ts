import type { Language } from '../../content/faq-entry.ts';

/** Loads a language's text analysis in the browser: its own chunk, fetched with the index. */
export async function loadLanguage(lang: Language): Promise<void> {
  await (lang === 'de' ? import('./de.ts') : import('./en.ts'));
}
