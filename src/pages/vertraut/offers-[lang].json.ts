import type { APIRoute, GetStaticPaths } from 'astro';
import { LANGUAGES, type Language } from '../../core/content/faq-entry.ts';
import { offersOf } from '../../build/site-content.ts';

/**
 * The advertising offers of each language (SPEC 7.1), loaded by the chat only after the visitor
 * opted in to marketing. Empty when the site has marketing off or is service-only.
 */
export const getStaticPaths = (() => LANGUAGES.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(offersOf(params['lang'] as Language)), {
    headers: { 'Content-Type': 'application/json' },
  });
