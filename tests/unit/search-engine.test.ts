import { describe, expect, it } from 'vitest';
import type { FaqEntry } from '../../src/core/content/faq-entry.ts';
import { buildSearchIndex } from '../../src/core/search/build-index.ts';
import { loadSearchEngine, type SearchEngine, type SearchIndexPayload } from '../../src/core/search/search-engine.ts';
import { rankedIds, shopContent, shopEngine, shopPayload } from './support/shop-fixture.ts';

const de = shopEngine('de');
const en = shopEngine('en');

const topId = (engine: SearchEngine, question: string): string | undefined => rankedIds(engine, question)[0];

function entry(id: string, question: string, answerText: string): FaqEntry {
  return { id, lang: 'de', question, variants: [], tags: [], category: undefined, related: [], updated: undefined, answerText, answerHtml: `<p>${answerText}</p>` };
}

describe('buildSearchIndex', () => {
  it('carries every entry with what the browser shows: question, answer HTML, category, related', () => {
    const payload = shopPayload('de');
    expect(payload.format).toBe(2);
    expect(payload.lang).toBe('de');
    expect(payload.entries.map((e) => e.id).sort()).toEqual(shopContent().entries.de.map((e) => e.id).sort());
    const shipping = payload.entries.find((e) => e.id === 'versandkosten');
    expect(shipping?.question).toBe('Was kostet der Versand?');
    expect(shipping?.html).toContain('<strong>29 €</strong>');
    expect(shipping?.category).toBe('shipping');
    expect(shipping?.related).toEqual(['lieferzeit', 'lieferadresse-aendern']);
  });

  it('refuses an entry of another language (a programmer error)', () => {
    expect(() => buildSearchIndex(shopContent().entries.en, 'de', [])).toThrow(/vertraut: buildSearchIndex\(de\).*in en/);
  });
});

describe('an index sent through JSON, as the browser receives it', () => {
  const questions = [
    'Was kostet der Versand?',
    'Erklärung zum Datenschutz',
    'Versnadkosten',
    'Retoure',
    'Kette',
    'Wann kommt mein Rad?',
    'Lieferadresse ändern',
    'Xylophon Quantenphysik',
  ];

  it('gives exactly the results of the index it was built as', () => {
    const payload = shopPayload('de');
    const direct = loadSearchEngine(payload);
    const viaJson = loadSearchEngine(JSON.parse(JSON.stringify(payload)) as SearchIndexPayload);
    for (const question of questions) {
      expect(viaJson.search(question), question).toEqual(direct.search(question));
      expect(viaJson.suggest(question.slice(0, 6)), question).toEqual(direct.suggest(question.slice(0, 6)));
    }
    // Guard the comparison itself: it must have compared real results.
    expect(direct.search('Was kostet der Versand?').length).toBeGreaterThan(0);
  });
});

describe('search (German)', () => {
  it('finds the entry for a colloquial question', () => {
    expect(topId(de, 'Kann ich mein Fahrrad zurückschicken?')).toBe('ruecksendung');
    expect(topId(de, 'Was kostet der Versand von Zubehör')).toBe('versandkosten');
    expect(topId(de, 'Wie lange habe ich Garantie auf meinen Rahmen?')).toBe('garantie');
  });

  it('finds "Datenschutzerklärung" for "Erklärung zum Datenschutz" (compound words)', () => {
    expect(topId(de, 'Erklärung zum Datenschutz')).toBe('datenschutzerklaerung');
  });

  it('finds "Adresse für die Lieferung" for "Lieferadresse" (a compound in the question)', () => {
    expect(topId(de, 'Lieferadresse ändern')).toBe('lieferadresse-aendern');
  });

  it('tolerates a typo in a long word', () => {
    expect(topId(de, 'Versnadkosten')).toBe('versandkosten');
  });

  it('finds an entry through an editor synonym that appears nowhere in the content', () => {
    const text = JSON.stringify(shopContent().entries.de).toLowerCase();
    expect(text).not.toContain('retoure');
    expect(text).not.toContain('durchsicht');
    expect(topId(de, 'Retoure')).toBe('ruecksendung');
    expect(topId(de, 'Durchsicht')).toBe('inspektion');
  });

  it('finds nothing for the synonym when the index has no synonyms', () => {
    const withoutSynonyms = loadSearchEngine(buildSearchIndex(shopContent().entries.de, 'de', []));
    expect(withoutSynonyms.search('Retoure')).toEqual([]);
  });

  it('gives the same results for Rückgabe, Rueckgabe and RÜCKGABE', () => {
    const expected = de.search('Rückgabe');
    expect(expected[0]?.entry.id).toBe('ruecksendung');
    expect(de.search('Rueckgabe')).toEqual(expected);
    expect(de.search('RÜCKGABE')).toEqual(expected);
  });

  it('finds nothing for words the shop does not know', () => {
    expect(de.search('Xylophon Quantenphysik Mondlandung')).toEqual([]);
    expect(de.search('')).toEqual([]);
    expect(de.search('und die der')).toEqual([]);
  });

  it('respects the limit', () => {
    expect(de.search('Fahrrad Versand Kette Rahmen Garantie', 2)).toHaveLength(2);
  });
});

