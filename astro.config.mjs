// @ts-check
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineConfig } from 'astro/config';
import defaultSettings from './vertraut.config.ts';
import { cspDirectives } from './src/build/security-headers.ts';
import { deployHeaders } from './src/build/deploy-headers.ts';

// Everything the site owner configures lives in vertraut.config.ts; this file only wires it in.
// VERTRAUT_CONFIG names another settings file (one site, several configurations: the tests build
// a variant with an insights endpoint and a service-only chat this way).
const settingsFile = process.env['VERTRAUT_CONFIG'] ? resolve(process.env['VERTRAUT_CONFIG']) : undefined;
/** @type {typeof defaultSettings} */
const settings = settingsFile ? (await import(pathToFileURL(settingsFile).href)).default : defaultSettings;

export default defineConfig({
  site: settings.site,
  base: settings.base,
  trailingSlash: 'always',
  output: 'static',
  integrations: [deployHeaders(settings.base, settings.insights.endpoint)],
  build: {
    format: 'directory',
    // External files only: the CSP allows 'self' and no inline code (SPEC 8.2).
    inlineStylesheets: 'never',
  },
  security: {
    csp: {
      directives: cspDirectives(settings.insights.endpoint),
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // Answers are rendered by our own markdown step (src/build/markdown.ts); Shiki would need inline styles.
  markdown: { syntaxHighlight: false },
  vite: {
    build: { assetsInlineLimit: 0 },
    plugins: settingsFile
      ? [
          {
            // The build's own imports of vertraut.config.ts get the chosen file instead (except the
            // chosen file's own import, which may build on the default settings).
            name: 'vertraut-settings-file',
            enforce: 'pre',
            resolveId: (source, importer) => (source.endsWith('/vertraut.config.ts') && importer !== settingsFile ? settingsFile : undefined),
          },
        ]
      : [],
  },
  devToolbar: { enabled: false },
});
