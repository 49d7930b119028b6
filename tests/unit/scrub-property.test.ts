import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/content/faq-entry.ts';
import { MAX_SCRUBBED_LENGTH, scrubPersonalData } from '../../src/core/insights/scrub.ts';

/*
 * Properties of the scrubber (SPEC 5.2) over generated text: personal data of every kind, put
 * anywhere in an ordinary question, is never kept; nothing makes it throw; what it keeps never
 * holds a long number, an "@" or a link, and scrubbing it again changes nothing.
 */

const QUESTIONS = [
  'Wie lange dauert der Versand?',
  'Kann ich mit PayPal zahlen?',
  'Habt ihr entkoffeinierten Kaffee?',
  'Gibt es einen Rabatt ab 3 Packungen?',
  'Ich bin enttäuscht, wo bleibt mein Paket?',
  'How long does shipping take?',
  'Is the 500 g bag cheaper?',
  'What is your return policy for 2026?',
  'I am looking for decaf',
  'Where is my order?',
];
const language: fc.Arbitrary<Language> = fc.constantFrom('de', 'en');

const digit = fc.constantFrom(...'0123456789');
const nonZeroDigit = fc.constantFrom(...'123456789');
const digits = (minLength: number, maxLength: number): fc.Arbitrary<string> => fc.string({ unit: digit, minLength, maxLength });
const upperLetter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
/** How people separate digit groups when typing a number. */
const separator = fc.constantFrom(' ', '-', '/', '.', ' / ', ' - ', '');

/** Splits a digit string into groups of 2 to 4 joined by one separator, as people type numbers. */
function grouped(value: string, sep: string, size: number): string {
  return value.match(new RegExp(`.{1,${size}}`, 'g'))?.join(sep) ?? value;
}

const germanPhone = fc
  .tuple(fc.constantFrom('+49 ', '+49', '0049 ', '0', '(0', '+49 (0)'), nonZeroDigit, digits(1, 3), separator, nonZeroDigit, digits(4, 7), fc.integer({ min: 2, max: 4 }))
  .map(([prefix, areaHead, areaTail, sep, subscriberHead, subscriberTail, size]) => {
    const area = `${areaHead}${areaTail}`;
    const subscriber = grouped(`${subscriberHead}${subscriberTail}`, sep === '' ? '' : ' ', size);
    return prefix === '(0' ? `(0${area}) ${subscriber}` : `${prefix}${area}${sep}${subscriber}`;
  });
const internationalPhone = fc
  .tuple(fc.constantFrom('+', '00'), nonZeroDigit, digits(0, 2), separator, digits(6, 10), fc.integer({ min: 2, max: 4 }))
  .map(([prefix, countryHead, countryTail, sep, rest, size]) => `${prefix}${countryHead}${countryTail}${sep === '' ? ' ' : sep}${grouped(rest, sep === '' ? ' ' : sep, size)}`);
const northAmericanPhone = fc
  .tuple(digits(3, 3), digits(3, 3), digits(4, 4), fc.boolean())
  .map(([area, exchange, line, international]) => `${international ? '+1 ' : ''}(${area}) ${exchange}-${line}`);

const iban = fc
  .tuple(upperLetter, upperLetter, digits(2, 2), digits(12, 30), fc.boolean(), fc.boolean())
  .map(([a, b, check, bban, spaced, lower]) => {
    const value = `${a}${b}${check}${bban}`;
    const typed = spaced ? grouped(value, ' ', 4) : value;
    return lower ? typed.toLowerCase() : typed;
  });

const cardNumber = fc
  .tuple(nonZeroDigit, digits(12, 18), fc.constantFrom(' ', '-', ''))
  .map(([head, rest, sep]) => grouped(`${head}${rest}`, sep, 4));

const localPart = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789._'), minLength: 1, maxLength: 12 }).filter((s) => /^[a-z0-9]/.test(s));
const label = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), minLength: 2, maxLength: 12 }).filter((s) => /^[a-z0-9].*[a-z0-9]$/.test(s));
const commonTld = fc.constantFrom('com', 'de', 'org', 'net', 'at', 'ch', 'co.uk', 'io', 'eu', 'info');
const email = fc.oneof(
  fc.emailAddress(),
  fc.tuple(localPart, label, commonTld, fc.constantFrom(' at ', '(at)', ' [at] ', ' (at) ', '{at}'), fc.constantFrom('.', ' dot ', ' punkt ', '[dot]', ' (punkt) '))
    .map(([local, domain, tld, at, dot]) => `${local}${at}${domain}${dot}${tld}`),
);
const url = fc.oneof(
  fc.webUrl(),
  fc.tuple(label, commonTld, fc.constantFrom('', '/konto', '/order/5', '/agb?x=1')).map(([domain, tld, path]) => `www.${domain}.${tld}${path}`),
  fc.tuple(label, commonTld, fc.constantFrom('', '/konto', '/order/5')).map(([domain, tld, path]) => `${domain}.${tld}${path}`),
);
const digitRun = digits(5, 24);

/** Names as people type them: capitalised or not, with umlauts, sometimes with a surname. */
const namePart = fc
  .tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ'), fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöüß'), minLength: 2, maxLength: 10 }))
  .map(([initial, rest]) => `${initial}${rest}`);
