import { resolve } from 'node:path';
import { serveStatic } from './lib/static-server.ts';

/**
 * Serves dist/ as a plain static host would, for the end-to-end tests (several test runs may
 * serve at once, which `astro preview` refuses). Usage: node scripts/serve.ts [port] [directory]
 */
const port = Number(process.argv[2] ?? 4329);
const directory = process.argv[3] ?? 'dist';
const { origin } = await serveStatic(resolve(directory), port);
console.log(`vertraut: serving ${directory}/ on ${origin}`);
