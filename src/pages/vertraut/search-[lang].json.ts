import type { APIRoute, GetStaticPaths } from 'astro';
import { LANGUAGES, type Language } from '../../core/content/faq-entry.ts';
import { searchPayload } from '../../build/site-content.ts';

/** The search index of each language, built once at build time and loaded by the chat on first use. */
export const getStaticPaths = (() => LANGUAGES.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(searchPayload(params['lang'] as Language)), {
    headers: { 'Content-Type': 'application/json' },
  });
