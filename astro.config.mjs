// @ts-check
import { defineConfig } from 'astro/config';
import settings from './vertraut.config.ts';
import { contentSecurityPolicy } from './src/build/security-headers.ts';
import { deployHeaders } from './src/build/deploy-headers.ts';

// Everything the site owner configures lives in vertraut.config.ts; this file only wires it in.
export default defineConfig({
  site: settings.site,
  base: settings.base,
  trailingSlash: 'always',
  output: 'static',
  integrations: [deployHeaders(settings.base)],
  build: {
    format: 'directory',
    // External files only: the CSP allows 'self' and no inline code (SPEC 8.2).
    inlineStylesheets: 'never',
  },
  security: {
    csp: {
      directives: [...contentSecurityPolicy.directives],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // Answers are rendered by our own markdown step (src/build/markdown.ts); Shiki would need inline styles.
  markdown: { syntaxHighlight: false },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
  devToolbar: { enabled: false },
});