const name = fc.tuple(namePart, fc.option(namePart, { nil: undefined }), fc.boolean()).map(([first, last, lower]) => {
  const full = last ? `${first} ${last}` : first;
  return lower ? full.toLowerCase() : full;
});
const introducedName = fc.oneof(
  name.map((n) => ({ fragment: `ich heiße ${n}`, secret: n })),
  name.map((n) => ({ fragment: `Ich heisse ${n}`, secret: n })),
  name.map((n) => ({ fragment: `my name is ${n}`, secret: n })),
  name.map((n) => ({ fragment: `My name is ${n}`, secret: n })),
  name.map((n) => ({ fragment: `mein Name ist ${n}`, secret: n })),
);

/** Every kind of personal data, with the part that must never be kept. */
const personalFragment = fc.oneof(
  email.map((fragment) => ({ fragment, secret: fragment })),
  fc.oneof(germanPhone, internationalPhone, northAmericanPhone).map((fragment) => ({ fragment, secret: fragment.replace(/\D/g, '') })),
  iban.map((fragment) => ({ fragment, secret: fragment.replace(/\D/g, '') })),
  cardNumber.map((fragment) => ({ fragment, secret: fragment.replace(/\D/g, '') })),
  url.map((fragment) => ({ fragment, secret: fragment })),
  digitRun.map((fragment) => ({ fragment, secret: fragment })),
  introducedName,
);

/** An ordinary question with the fragment put between two of its words (or at either end). */
const questionWithFragment = fc
  .tuple(fc.constantFrom(...QUESTIONS), personalFragment, fc.nat(), language)
  .map(([question, { fragment, secret }, at, lang]) => {
    const words = question.split(' ');
    const position = at % (words.length + 1);
    const text = [...words.slice(0, position), fragment, ...words.slice(position)].join(' ');
    return { text, secret, lang };
  });

describe('scrubPersonalData: personal data anywhere in a question is never kept', () => {
  it('drops every generated e-mail, phone number, IBAN, card number, link, digit run and introduced name', () => {
    fc.assert(
      fc.property(questionWithFragment, ({ text, secret, lang }) => {
        const result = scrubPersonalData(text, lang);
        // The text is never kept; the second line says what would have leaked if it were.
        expect(result.kept, text).toBe(false);
        expect(JSON.stringify(result)).not.toContain(secret);
      }),
      { numRuns: 1000 },
    );
  });

  it('drops the same data in a German and in an English page alike', () => {
    fc.assert(
      fc.property(personalFragment, ({ fragment }) => {
        expect(scrubPersonalData(fragment, 'de').kept).toBe(false);
        expect(scrubPersonalData(fragment, 'en').kept).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

/** Arbitrary text, and text made of the characters personal data is written with. */
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: fc.constantFrom(...'0123456789 @.-/+()htpsw:aAeE\u200B\u00AD'), maxLength: 60 }),
  fc.string({ unit: fc.constantFrom('0', '1', '9', ' ', '-', 'h', 't', 'p', '@', '０', '٣', '①', '\u200B', 'ich ', 'heiße ', 'Anna', ' at ', 'dot '), maxLength: 30 }),
  fc.tuple(fc.constantFrom(...QUESTIONS), fc.string({ maxLength: 20 })).map(([question, noise]) => `${question}${noise}`),
);

describe('scrubPersonalData: any input', () => {
  it('never throws, and keeps only a trimmed, collapsed, short text without long numbers, "@" or links', () => {
    fc.assert(
      fc.property(anyText, language, (input, lang) => {
        const result = scrubPersonalData(input, lang);
        if (!result.kept) return;
        expect(result.text).toBe(input.trim().replace(/\s+/g, ' '));
        expect(result.text.length).toBeGreaterThan(0);
        expect(result.text.length).toBeLessThanOrEqual(MAX_SCRUBBED_LENGTH);
        expect(result.text).not.toMatch(/\d{5,}/);
        expect(result.text).not.toContain('@');
        expect(result.text).not.toContain('http');
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent: a kept text, scrubbed again, is kept unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.constantFrom(...QUESTIONS)), language, (input, lang) => {
        const first = scrubPersonalData(input, lang);
        if (first.kept) expect(scrubPersonalData(first.text, lang)).toEqual(first);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives an answer for repetitive text at the maximum length, and drops a 10,000-character paste unread', () => {
    // A pattern with catastrophic backtracking would make this test time out instead of finishing.
    const seeds = ['a.', '1-', 'a-', 'Aa-', '1.', 'x ', 'Am ', 'a at ', ' dot ', 'ich bin ', 'Grüße a ', '1a ', 'A1', '(at)', 'straße 1'];
    for (const seed of seeds) {
      const text = seed.repeat(Math.ceil(MAX_SCRUBBED_LENGTH / seed.length)).slice(0, MAX_SCRUBBED_LENGTH);
      expect(typeof scrubPersonalData(text, 'de').kept).toBe('boolean');
    }
    expect(scrubPersonalData('1-'.repeat(5000), 'de')).toEqual({ kept: false, reason: 'too-long' });
  });
});
