import { describe, expect, it } from 'vitest';
import { termsOf } from '../../src/core/search/analyzer.ts';
import { expandSynonyms, parseSynonyms } from '../../src/core/search/synonyms.ts';

const de = (text: string): string[] => termsOf(text, 'de');
const en = (text: string): string[] => termsOf(text, 'en');

describe('parseSynonyms', () => {
  it('reads one group per line, phrases separated by commas, as analysed terms', () => {
    expect(parseSynonyms('Rückgabe, Retoure, zurückschicken', 'de')).toEqual([[de('Rückgabe'), de('Retoure'), de('zurückschicken')]]);
  });

  it('ignores comment lines, trailing comments and blank lines (also with CRLF)', () => {
    const text = '# Kommentar, mit Komma\r\n\r\n   \r\nInspektion, Wartung # wie oft?\r\n#Versand, Lieferung\r\n';
    expect(parseSynonyms(text, 'de')).toEqual([[de('Inspektion'), de('Wartung')]]);
  });

  it('keeps multi-word phrases as one phrase of several terms', () => {
    const [group] = parseSynonyms('Kauf auf Rechnung, Rechnungskauf, später bezahlen', 'de');
    expect(group).toEqual([de('Kauf Rechnung'), de('Rechnungskauf'), de('später bezahlen')]);
    expect(group?.[0]).toHaveLength(2);
  });

  it('drops phrases made only of stop words, and a group left with one phrase', () => {
    expect(parseSynonyms('Fahrrad, Rad, und die', 'de')).toEqual([[de('Fahrrad'), de('Rad')]]);
    expect(parseSynonyms('the, a, an\npostage, and the', 'en')).toEqual([]);
  });

  it('analyses in the file\'s language', () => {
    expect(parseSynonyms('send back, return', 'en')).toEqual([[en('send back'), en('return')]]);
    expect(parseSynonyms('Rueckgabe, Retoure', 'de')[0]?.[0]).toEqual(de('Rückgabe'));
  });

  it('returns no groups for an empty file', () => {
    expect(parseSynonyms('', 'de')).toEqual([]);
  });
});

describe('expandSynonyms', () => {
  const groups = parseSynonyms('Rückgabe, Retoure, zurückschicken\nKauf auf Rechnung, Rechnungskauf', 'de');

  it('offers the other phrases of a group for a word of the query, at its position', () => {
    const query = de('Wie geht eine Retoure?');
    const expansions = expandSynonyms(query, groups);
    expect(expansions.map((e) => e.terms)).toEqual([de('Rückgabe'), de('zurückschicken')]);
    for (const expansion of expansions) expect(expansion.positions).toEqual([query.indexOf(de('Retoure')[0] ?? '')]);
  });

  it('matches a multi-word phrase whose words all occur in the query, in any order', () => {
    const query = de('Kann ich auf Rechnung kaufen?');
    const expansions = expandSynonyms(query, groups);
    expect(expansions).toHaveLength(1);
    expect(expansions[0]?.terms).toEqual(de('Rechnungskauf'));
    expect([...(expansions[0]?.positions ?? [])].sort()).toEqual([0, 1]);
  });

  it('does not match a multi-word phrase when only part of it occurs', () => {
    expect(expandSynonyms(de('Rechnung als PDF'), groups)).toEqual([]);
  });

  it('finds nothing for a query without synonyms, and nothing without groups', () => {
    expect(expandSynonyms(de('Kette ölen'), groups)).toEqual([]);
    expect(expandSynonyms(de('Retoure'), [])).toEqual([]);
  });

  it('expands a group once even when the query contains two of its phrases', () => {
    const expansions = expandSynonyms(de('Retoure oder Rückgabe'), groups);
    expect(expansions).toHaveLength(2);
  });
});
