import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/build/load-content.ts';
import { recognizePrivacyIntent, type PrivacyIntent } from '../../src/core/privacy/privacy-intents.ts';

/*
 * Which typed messages are about the visitor's own data (SPEC 4.1, 4.7). They are recognised
 * before the FAQ search, so a miss sends a privacy question to the FAQ, and a false hit takes a
 * shop question away from its answer and replies with the chat's storage state instead.
 */

/** Messages that open the privacy center (SPEC 4.1), however they are typed. */
const OPENS_CENTER: string[] = [
  // The words of the spec.
  'Meine Daten',
  'Datenschutz',
  'Was wisst ihr über mich?',
  'privacy',
  'my data',
  // Case, punctuation, umlauts and polite words do not matter.
  'MEINE DATEN',
  'Meine Daten!',
  'meine Daten bitte',
  'Hallo, meine Daten bitte',
  'Datenschutz?',
  'Was wisst ihr ueber mich',
  'Was weißt du über mich?',
  'Was wissen Sie über mich?',
  'Privacy!',
  'My Data',
  'What do you know about me?',
  'what do you know about me',
  'Show my data',
  'Meine Daten anzeigen',
  'Privatsphäre',
  'Datenschutz-Center',
  'Datenschutzcenter',
  'privacy center',
  'Privacy Centre',
  'my privacy',
  // One typo in a longer phrase is forgiven.
  'meine datn',
  'meine Datem',
  'Datenschuts',
  'privacy cente',
];

/** Questions the bot answers from the live state (SPEC 4.7), with the answer they get. */
const LIVE_QUESTIONS: [text: string, intent: Exclude<PrivacyIntent, 'open-center'>][] = [
  ['Welche Daten speichert ihr?', 'what-stored'],
  ['Welche Daten speichern Sie?', 'what-stored'],
  ['Welche Daten werden gespeichert?', 'what-stored'],
  ['Was speichert ihr über mich?', 'what-stored'],
  ['Was habt ihr gespeichert?', 'what-stored'],
  ['Welche Daten sammelt ihr?', 'what-stored'],
  ['What data do you store?', 'what-stored'],
  ['Which data do you store?', 'what-stored'],
  ['What data do you collect?', 'what-stored'],
  ['What do you store about me?', 'what-stored'],
  ['Wo werden meine Daten gespeichert?', 'where-stored'],
  ['Wo speichert ihr meine Daten?', 'where-stored'],
  ['Wo werden die Daten gespeichert?', 'where-stored'],
  ['Where is my data stored?', 'where-stored'],
  ['Where do you store my data?', 'where-stored'],
  ['Where do you keep my data?', 'where-stored'],
  ['Wie lange speichert ihr?', 'how-long'],
  ['Wie lange speichert ihr meine Daten?', 'how-long'],
  ['Wie lange werden meine Daten gespeichert?', 'how-long'],
  ['Wie lange bewahrt ihr meine Daten auf?', 'how-long'],
  ['How long do you keep my data?', 'how-long'],
  ['How long is my data stored?', 'how-long'],
  ['How long is the chat history kept?', 'how-long'],
  ['Wer ist verantwortlich?', 'who-responsible'],
  ['Wer ist der Verantwortliche?', 'who-responsible'],
  ['Wer ist Datenschutzbeauftragter?', 'who-responsible'],
  ['Wer ist der Datenschutzbeauftragte?', 'who-responsible'],
  ['Wer ist für den Datenschutz verantwortlich?', 'who-responsible'],
  ['Who is responsible?', 'who-responsible'],
  ['Who is the data protection officer?', 'who-responsible'],
  ['Who is the data controller?', 'who-responsible'],
  ['Kann ich meine Einwilligung widerrufen?', 'can-withdraw'],
  ['Wie widerrufe ich meine Einwilligung?', 'can-withdraw'],
  ['Can I withdraw my consent?', 'can-withdraw'],
  ['How can I withdraw my consent?', 'can-withdraw'],
  ['How do I revoke my consent?', 'can-withdraw'],
];

