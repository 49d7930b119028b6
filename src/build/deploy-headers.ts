import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { cspDirectives } from './security-headers.ts';

/*
 * Response headers for static hosts that read a `_headers` file (Netlify, Cloudflare Pages),
 * written into dist/ after each build from the same CSP declaration as the pages' meta tag.
 * docs/deploy.md has the equivalents for nginx, Apache and others.
 */

/** The full policy as a header value; scripts and styles only from the site itself. */
export function cspHeaderValue(insightsEndpoint?: string): string {
  return [...cspDirectives(insightsEndpoint), "script-src 'self'", "style-src 'self'", "frame-ancestors 'self'"].join('; ');
}

export function headersFile(base: string, insightsEndpoint?: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return [
    `${root}*`,
    `  Content-Security-Policy: ${cspHeaderValue(insightsEndpoint)}`,
    '  Referrer-Policy: no-referrer',
    '  X-Content-Type-Options: nosniff',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
    '  Cross-Origin-Opener-Policy: same-origin',
    '',
    // The index files change with every build: revalidate them; hashed assets never change.
    `${root}vertraut/*`,
    '  Cache-Control: no-cache',
    '',
    `${root}_astro/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    '',
    // The wipe pages (SPEC 8.1): the browser itself deletes the site's storage and caches.
    `${root}datenschutz/alles-loeschen/*`,
    '  Clear-Site-Data: "storage", "cache"',
    `${root}en/privacy/delete-everything/*`,
    '  Clear-Site-Data: "storage", "cache"',
    '',
  ].join('\n');
}

export function deployHeaders(base: string, insightsEndpoint?: string): AstroIntegration {
  return {
    name: 'vertraut-deploy-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        writeFileSync(join(dir.pathname, '_headers'), headersFile(base, insightsEndpoint));
      },
    },
  };
}
