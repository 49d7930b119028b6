import { z } from 'zod';
import { LANGUAGES } from '../content/faq-entry.ts';
import { DECISIONS, METHODS, type LedgerEntry } from '../consent/ledger.ts';
import { PURPOSES } from '../consent/purposes.ts';
import type { InsightEvent } from '../insights/events.ts';
import { FORMS_OF_ADDRESS, MAX_INTERESTS, MAX_NAME_LENGTH, type Profile } from '../personal/profile.ts';
import { readVersionedJson } from '../versioned-json.ts';

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
/** Version 2 added the counted events and the profile; version 1 files are still accepted. */
export const EXPORT_VERSION = 2;
/** The published JSON Schema of the current version, under /vertraut/. */
export const EXPORT_SCHEMA_FILE = `export-schema.v${EXPORT_VERSION}.json`;
const ACCEPTED_VERSIONS: readonly unknown[] = [1, 2];
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

const entryId = z.string().regex(/^[a-z0-9-]{1,100}$/);
const day = z.iso.date();

const insightEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('answered'), day, lang: z.enum(LANGUAGES), entryId }),
  z.strictObject({ kind: z.literal('clarified'), day, lang: z.enum(LANGUAGES), entryIds: z.array(entryId).max(10).readonly() }),
  z.strictObject({ kind: z.literal('unanswered'), day, lang: z.enum(LANGUAGES), text: text(300).optional() }),
  z.strictObject({ kind: z.literal('feedback'), day, lang: z.enum(LANGUAGES), entryId, helpful: z.boolean() }),
]);

const profileSchema = z.strictObject({
  name: z
    .string()
    .max(MAX_NAME_LENGTH)
    .regex(/^[^\p{Cc}]*$/u)
    .optional(),
  lang: z.enum(LANGUAGES).optional(),
  address: z.enum(FORMS_OF_ADDRESS).optional(),
  interests: z.array(z.string().regex(/^[a-z0-9-]{1,100}$/)).max(MAX_INTERESTS).readonly(),
  usedAt: isoTime,
});

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
  /** The counted events (purpose insights), oldest first: day only, no time. */
  insights: z.array(insightEventSchema).max(100_000),
  /** The profile (purpose personalization), absent when there is none. */
  profile: profileSchema.optional(),
});

/** Version 1 had only the ledger and the history. */
const exportSchemaV1 = exportSchema.omit({ insights: true, profile: true }).extend({ version: z.literal(1) });

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

/** Everything stored, as the storage layer hands it over. */
export interface StoredForExport {
  readonly ledger: readonly LedgerEntry[];
  readonly history: readonly HistoryRecord[];
  readonly insights: readonly InsightEvent[];
  readonly profile: Profile | undefined;
}

export function exportDocument(site: string, stored: StoredForExport, now: Date = new Date()): ExportDocument {
  const { ledger, history, insights, profile } = stored;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    site,
    ledger: ledger.map((entry) => ({ ...entry })),
    history: history.flatMap((row) => exportRow(row) ?? []),
    insights: insights.map((event) => ({ ...event })),
    ...(profile ? { profile: { ...profile, interests: [...profile.interests] } } : {}),
  };
}

export type ImportResult = { readonly ok: true; readonly data: ExportDocument } | { readonly ok: false; readonly problem: ImportProblem };

/** Why a file was refused, as a permanent name; the chat turns it into a sentence. */
export type ImportProblem = 'too-large' | 'not-json' | 'not-an-export' | 'unknown-version' | 'invalid-content';

/** Checks a file's text; nothing is changed by a refused file. */
export function parseImport(fileText: string): ImportResult {
  const file = readVersionedJson(fileText, { format: EXPORT_FORMAT, versions: ACCEPTED_VERSIONS, maxBytes: MAX_IMPORT_BYTES });
  if (!file.ok) return { ok: false, problem: file.problem === 'wrong-format' ? 'not-an-export' : file.problem };
  const { value } = file;
  if (file.version === 1) {
    // An older file restores what it has; it holds no events and no profile.
    const old = exportSchemaV1.safeParse(value);
    return old.success ? { ok: true, data: { ...old.data, version: EXPORT_VERSION, insights: [] } } : { ok: false, problem: 'invalid-content' };
  }
  const result = exportSchema.safeParse(value);
  return result.success ? { ok: true, data: result.data } : { ok: false, problem: 'invalid-content' };
}

/** The JSON Schema of the export file, generated from the declaration above. */
export function exportJsonSchema(): Record<string, unknown> {
  return {
    $id: `vertraut-export.v${EXPORT_VERSION}.json`,
    title: `vertraut export, version ${EXPORT_VERSION}`,
    description: 'Everything vertraut stored in one browser for one site: the consent ledger, the saved history, the counted events and the profile.',
    ...z.toJSONSchema(exportSchema, { target: 'draft-2020-12' }),
  };
}