/** Shop questions that must reach the FAQ even though they mention data, time, place or duty. */
const FAQ_QUESTIONS: string[] = [
  // Without the word consent this is, in a shop, the right to withdraw from a purchase.
  'Wie kann ich widerrufen?',
  'Wie lange dauert der Versand?',
  'Wie lange dauert die Lieferung?',
  'Wo ist mein Paket?',
  'Wie kann ich meine Kundendaten ändern?',
  'Wie ändere ich meine Daten?',
  'Wo kann ich meine Adressdaten ändern?',
  'Wie sicher sind meine Zahlungsdaten?',
  'Speichern Sie meine Kreditkartendaten?',
  'Datenschutzerklärung',
  'Wo ist meine Datenschutzerklärung',
  'Datenschutz beim Bezahlen',
  'Was kostet der Versand?',
  'Welche Zahlungsarten gibt es?',
  'Was wisst ihr über Versandkosten?',
  'Wo finde ich meine Rechnung?',
  'Wie lange habe ich Rückgaberecht?',
  'Wie lange dauert die Erstattung?',
  'Wie lange bewahrt ihr Rechnungen auf?',
  'Kann ich vom Kauf zurücktreten?',
  'Welche Daten brauche ich für die Registrierung?',
  'Meine Daten haben sich geändert, wie kann ich sie aktualisieren?',
  'How long does shipping take?',
  'How long does a refund take?',
  'How long is the warranty?',
  'Where is my order?',
  'What do you know about shipping?',
  'What data do I need to register?',
  'How should I store coffee beans?',
  // Long sentences are questions for the FAQ even when they are about data (more than 12 words).
  'Was passiert mit meinen Daten, wenn ich ein Konto lösche und danach noch eine Bestellung aufgeben möchte?',
  'Ich wollte fragen, welche Daten speichert ihr eigentlich über mich, wenn ich hier im Chat etwas frage?',
  'Could you please tell me what data you store about me when I order coffee online?',
  // Nothing to recognise.
  '',
  '   ',
  '?!',
];

describe('recognizePrivacyIntent: opening the privacy center (SPEC 4.1)', () => {
  it.each(OPENS_CENTER)('%j opens the privacy center', (text) => {
    expect(recognizePrivacyIntent(text)).toBe('open-center');
  });

  it('does not forgive two typos', () => {
    expect(recognizePrivacyIntent('meine dtn')).toBeUndefined();
    expect(recognizePrivacyIntent('Datnschuts')).toBeUndefined();
  });
});

describe('recognizePrivacyIntent: questions answered from the live state (SPEC 4.7)', () => {
  it.each(LIVE_QUESTIONS)('%j is %s', (text, intent) => {
    expect(recognizePrivacyIntent(text)).toBe(intent);
  });

  it('still recognises a question of 12 words, but not one of 13', () => {
    const twelve = 'Welche Daten speichert ihr über mich hier in diesem Chat und warum';
    expect(twelve.split(' ')).toHaveLength(12);
    expect(recognizePrivacyIntent(twelve)).toBe('what-stored');
    expect(recognizePrivacyIntent(`${twelve} genau`)).toBeUndefined();
  });

  it('does not count polite words towards the length', () => {
    expect(recognizePrivacyIntent('Hallo, bitte: welche Daten speichert ihr über mich hier in diesem Chat und warum')).toBe('what-stored');
  });
});

describe('recognizePrivacyIntent: FAQ questions are not taken away', () => {
  it.each(FAQ_QUESTIONS)('%j reaches the FAQ', (text) => {
    expect(recognizePrivacyIntent(text)).toBeUndefined();
  });
});

/*
 * Every question and variant of the shipped FAQ, except the entries about the chat's own data,
 * must reach its entry: the privacy center answering instead would hide the shop's answer.
 */
describe('recognizePrivacyIntent over the shipped FAQ', () => {
  const content = loadContent(fileURLToPath(new URL('../../content', import.meta.url)));
  /** Entries about the visitor's data in the chat or at the shop, which the privacy center may answer. */
  const ABOUT_THE_VISITORS_DATA = new Set(['meine-daten', 'einwilligung-widerrufen', 'chatverlauf-gespeichert', 'chatbot-cookies', 'datenauskunft', 'datenschutzerklaerung']);
  /** Known hijacks, tested on their own below, so the sweep still catches every new one. */
  const KNOWN_HIJACKED = new Set(['How long do coffee beans keep, and how should I store them?']);

  it('reads the FAQ (the sweep below is not empty)', () => {
    expect(content.entries.de.length).toBeGreaterThan(40);
    expect(content.entries.en.length).toBeGreaterThan(40);
  });

  it('takes no question or variant of an entry about the shop', () => {
    const hijacked: string[] = [];
    for (const entries of Object.values(content.entries)) {
      for (const entry of entries) {
        if (ABOUT_THE_VISITORS_DATA.has(entry.id)) continue;
        for (const text of [entry.question, ...entry.variants]) {
          if (KNOWN_HIJACKED.has(text)) continue;
          const intent = recognizePrivacyIntent(text);
          if (intent) hijacked.push(`${entry.lang}/${entry.id}: ${JSON.stringify(text)} → ${intent}`);
        }
      }
    }
    expect(hijacked).toEqual([]);
  });

  // BUG: the question of the shipped FAQ entry en/haltbarkeit-bohnen is taken as 'how-long'
  // ("how long" + "keep"/"store"), so the visitor gets the chat's retention instead of how long
  // coffee beans keep. Expected undefined; actual 'how-long'.
  it('"How long do coffee beans keep, and how should I store them?" (en/haltbarkeit-bohnen) reaches the FAQ', () => {
    expect(recognizePrivacyIntent('How long do coffee beans keep, and how should I store them?')).toBeUndefined();
  });
});

