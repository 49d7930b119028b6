import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_SCHEMA_FILE, exportJsonSchema } from '../src/core/privacy/export-format.ts';

/** `npm run schemas`: writes the export file's JSON Schema, generated from its one declaration. */
export const SCHEMA_FILE = join(import.meta.dirname, '..', 'public', 'vertraut', EXPORT_SCHEMA_FILE);

writeFileSync(SCHEMA_FILE, `${JSON.stringify(exportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${SCHEMA_FILE}`);