describe('search (English)', () => {
  it('finds the entry for a colloquial question', () => {
    expect(topId(en, 'how do i send my bike back')).toBe('ruecksendung');
    expect(topId(en, 'how long is the warranty on my frame')).toBe('garantie');
    expect(topId(en, 'recycle e-bike battery')).toBe('akku-recycling');
  });

  it('finds an entry through an editor synonym', () => {
    expect(topId(en, 'tune-up')).toBe('inspektion');
  });

  it('tolerates a typo', () => {
    expect(topId(en, 'shiping costs')).toBe('versandkosten');
  });
});

describe("an entry's own phrasing", () => {
  it('puts the entry first and marks it exact, word order and stop words aside', () => {
    for (const question of ['Wie pflege ich die Kette?', 'Kette, wie pflege ich die', 'WIE PFLEGE ICH DIE KETTE']) {
      const [first] = de.search(question);
      expect(first?.entry.id, question).toBe('kette-pflegen');
      expect(first?.exact, question).toBe(true);
    }
  });

  it('is not exact for a question that only shares words with it', () => {
    expect(de.search('Kette').some((m) => m.exact)).toBe(false);
    expect(de.search('Wie pflege ich die Kette im Winter?').some((m) => m.exact)).toBe(false);
  });

  it('is never exact while typing', () => {
    expect(de.suggest('Wie pflege ich die Kette').some((m) => m.exact)).toBe(false);
  });

  it('is not exact for a phrasing two entries share', () => {
    const shared = [
      entry('kette-pflegen', 'Wie pflege ich die Kette?', 'Ölen.'),
      { ...entry('kette-wechseln', 'Wann muss die Kette neu?', 'Nach Verschleiß.'), variants: ['Wie pflege ich die Kette?'] },
    ];
    const engine = loadSearchEngine(buildSearchIndex(shared, 'de', []));
    expect(engine.search('Wie pflege ich die Kette?').some((m) => m.exact)).toBe(false);
  });

  it('finds an entry whose question is made of stop words only', () => {
    const engine = loadSearchEngine(buildSearchIndex([entry('ueber-uns', 'Über uns', 'Wir sind ein Fahrradladen.'), entry('kette', 'Kette ölen', 'So.')], 'de', []));
    expect(engine.search('über uns').map((m) => m.entry.id)).toEqual(['ueber-uns']);
    expect(engine.search('uns über')[0]?.exact).toBe(true);
    expect(engine.search('und über')).toEqual([]);
  });
});

describe('suggest', () => {
  it('finds an entry from the first letters of the last word while typing', () => {
    expect(de.suggest('Rücksen').map((m) => m.entry.id)).toContain('ruecksendeetikett');
    expect(de.suggest('Datensch').map((m) => m.entry.id)).toContain('datenschutzerklaerung');
  });

  it('reads the unfinished word as a prefix only while typing', () => {
    expect(de.search('Rücksen')).toEqual([]);
  });

  it('returns at most 5 suggestions by default', () => {
    expect(de.suggest('Fahrrad Kette Versand Rahmen Garantie Adresse Lieferung').length).toBeLessThanOrEqual(5);
  });
});

describe('coverage', () => {
  it('is between 0 and 1 for every match', () => {
    for (const question of ['Was kostet der Versand?', 'Wie pflege ich die Kette im Winter mit Wachs', 'Rad', 'Rücksen']) {
      for (const match of [...de.search(question), ...de.suggest(question)]) {
        expect(match.coverage).toBeGreaterThanOrEqual(0);
        expect(match.coverage).toBeLessThanOrEqual(1);
      }
    }
  });

  it('is higher when the entry matches all the words of the question', () => {
    const all = de.search('Wie pflege ich die Kette?')[0];
    const some = de.search('Wie pflege ich die Kette im Winter mit Wachs?')[0];
    expect(all?.entry.id).toBe('kette-pflegen');
    expect(some?.entry.id).toBe('kette-pflegen');
    expect(all?.coverage).toBe(1);
    expect(some?.coverage ?? 1).toBeLessThan(all?.coverage ?? 0);
  });
});

describe('field weights', () => {
  const engine = loadSearchEngine(
    buildSearchIndex(
      [
        entry('klingel-im-text', 'Was gehört zur Ausstattung?', 'Licht, Klingel und Schutzbleche sind dabei.'),
        entry('klingel-in-frage', 'Welche Klingel ist eingebaut?', 'Eine Messingglocke.'),
        entry('schloss', 'Gibt es ein Schloss dazu?', 'Ja, ein Faltschloss.'),
      ],
      'de',
      [],
    ),
  );

  it('ranks a word in the question above the same word in the answer text', () => {
    expect(engine.search('Klingel').map((m) => m.entry.id)).toEqual(['klingel-in-frage', 'klingel-im-text']);
  });

  it('counts a match in the answer text only as partial coverage', () => {
    const [inQuestion, inAnswer] = engine.search('Klingel');
    expect(inQuestion?.coverage).toBe(1);
    expect(inAnswer?.coverage ?? 1).toBeLessThan(1);
    expect(inAnswer?.coverage ?? 0).toBeGreaterThan(0);
  });
});

describe('entry', () => {
  it('looks up an entry by id in this language only', () => {
    expect(de.entry('garantie')?.question).toBe('Wie lange gilt die Garantie auf den Rahmen?');
    expect(de.entry('akku-recycling')).toBeUndefined();
    expect(en.entry('akku-recycling')?.question).toBe('How do I recycle an old e-bike battery?');
  });
});
