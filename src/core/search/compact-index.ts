import type { AsPlainObject } from 'minisearch';

/*
 * The search index as the browser downloads it. MiniSearch's own serialization spells every
 * posting as a JSON object ({"3": {"17": 1}}: field 3, document 17, once), which made the demo's
 * index 196 bytes per entry after gzip, over the budget of 150 (issue #3). This format keeps the
 * same numbers in a form gzip can work with: the terms as one string, and every term's postings
 * as a line of document-number gaps in base 36, field by field. `decodeIndex` restores exactly
 * the object MiniSearch wrote, so the engine loads it unchanged.
 *
 * It holds for indexes as `buildSearchIndex` makes them: documents numbered 0 … n-1 in order,
 * nothing stored, nothing removed. `encodeIndex` refuses anything else rather than lose it.
 */

export interface CompactIndex {
  readonly documentCount: number;
  /** Field name → field id, as MiniSearch numbered them. */
  readonly fieldIds: Readonly<Record<string, number>>;
  /** Every document's field lengths, document after document, `fieldCount` numbers each. */
  readonly fieldLength: readonly number[];
  readonly averageFieldLength: readonly number[];
  /**
   * The terms, sorted, separated by spaces (terms never contain one), each front-coded: one base-36
   * digit for how many leading characters it shares with the term before, then the rest.
   */
  readonly terms: string;
  /**
   * One line per term: its postings per field id, fields separated by ";", postings by ",".
   * A posting is the gap to the previous document of the field (the first: the document number)
   * in base 36, followed by "*" and the term frequency in base 36 when it is not 1.
   */
  readonly postings: string;
  readonly serializationVersion: number;
}

const FIELD = ';';
const POSTING = ',';
const TERM = '\n';
const FREQUENCY = '*';
/** The most leading characters a front-coded term can share: what one base-36 digit holds. */
const MAX_SHARED = 35;

function fail(reason: string): never {
  throw new Error(`vertraut: cannot write the compact search index: ${reason}.`);
}

export function encodeIndex(index: AsPlainObject): CompactIndex {
  const count = index.documentCount;
  const fieldCount = Object.keys(index.fieldIds).length;
  if (index.nextId !== count || (index.dirtCount ?? 0) !== 0) fail('documents were removed');
  const fieldLength: number[] = [];
  for (let doc = 0; doc < count; doc++) {
    if (index.documentIds[doc] !== doc) fail(`document ${doc} has id ${String(index.documentIds[doc])}`);
    const lengths = index.fieldLength[doc];
    if (lengths?.length !== fieldCount) fail(`document ${doc} has no field lengths`);
    fieldLength.push(...lengths);
  }
  if (Object.values(index.storedFields).some((fields) => fields !== undefined && Object.keys(fields as object).length > 0)) fail('fields are stored');
  const terms: string[] = [];
  const lines: string[] = [];
  let previousTerm = '';
  const sorted = [...index.index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [term, byField] of sorted) {
    if (/\s/.test(term) || term === '') fail(`the term "${term}" is empty or contains white space`);
    let shared = 0;
    while (shared < MAX_SHARED && shared < term.length - 1 && term[shared] === previousTerm[shared]) shared++;
    terms.push(shared.toString(36) + term.slice(shared));
    previousTerm = term;
    const fields: string[] = [];
    for (let field = 0; field < fieldCount; field++) {
      const postings = byField[field];
      let previous = 0;
      const encoded: string[] = [];
      for (const [docText, frequency] of Object.entries(postings ?? {}).sort(([a], [b]) => Number(a) - Number(b))) {
        const doc = Number(docText);
        if (!Number.isInteger(frequency) || frequency < 1) fail(`the term "${term}" has frequency ${frequency}`);
        encoded.push((doc - previous).toString(36) + (frequency === 1 ? '' : FREQUENCY + frequency.toString(36)));
        previous = doc;
      }
      fields.push(encoded.join(POSTING));
    }
    for (const field of Object.keys(byField)) if (!(Number(field) < fieldCount)) fail(`the term "${term}" is in an unknown field ${field}`);
    while (fields.at(-1) === '') fields.pop();
    lines.push(fields.join(FIELD));
  }
  return {
    documentCount: count,
    fieldIds: index.fieldIds,
    fieldLength,
    averageFieldLength: index.averageFieldLength,
    terms: terms.join(' '),
    postings: lines.join(TERM),
    serializationVersion: index.serializationVersion,
  };
}

export function decodeIndex(compact: CompactIndex): AsPlainObject {
  const count = compact.documentCount;
  const fieldCount = Object.keys(compact.fieldIds).length;
  const documentIds: Record<string, number> = {};
  const fieldLength: Record<string, number[]> = {};
  for (let doc = 0; doc < count; doc++) {
    documentIds[doc] = doc;
    fieldLength[doc] = compact.fieldLength.slice(doc * fieldCount, (doc + 1) * fieldCount);
  }
  let previousTerm = '';
  const terms = (compact.terms === '' ? [] : compact.terms.split(' ')).map((coded) => {
    previousTerm = previousTerm.slice(0, parseInt(coded.charAt(0), 36)) + coded.slice(1);
    return previousTerm;
  });
  const lines = compact.postings.split(TERM);
  const index: AsPlainObject['index'] = terms.map((term, i) => {
    const byField: Record<string, Record<string, number>> = {};
    (lines[i] ?? '').split(FIELD).forEach((field, fieldId) => {
      if (field === '') return;
      const postings: Record<string, number> = {};
      let doc = 0;
      for (const posting of field.split(POSTING)) {
        const [gap = '', frequency] = posting.split(FREQUENCY);
        doc += parseInt(gap, 36);
        postings[doc] = frequency === undefined ? 1 : parseInt(frequency, 36);
      }
      byField[fieldId] = postings;
    });
    return [term, byField];
  });
  return {
    documentCount: count,
    nextId: count,
    documentIds,
    fieldIds: { ...compact.fieldIds },
    fieldLength,
    averageFieldLength: [...compact.averageFieldLength],
    storedFields: {},
    dirtCount: 0,
    index,
    serializationVersion: compact.serializationVersion,
  };
}