/*
 * BUG: shop questions that are taken by the privacy center. The rule "wie lange/how long" or
 * "wo/where" + any storing word, "widerruf/withdraw/revoke" + any question word, and
 * "verantwortlich/responsible" anywhere does not look at WHAT is stored, withdrawn or whom one is
 * responsible for. Expected: undefined (the FAQ answers); actual: the intent in the table.
 * Some are harmful beyond a missed answer: "Wo werden meine Zahlungsdaten gespeichert?" is
 * answered "only in this browser", which is false for payment data, and "Wie lange habe ich
 * Widerrufsrecht?" (the 30-day return right, FAQ ruecksendung) gets the consent withdrawal text.
 */
const HIJACKED_FAQ_QUESTIONS: [text: string, actual: PrivacyIntent][] = [
  ['How long do coffee beans keep?', 'how-long'],
  ['Wie lange kann man Kaffee aufbewahren?', 'how-long'],
  ['How long can I keep opened coffee?', 'how-long'],
  ['Where do I store coffee beans?', 'where-stored'],
  ['What is the best way to store tea?', 'what-stored'],
  ['Wie lange bleibt der Warenkorb gespeichert?', 'how-long'],
  ['Wo kann ich meine Daten ändern?', 'where-stored'],
  ['Where can I change my data?', 'where-stored'],
  ['Wo werden meine Zahlungsdaten gespeichert?', 'where-stored'],
  ['Wie lange habe ich Widerrufsrecht?', 'can-withdraw'],
  ['Kann ich meine Bestellung widerrufen?', 'can-withdraw'],
  ['How long do I have to withdraw from the contract?', 'can-withdraw'],
  ['Can I revoke my subscription?', 'can-withdraw'],
  ['Wer ist für Reklamationen verantwortlich?', 'who-responsible'],
  ['Who is responsible for returns?', 'who-responsible'],
];

describe('recognizePrivacyIntent: shop questions wrongly taken (known bugs)', () => {
  for (const [text, actual] of HIJACKED_FAQ_QUESTIONS) {
    it(`${JSON.stringify(text)} reaches the FAQ (today: ${actual})`, () => {
      expect(recognizePrivacyIntent(text)).toBeUndefined();
    });
  }
});

/*
 * BUG: everyday phrasings of the privacy questions that are not recognised and go to the FAQ
 * search instead of being answered from the live state. "Wie lange?" is one of the examples of
 * SPEC 4.7 itself. Expected: the intent in the table (or opening the center); actual: undefined.
 */
const MISSED_PRIVACY_QUESTIONS: [text: string, expected: readonly PrivacyIntent[]][] = [
  ['Wie lange?', ['how-long']],
  ['Zeig mir meine Daten', ['open-center']],
  ['Speichert ihr meine Daten?', ['what-stored']],
  ['Do you store my data?', ['what-stored']],
  ['Welche Informationen habt ihr über mich?', ['what-stored', 'open-center']],
  ['What information do you have about me?', ['what-stored', 'open-center']],
  ['Wie kann ich meine Einwilligung zurückziehen?', ['can-withdraw']],
];

describe('recognizePrivacyIntent: privacy questions missed (known bugs)', () => {
  for (const [text, expected] of MISSED_PRIVACY_QUESTIONS) {
    it(`${JSON.stringify(text)} is ${expected.join(' or ')}`, () => {
      expect(expected).toContain(recognizePrivacyIntent(text));
    });
  }
});
