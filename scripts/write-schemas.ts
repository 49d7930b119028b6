import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_VERSION, reportJsonSchema } from '../src/core/insights/report.ts';
import { EXPORT_SCHEMA_FILE, exportJsonSchema } from '../src/core/privacy/export-format.ts';

/**
 * `npm run schemas`: writes the JSON Schemas of the files vertraut hands out (the export, the
 * insights report), each generated from its one declaration. tests/unit/published-schemas.test.ts
 * fails when a published file no longer matches.
 */
const PUBLIC_DIR = join(import.meta.dirname, '..', 'public', 'vertraut');

export const SCHEMA_FILE = join(PUBLIC_DIR, EXPORT_SCHEMA_FILE);
export const REPORT_SCHEMA_FILE = join(PUBLIC_DIR, `insights-report-schema.v${REPORT_VERSION}.json`);

for (const [file, schema] of [
  [SCHEMA_FILE, exportJsonSchema()],
  [REPORT_SCHEMA_FILE, reportJsonSchema()],
] as const) {
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
