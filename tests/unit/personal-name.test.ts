import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFormOfAddress, extractIntroducedName } from '../../src/core/personal/name.ts';
import { MAX_NAME_LENGTH } from '../../src/core/personal/profile.ts';

/*
 * The visitor introduces itself and the bot offers to remember the name (SPEC 6). Greeting a
 * visitor as "Hallo Kunde" or "Hallo Enttäuscht" would be absurd, so the sentences that merely
 * contain a name-like word matter as much as the introductions.
 */

/** Introductions, with the name the bot should offer to remember. */
const INTRODUCTIONS: [text: string, name: string][] = [
  // German, explicit forms.
  ['Ich heiße Anna', 'Anna'],
  ['ich heisse Anna Maria', 'Anna Maria'],
  ['Ich heiße Anne-Marie.', 'Anne-Marie'],
  ['Mein Name ist Anna Schmidt', 'Anna Schmidt'],
  ['Mein Name lautet Jürgen', 'Jürgen'],
  ['Mein Vorname ist Jürgen', 'Jürgen'],
  ['Mein Name: Özlem', 'Özlem'],
  ['Nenn mich Anna', 'Anna'],
  ['Nennen Sie mich bitte Anna', 'Anna'],
  ['Sie können mich gerne Anna nennen', 'Anna'],
  ['Du kannst mich Toni nennen', 'Toni'],
  ['Sag Anna zu mir', 'Anna'],
  ['Sagen Sie einfach Anna zu mir', 'Anna'],
  // German, the forms that need capitals.
  ['Ich bin die Anna', 'Anna'],
  ['Ich bin der Tom', 'Tom'],
  ['Ich bin Anna', 'Anna'],
  ['Hier ist Anna', 'Anna'],
  ['Hier spricht Frau Schmidt', 'Frau Schmidt'],
  ['Ich bin Dr. Schmidt', 'Dr. Schmidt'],
  ['Anna hier', 'Anna'],
  ['Anna hier, ich habe eine Frage', 'Anna'],
  ['Hallo, ich bin Tom!', 'Tom'],
  ['Hallo ich bin Tom', 'Tom'],
  ['Hallo zusammen ich bin Tom', 'Tom'],
  ['Moin! Ich bin Ümit.', 'Ümit'],
  ['Guten Tag, mein Name ist Anna Schmidt und ich habe eine Frage zur Lieferung', 'Anna Schmidt'],
  ['Ich bin Anna aus Berlin und habe eine Frage', 'Anna'],
  ['Ich bin Anna, wie lange dauert die Lieferung?', 'Anna'],
  ['Ich bin Anna und du?', 'Anna'],
  ['Ich bin Anna von Berg', 'Anna von Berg'],
  ['Ich bin Anna Jung', 'Anna Jung'],
  ['Ich bin Anna 😊', 'Anna'],
  // Names that end like a role noun, and must stay names.
  ['Ich bin Christin', 'Christin'],
  ['Ich bin Severin', 'Severin'],
  ['Ich bin Dennis', 'Dennis'],
  ['Ich bin Martin', 'Martin'],
  ['Ich bin Kristin', 'Kristin'],
  ['Ich bin Werner', 'Werner'],
  // English.
  ['My name is Anna', 'Anna'],
  ["My name's Tom", 'Tom'],
  ['My first name is Grace', 'Grace'],
  ["I'm Anna", 'Anna'],
  ['I’m Anna', 'Anna'],
  ['I am Anna', 'Anna'],
  ["I'm called Sam", 'Sam'],
  ['Call me Anna', 'Anna'],
  ['Please call me Anna.', 'Anna'],
  ['You can call me Al', 'Al'],
  ['Everyone calls me Bea', 'Bea'],
  ['This is Anna', 'Anna'],
  ['Hey there, this is Jörg speaking', 'Jörg'],
  ['Anna here', 'Anna'],
  ['Anna speaking', 'Anna'],
  ["Hi, I'm Tom", 'Tom'],
  ["Hi there I'm Tom", 'Tom'],
  ["Hello, I'm Seán O'Brien from Dublin", "Seán O'Brien"],
  ['Hi! This is Mrs. Miller', 'Mrs. Miller'],
  // Written all in lower case: the explicit forms still count.
  ['ich heisse anna', 'anna'],
  ['mein name ist anna maria', 'anna maria'],
  ['my name is tom', 'tom'],
  ['call me bea', 'bea'],
];

