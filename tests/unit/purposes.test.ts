import { describe, expect, it } from 'vitest';
import { recognizeWithdrawal } from '../../src/core/consent/commands.ts';
import { consentCardLines, isPurpose, PURPOSE_DECLARATIONS, PURPOSES, type ConsentText } from '../../src/core/consent/purposes.ts';
import { hashText } from '../../src/core/consent/text-hash.ts';
import { LANGUAGES } from '../../src/core/content/faq-entry.ts';

/*
 * The purposes and their consent cards (SPEC 3.3, 3.4), and the hash the ledger keeps of the exact
 * text shown (SPEC 3.5, 3.7).
 */

const PARTS: (keyof ConsentText)[] = ['title', 'purpose', 'stored', 'where', 'duration', 'withdraw'];

/** The hash as the consent controller computes it: the card's lines, one per line. */
const cardHash = (...args: Parameters<typeof consentCardLines>) => hashText(consentCardLines(...args).join('\n'));

describe('PURPOSE_DECLARATIONS', () => {
  it('declares the four purposes of SPEC 3.3', () => {
    expect([...PURPOSES]).toEqual(['history', 'insights', 'personalization', 'marketing']);
    for (const purpose of PURPOSES) expect(PURPOSE_DECLARATIONS[purpose].id).toBe(purpose);
  });

  it('has every part of the card, and a legal basis, in German and English, none empty', () => {
    expect([...LANGUAGES].sort()).toEqual(['de', 'en']);
    for (const purpose of PURPOSES) {
      for (const lang of LANGUAGES) {
        const declaration = PURPOSE_DECLARATIONS[purpose];
        expect(declaration.legalBasis[lang].trim(), `${purpose} ${lang} legalBasis`).not.toBe('');
        for (const part of PARTS) expect(declaration.text[lang][part].trim(), `${purpose} ${lang} ${part}`).not.toBe('');
      }
    }
  });

  it('says how long in every card ({days} in the duration)', () => {
    for (const purpose of PURPOSES) {
      for (const lang of LANGUAGES) expect(PURPOSE_DECLARATIONS[purpose].text[lang].duration, `${purpose} ${lang}`).toContain('{days}');
    }
  });
});

describe('isPurpose', () => {
  it('accepts the purposes and nothing else', () => {
    for (const purpose of PURPOSES) expect(isPurpose(purpose)).toBe(true);
    for (const value of ['all', 'History', 'verlauf', '', 1, undefined, null, {}]) expect(isPurpose(value), String(value)).toBe(false);
  });
});

describe('consentCardLines', () => {
  it('gives the six parts in order, with the retention filled in', () => {
    const lines = consentCardLines('history', 'de', 30);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('Verlauf speichern?');
    expect(lines[4]).toBe('Einträge werden nach 30 Tagen automatisch gelöscht.');
    expect(lines.join('\n')).not.toContain('{days}');
  });

  it('fills in the days in every card', () => {
    for (const purpose of PURPOSES) {
      for (const lang of LANGUAGES) {
        const text = consentCardLines(purpose, lang, 47).join('\n');
        expect(text, `${purpose} ${lang}`).toContain('47');
        expect(text, `${purpose} ${lang}`).not.toContain('{days}');
      }
    }
  });

  describe('the German card says what SPEC 3.4 demands', () => {
    for (const purpose of PURPOSES) {
      it(`${purpose}: where it is stored, for how long, and how to withdraw`, () => {
        const lines = consentCardLines(purpose, 'de', 30);
        const text = lines.join('\n');
        expect(text).toContain('nur in diesem Browser auf diesem Gerät');
        expect(text).toMatch(/30 Tage/);
        expect(text).toMatch(/„Stop“/i);
      });
    }
  });

  it('tells the visitor a word that really withdraws, in every card', () => {
    for (const purpose of PURPOSES) {
      for (const lang of LANGUAGES) {
        const withdraw = PURPOSE_DECLARATIONS[purpose].text[lang].withdraw;
        const word = /[„“"]([^„“"”]+)[“”"]/.exec(withdraw)?.[1];
        expect(word, `${purpose} ${lang}: no quoted word in "${withdraw}"`).toBeDefined();
        expect(recognizeWithdrawal(word ?? ''), `${purpose} ${lang}: "${word}"`).toBeDefined();
      }
    }
  });

  it('says in English where it is stored', () => {
    for (const purpose of PURPOSES) expect(consentCardLines(purpose, 'en', 30).join('\n')).toContain('only in this browser on this device');
  });
});

describe('hashText of a consent card', () => {
  it('is SHA-256 as 64 lower-case hex characters', async () => {
    expect(await hashText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await cardHash('history', 'de', 30)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is stable for the same card', async () => {
    expect(await cardHash('marketing', 'de', 365)).toBe(await cardHash('marketing', 'de', 365));
  });

  it('changes when the retention days change', async () => {
    expect(await cardHash('history', 'de', 30)).not.toBe(await cardHash('history', 'de', 31));
  });

  it('changes with the language', async () => {
    expect(await cardHash('history', 'de', 30)).not.toBe(await cardHash('history', 'en', 30));
  });

  it('differs between purposes', async () => {
    const hashes = await Promise.all(PURPOSES.map((purpose) => cardHash(purpose, 'de', 30)));
    expect(new Set(hashes).size).toBe(PURPOSES.length);
  });

  it('changes with a one-character edit of the text', async () => {
    const lines = consentCardLines('history', 'de', 30);
    const edited = [...lines.slice(0, -1), `${lines.at(-1) ?? ''} `];
    expect(await hashText(edited.join('\n'))).not.toBe(await hashText(lines.join('\n')));
  });
});
