/*
 * The first checks of a file a visitor or an editor hands in (an export to restore, an insights
 * report): not too large, JSON at all, the right format and a known version. Each file format
 * then validates its content with its own schema.
 */

export type VersionedJsonProblem = 'too-large' | 'not-json' | 'wrong-format' | 'unknown-version';

export type VersionedJson = { readonly ok: true; readonly value: unknown; readonly version: unknown } | { readonly ok: false; readonly problem: VersionedJsonProblem };

export function readVersionedJson(fileText: string, expected: { readonly format: string; readonly versions: readonly unknown[]; readonly maxBytes: number }): VersionedJson {
  if (fileText.length > expected.maxBytes) return { ok: false, problem: 'too-large' };
  let value: unknown;
  try {
    value = JSON.parse(fileText);
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  const head = value as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || Array.isArray(head) || head.format !== expected.format) return { ok: false, problem: 'wrong-format' };
  if (!expected.versions.includes(head.version)) return { ok: false, problem: 'unknown-version' };
  return { ok: true, value, version: head.version };
}
