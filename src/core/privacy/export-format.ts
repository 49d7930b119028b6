import { z } from 'zod';
import { LANGUAGES } from '../content/faq-entry.ts';
import { DECISIONS, METHODS, type LedgerEntry } from '../consent/ledger.ts';
import { PURPOSES } from '../consent/purposes.ts';

/*
 * The export file (SPEC 4.3) and what an import accepts (SPEC 4.6): one versioned format,
 * declared once here. The JSON Schema published beside the site
 * (public/vertraut/export-schema.v1.json) is generated from this declaration, and a test keeps
 * the two identical. An import is all or nothing: a file that does not match changes nothing.
 */

// zod compiles object parsers with `new Function` unless told not to; the CSP forbids eval in
// the browser (SPEC 8.2), and even zod's probe for it is reported as a violation.
z.config({ jitless: true });

export const EXPORT_FORMAT = 'vertraut-export';
export const EXPORT_VERSION = 1;
/** Larger files are refused before parsing: a real export of 30 days of chat is far smaller. */
export const MAX_IMPORT_BYTES = 2_000_000;

const isoTime = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().max(max);

const ledgerEntrySchema = z.strictObject({
  consentId: text(100).min(1),
  purpose: z.enum(PURPOSES),
  decision: z.enum(DECISIONS),
  policyVersion: text(100),
  textHash: z.string().regex(/^[0-9a-f]{64}$/),
  method: z.enum(METHODS),
  lang: z.enum(LANGUAGES),
  at: isoTime,
});

const storedReplySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('answer'), entryId: z.string().regex(/^[a-z0-9-]{1,100}$/), entryLang: z.enum(LANGUAGES) }),
  z.strictObject({ kind: z.literal('clarify'), entryIds: z.array(z.string().regex(/^[a-z0-9-]{1,100}$/)).max(10).readonly() }),
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('note'), text: text(2000) }),
]);

const historyRowSchema = z.union([
  z.strictObject({ at: isoTime, lang: z.enum(LANGUAGES), from: z.literal('visitor'), text: text(10_000) }),
  z.strictObject({ at: isoTime, lang: z.enum(LANGUAGES), from: z.literal('bot'), reply: storedReplySchema }),
]);

export const exportSchema = z.strictObject({
  /** Always "vertraut-export". */
  format: z.literal(EXPORT_FORMAT),
  /** The format version; an import refuses versions it does not know. */
  version: z.literal(EXPORT_VERSION),
  /** When the file was made. */
  exportedAt: isoTime,
  /** The site it came from (settings `site`). */
  site: text(500),
  /** Every consent decision, oldest first. */
  ledger: z.array(ledgerEntrySchema).max(10_000),
  /** The saved conversation (purpose history), oldest first. */
  history: z.array(historyRowSchema).max(50_000),
});

export type ExportDocument = z.infer<typeof exportSchema>;

/** A stored history row as the storage layer has it (its database id is not exported). */
export interface HistoryRecord {
  readonly at: string;
  readonly lang: ExportDocument['history'][number]['lang'];
  readonly from: 'visitor' | 'bot';
  readonly text?: string | undefined;
  readonly reply?: Extract<ExportDocument['history'][number], { from: 'bot' }>['reply'] | undefined;
}

function exportRow(row: HistoryRecord): ExportDocument['history'][number] | undefined {
  if (row.from === 'visitor') return row.text === undefined ? undefined : { at: row.at, lang: row.lang, from: 'visitor', text: row.text };
  return row.reply === undefined ? undefined : { at: row.at, lang: row.lang, from: 'bot', reply: row.reply };
}

export function exportDocument(site: string, ledger: readonly LedgerEntry[], history: readonly HistoryRecord[], now: Date = new Date()): ExportDocument {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    site,
    ledger: ledger.map((entry) => ({ ...entry })),
    history: history.flatMap((row) => exportRow(row) ?? []),
  };
}

export type ImportResult = { readonly ok: true; readonly data: ExportDocument } | { readonly ok: false; readonly problem: ImportProblem };

/** Why a file was refused, as a permanent name; the chat turns it into a sentence. */
export type ImportProblem = 'too-large' | 'not-json' | 'not-an-export' | 'unknown-version' | 'invalid-content';

/** Checks a file's text; nothing is changed by a refused file. */
export function parseImport(fileText: string): ImportResult {
  if (fileText.length > MAX_IMPORT_BYTES) return { ok: false, problem: 'too-large' };
  let value: unknown;
  try {
    value = JSON.parse(fileText);
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  const head = value as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== EXPORT_FORMAT) return { ok: false, problem: 'not-an-export' };
  if (head.version !== EXPORT_VERSION) return { ok: false, problem: 'unknown-version' };
  const result = exportSchema.safeParse(value);
  return result.success ? { ok: true, data: result.data } : { ok: false, problem: 'invalid-content' };
}

/** The JSON Schema of the export file, generated from the declaration above. */
export function exportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'vertraut-export.v1.json',
    title: 'vertraut export, version 1',
    description: 'Everything vertraut stored in one browser for one site: the consent ledger and the saved history.',
    ...z.toJSONSchema(exportSchema, { target: 'draft-2020-12' }),
  };
}