/** Sentences with a name-like word that are no introduction. */
const NOT_INTRODUCTIONS: string[] = [
  // "ich bin" + role, state, origin.
  'Ich bin Kunde',
  'Ich bin ein Kunde',
  'Ich bin Stammkundin',
  'Ich bin Studentin',
  'Ich bin Vegetarier',
  'Ich bin Veganer',
  'Ich bin Allergiker',
  'Ich bin Tourist',
  'Ich bin Kaffee-Liebhaber',
  'Ich bin Berliner',
  'Ich bin enttäuscht',
  'Ich bin neu hier',
  'Ich bin Neu Hier',
  'Ich bin mir nicht sicher',
  'Ich bin aus Berlin',
  'Ich bin der Meinung, dass das zu teuer ist',
  'Ich bin die Neue',
  'Ich bin Frau',
  "Ich bin Paul's Frau",
  'Ich bin Annas Mutter',
  'ich bin anna',
  'Ich Bin Kunde Seit Jahren',
  // Explicit forms with something that is no name.
  'Ich heiße Sie willkommen',
  'Ich heiße das gut',
  'Mein Name ist falsch geschrieben',
  'mein name ist falsch',
  'Mein Name ist Hase',
  'My name is not on the invoice',
  'my name is wrong',
  'Call me back',
  'call me back please',
  'Sag du zu mir',
  // "hier ist", "X hier", "this is".
  'Hier ist alles kaputt',
  'Hier ist die Bestellnummer',
  'Hier ist Ihre Rechnung',
  'Kunde hier',
  'Neu hier',
  'Kurze Frage hier',
  'This is great',
  'This is Monday',
  // Questions that contain a name word.
  'Wie ist mein Name im Konto geändert?',
  'Was heißt Espresso?',
  'Wie heißt der Kaffee?',
  'Wie ändere ich meinen Namen?',
  'Heiße Schokolade bitte',
  'Im Warenkorb ist nichts',
  // English.
  'I am looking for decaf',
  "I'm happy",
  'I am a customer',
  "I'm from Hamburg",
  "I'm German",
  'I am Vegan',
  "I am Anna's mum",
  'I am not sure',
  "What's my name?",
  'Where is my order?',
];

describe('extractIntroducedName', () => {
  it.each(INTRODUCTIONS)('takes the name from %j', (text, name) => {
    expect(extractIntroducedName(text)).toBe(name);
  });

  it.each(NOT_INTRODUCTIONS)('takes no name from %j', (text) => {
    expect(extractIntroducedName(text)).toBeUndefined();
  });

  it('has at least 40 introductions and 40 non-introductions in the tables', () => {
    expect(INTRODUCTIONS.length).toBeGreaterThanOrEqual(40);
    expect(NOT_INTRODUCTIONS.length).toBeGreaterThanOrEqual(40);
  });

  it('takes at most three name words', () => {
    expect(extractIntroducedName('Mein Name ist Anna Maria Luise')).toBe('Anna Maria Luise');
    expect(extractIntroducedName('Mein Name ist Anna Maria Luise Sophie')).toBeUndefined();
  });

  it(`never returns a name longer than ${MAX_NAME_LENGTH} characters`, () => {
    const long = `${'Bartholomäus-'.repeat(3)}Maximilian`;
    expect(long.length).toBeGreaterThan(MAX_NAME_LENGTH);
    expect(extractIntroducedName(`Ich heiße ${long}`)).toBeUndefined();
  });

  it('returns a trimmed name within the limits for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const name = extractIntroducedName(text);
        if (name === undefined) return;
        expect(name).toBe(name.trim());
        expect(name.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
        expect(name).toMatch(/^[\p{L}\p{M}'’. -]+$/u);
      }),
    );
  });

  it('finds the name wherever the introduction stands among other sentences', () => {
    fc.assert(
      fc.property(fc.constantFrom('Guten Tag.', 'Eine Frage:', 'Danke!', ''), fc.constantFrom('', ' Wie lange dauert die Lieferung?'), (before, after) => {
        expect(extractIntroducedName(`${before} Ich heiße Anna.${after}`)).toBe('Anna');
      }),
    );
  });
});

describe('extractFormOfAddress', () => {
  const REQUESTS: [text: string, form: 'sie' | 'du' | undefined][] = [
    ['Du kannst mich duzen', 'du'],
    ['Bitte duzen', 'du'],
    ['Sag du zu mir', 'du'],
    ['Sagen Sie ruhig du zu mir', 'du'],
    ['Wir können uns gerne duzen', 'du'],
    ['Ich möchte geduzt werden', 'du'],
    ['Per Du bitte', 'du'],
    ['Du musst mich nicht siezen', 'du'],
    ['Bitte siezen Sie mich', 'sie'],
    ['Sagen Sie Sie zu mir', 'sie'],
    ['Lieber per Sie', 'sie'],
    ['Bitte nicht duzen', 'sie'],
    ['Ich will nicht, dass du mich duzt', 'sie'],
    // Not a request, or both at once.
    ['Was heißt duzen?', undefined],
    ['Siezen oder duzen?', undefined],
    ['Du', undefined],
    ['Wie lange dauert die Lieferung?', undefined],
    ['Kann ich Sie etwas fragen?', undefined],
    ['Please be informal', undefined],
  ];

  it.each(REQUESTS)('reads %j as %j', (text, form) => {
    expect(extractFormOfAddress(text)).toBe(form);
  });
});
