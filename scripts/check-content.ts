import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/build/check-content.ts';
import { ContentError, loadContent } from '../src/build/load-content.ts';

/** `npm run check`: lints the content folder for editors. Exits 1 on errors, 0 with warnings. */
const { values } = parseArgs({ options: { content: { type: 'string', default: join(process.cwd(), 'content') } } });
try {
  const content = loadContent(values.content);
  const findings = checkContent(content);
  const count = content.entries.de.length + content.entries.en.length;
  for (const finding of findings) console.log(`warning  ${finding.file}: ${finding.message}`);
  console.log(`\n${count} entries checked: no errors, ${findings.length} warning${findings.length === 1 ? '' : 's'}.`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
