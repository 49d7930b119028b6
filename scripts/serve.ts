import { join } from 'node:path';
import { serveStatic } from './lib/static-server.ts';

/**
 * Serves dist/ as a plain static host would, for the end-to-end tests (several test runs may
 * serve at once, which `astro preview` refuses). Usage: node scripts/serve.ts [port]
 */
const port = Number(process.argv[2] ?? 4329);
const { origin } = await serveStatic(join(process.cwd(), 'dist'), port);
console.log(`vertraut: serving dist/ on ${origin}`);
