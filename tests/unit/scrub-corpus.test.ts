import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/content/faq-entry.ts';
import { MAX_SCRUBBED_LENGTH, SCRUB_REASONS, scrubPersonalData, type ScrubReason } from '../../src/core/insights/scrub.ts';

/*
 * The scrubber against realistic chat messages (SPEC 5.2). Every message with personal data in it
 * must be dropped whole; every ordinary question must survive word for word, because the editor
 * reads it to learn which answer is missing.
 */

type Case = [text: string, lang: Language];

/** Messages with personal data, grouped by kind. Each must be dropped. */
const PERSONAL: Record<string, Case[]> = {
  email: [
    ['Meine Mail ist anna.schmidt@example.com, bitte antworten', 'de'],
    ['Könnt ihr mir an anna@example.de schreiben?', 'de'],
    ['Schreibt mir: anna at example dot com', 'de'],
    ['Kontakt: anna(at)example.de', 'de'],
    ['anna [at] example [dot] com bitte zurückrufen', 'de'],
    ['Erreichbar unter max.mueller (at) posteo (punkt) de', 'de'],
    ['Please send the invoice to john.smith@company.co.uk', 'en'],
    ['You can reach me at tom at example dot org', 'en'],
    ['email me: sarah{at}mail.com', 'en'],
    ['My address is j_doe+coffee@gmail.com, where is my order?', 'en'],
    ['Bitte an ＡＮＮＡ＠ＥＸＡＭＰＬＥ．ＤＥ antworten', 'de'],
  ],
  handle: [
    ['Schreibt mir auf Instagram @kaffee_anna', 'de'],
    ['DM me on Twitter @coffeelover92', 'en'],
    ['Kontakt über [at]anna_k', 'de'],
  ],
  url: [
    ['Ich habe den Link https://shop.example.com/konto?token=abc geöffnet', 'de'],
    ['Was steht auf www.beispiel-shop.de/agb?', 'de'],
    ['Ist das hier euer Shop: kaffee-beispiel.de/produkte', 'de'],
    ['Mein Blog ist annas-kaffeeblog punkt de', 'de'],
    ['Look at http://example.com/order/5', 'en'],
    ['Is example.com your site?', 'en'],
    ['I found you on coffee-reviews dot com', 'en'],
    ['Warum geht HTTP nicht', 'de'],
    ['ftp://files.example.org/rechnung.pdf', 'de'],
  ],
  phone: [
    ['Ruft mich an: +49 40 1234567', 'de'],
    ['Meine Nummer ist 0049 171 2345678', 'de'],
    ['Tel 040/123456 bitte Rückruf', 'de'],
    ['Handy 0171 2345678', 'de'],
    ['Bitte unter (040) 12 34 56 anrufen', 'de'],
    ['Ich bin erreichbar unter 0800-123 456', 'de'],
    ['Rückruf unter 030.1234.5678 bitte', 'de'],
    ['Festnetz 0 40 / 12 34 56 78', 'de'],
    ['Call me at +1 (555) 123-4567', 'en'],
    ['My phone is 555-123-4567, call me please', 'en'],
    ['You can reach me on +44 20 7946 0958', 'en'],
    ['WhatsApp 0151-23456789', 'de'],
    ['Nummer: ０１７１ ２３４５６７８', 'de'],
  ],
  iban: [
    ['Bitte auf DE89 3704 0044 0532 0130 00 erstatten', 'de'],
    ['Meine IBAN DE89370400440532013000', 'de'],
    ['Refund to GB29 NWBK 6016 1331 9268 19 please', 'en'],
    ['IBAN AT61 1904 3002 3457 3201, geht Lastschrift?', 'de'],
    ['Ist ch93 0076 2011 6238 5295 7 richtig?', 'de'],
  ],
  card: [
    ['Meine Karte 4111 1111 1111 1111 wurde abgelehnt', 'de'],
    ['Kreditkarte 5500-0000-0000-0004 geht nicht', 'de'],
    ['My card 378282246310005 was declined', 'en'],
    ['card number 4012 8888 8888 1881 exp 12/27', 'en'],
    ['Visa 4242424242424242 funktioniert nicht', 'de'],
  ],
  address: [
    ['Liefert ihr in die Musterstraße 12?', 'de'],
    ['Ich wohne Hauptstr. 5a, kommt das Paket?', 'de'],
    ['Bitte an Am Markt 3 liefern', 'de'],
    ['Speicherstadt 12, 20457 Hamburg', 'de'],
    ['Lieferung nach 20457 Hamburg möglich?', 'de'],
    ['Liefert ihr nach 10115?', 'de'],
    ['Meine Adresse: Berliner Straße 7, Köln', 'de'],
    ['Geht Versand an Kaiser-Wilhelm-Ring 23 b?', 'de'],
    ['Liefert ihr nach 1010 Wien?', 'de'],
    ['Versand in die Schweiz, 8001 Zürich, geht das?', 'de'],
    ['Paket bitte an Lindenweg 4', 'de'],
    ['Ship to 221B Baker Street please', 'en'],
    ['Do you deliver to 1600 Pennsylvania Avenue?', 'en'],
    ['Please send it to 10 Downing St.', 'en'],
    ['I live at 42 Wallaby Way, Sydney', 'en'],
    ['Can you deliver to London SW1A 1AA?', 'en'],
    ['Do you ship to Springfield, IL 62704?', 'en'],
    ['Is delivery to D-20457 possible?', 'en'],
  ],
  digits: [
    ['Meine Bestellung 4711-2233 ist nicht angekommen, Anna Schmidt, Tel 0171 2345678', 'de'],
    ['Wo ist Auftrag 12345?', 'de'],
    ['Sendung 00340434161094042557 hängt fest', 'de'],
    ['Where is 98765?', 'en'],
    ['Ich habe 1 2 3 4 5 6 eingegeben', 'de'],
    ['Paket mit 0171 und dann 2345678 anrufen', 'de'],
    ['Gutscheincode 55555 geht nicht', 'de'],
    ['Tracking 1Z999AA10123456784 does not work', 'en'],
  ],
  date: [
    ['Geboren am 12.03.1985, bekomme ich Rabatt?', 'de'],
    ['Ich habe am 3.4.2025 bestellt, wo ist es?', 'de'],
    ['Bestellt am 12. März 2026, noch nichts da', 'de'],
    ['Born 1985-03-12, is there a birthday discount?', 'en'],
    ['I ordered on March 12, 2026 and nothing came', 'en'],
    ['Ordered 03/12/26, still waiting', 'en'],
    ['Mein Geburtstag ist der 3. Mai, gibt es ein Geschenk?', 'de'],
    ['Geburtsdatum 1.1.90', 'de'],
    ['My birthday is on 12 June, any discount?', 'en'],
    ['I was born in 1985, is there a senior discount?', 'en'],
  ],
  reference: [
    ['Bestellnummer ABC-12345 ist falsch', 'de'],
    ['Kundennummer K123456, wo ist mein Paket?', 'de'],
    ['Where is order #A1B2C3?', 'en'],
    ['Meine Bestellung 4711 ist nicht da', 'de'],
    ['Rechnungsnr. R-2026-17 stimmt nicht', 'de'],
    ['Kunden-Nr: KD99 bitte prüfen', 'de'],
    ['Ticket #4711 is still open', 'en'],
    ['My order number is XK42Z7, where is it?', 'en'],
    ['customer id AB12CD34 please', 'en'],
    ['Was ist mit Vorgang AB-12-CD-34?', 'de'],
  ],
  name: [
    ['Ich heiße Anna und habe eine Frage zum Versand', 'de'],
    ['ich heisse thomas, wie lange dauert der versand', 'de'],
    ['Mein Name ist Müller, wo ist mein Paket?', 'de'],
    ['Hallo, ich bin der Thomas. Wie lange dauert der Versand?', 'de'],
    ['Hallo, ich bin die Lisa', 'de'],
    ['Ich bin Anna-Lena und suche entkoffeinierten Kaffee', 'de'],
    ['Hier ist Sabine, habt ihr Espresso?', 'de'],
    ['Hier spricht Kowalski, ist der Kaffee bio?', 'de'],
    ['Wie lange dauert der Versand? Grüße, Anna', 'de'],
    ['Ist der Kaffee bio? Gruß Thomas', 'de'],
    ['Kann ich mit PayPal zahlen? LG Anna', 'de'],
    ['Habt ihr Decaf? Viele Grüße Max Müller', 'de'],
    ['Wann kommt das Paket? MfG K. Schmidt', 'de'],
    ['Wann kommt das Paket? Danke, Jürgen', 'de'],
    ['Ist das vegan? lg marie', 'de'],
    ['Ich bin Kowalski', 'de'],
    ['Frau Schmidt hat bei euch bestellt, wo ist das Paket?', 'de'],
    ['Bitte an Herrn Dr. Müller liefern', 'de'],
    ['Vorname: Petra, wie kann ich kündigen?', 'de'],
    ['Meine Frau heißt Ute, kann sie auch bestellen?', 'de'],
    ['My name is John Smith and my order is late', 'en'],
    ["my name's sarah, do you ship to Spain?", 'en'],
    ['I am John Smith, where is my order?', 'en'],
    ["Hi, I'm Rebecca. Do you sell gift cards?", 'en'],
    ['This is Kowalczyk, is the espresso organic?', 'en'],
    ['How long does shipping take? Regards, John', 'en'],
    ['Do you ship to Austria? cheers, Tom', 'en'],
    ['Is it fair trade? Thanks, Sarah', 'en'],
    ['Mr. Smith ordered last week, where is it?', 'en'],
    ['Can you call me Bob?', 'en'],
    ['Anna hier, habt ihr Hafermilch?', 'de'],
    ['Tom here: is the blend vegan?', 'en'],
    ['i am anna, where is my order', 'en'],
    ['Die Bestellung ist für Sabine Wagner', 'de'],
    ['Please ship it to Oliver at the office', 'en'],
    ['Ich bin Kunde', 'en'],
  ],
  tooLong: [[`Ich habe eine lange Frage: ${'Wie lange dauert der Versand und was kostet er? '.repeat(7)}`, 'de']],
  empty: [
    ['', 'de'],
    ['   \n\t  ', 'en'],
  ],
};

/** Ordinary questions: each must survive exactly. */
const ORDINARY: Case[] = [
  ['Wie lange dauert der Versand?', 'de'],
  ['Kann ich mit PayPal zahlen?', 'de'],
  ['Habt ihr entkoffeinierten Kaffee?', 'de'],
  ['Was kostet der Versand nach Österreich?', 'de'],
  ['Wie lange hält Kaffee nach dem Öffnen (2 Wochen?)', 'de'],
  ['Ist der Espresso für Vollautomaten geeignet?', 'de'],
  ['Kann ich eine Bestellung stornieren?', 'de'],
  ['Gibt es einen Rabatt ab 3 Packungen?', 'de'],
  ['Ich bin enttäuscht, wo bleibt mein Paket?', 'de'],
  ['Hier ist alles kaputt angekommen', 'de'],
  ['Was ist eine Straße?', 'de'],
  ['Ich bin Kunde seit 2020', 'de'],
  ['Ich bin Neukundin, gibt es einen Rabatt?', 'de'],
  ['Ich bin der Meinung, der Kaffee ist zu teuer', 'de'],
  ['Ich bin Student, gibt es Rabatt?', 'de'],
  ['Ich bin seit Jahren Abonnent, kann ich pausieren?', 'de'],
  ['Wie viele Bohnen braucht man für 2 Tassen?', 'de'],
  ['Ist die 500 g Packung günstiger als 2 x 250 g?', 'de'],
  ['Habt ihr Größe 42?', 'de'],
  ['Kommt das Paket in 3 Tagen?', 'de'],
  ['Wie heiß sollte das Wasser sein, 92 oder 96 Grad?', 'de'],
  ['Gibt es Kaffee aus Äthiopien?', 'de'],
  ['Ist der Kaffee fair gehandelt?', 'de'],
  ['Wie mahle ich für eine French Press?', 'de'],
  ['Passt der Filter zur V60?', 'de'],
  ['Wo finde ich meine Bestellnummer?', 'de'],
  ['Wie ändere ich meine Lieferadresse?', 'de'],
  ['Kann ich an eine Packstation liefern lassen?', 'de'],
  ['Was passiert mit meinen Daten?', 'de'],
  ['Versendet ihr auch in die Schweiz?', 'de'],
  ['Gibt es eine 1 kg Packung?', 'de'],
  ['Ab wie viel Euro ist der Versand kostenlos, ab 29,90 €?', 'de'],
  ['Wie lange ist die Lieferzeit im Dezember?', 'de'],
  ['Danke im Voraus!', 'de'],
  ['Grüße aus dem Büro: wie lange dauert der Versand?', 'de'],
  ['Im Sommer auch Cold Brew?', 'de'],
  ['Gibt es den Espresso im Jahr 2026 noch?', 'de'],
  ['Was bedeutet der Punkt in der Mitte des Logos?', 'de'],
  ['Brauche ich einen Dichtungsring 58 mm?', 'de'],
  ['Kann ich die Lieferung auf Montag verschieben?', 'de'],
  ['Habt ihr Hafermilch?', 'de'],
  ['Mein Paket ist beschädigt, was nun?', 'de'],
  ['Wie bewahre ich Kaffee am besten auf?', 'de'],
  ['Gibt es Kapseln für Nespresso?', 'de'],
  ['Ist im Paket ein Gutschein?', 'de'],
  ['Was ist der Unterschied zwischen Arabica und Robusta?', 'de'],
  ['Öffnungszeiten 9:00 bis 18:00?', 'de'],
  ['Was kostet 1.000 g?', 'de'],
  ['  Wie   lange dauert\nder Versand?  ', 'de'],
  ['How long does shipping take?', 'en'],
  ['Do you ship to the UK?', 'en'],
  ['Is the 500 g bag cheaper?', 'en'],
  ['What is your return policy for 2026?', 'en'],
  ['Where is my order?', 'en'],
  ['I am looking for decaf', 'en'],
  ["I'm unhappy with my order", 'en'],
  ['I am German, do you have instructions in German?', 'en'],
  ['Can you call me back?', 'en'],
  ['Do you have oat milk?', 'en'],
  ['Is the coffee organic?', 'en'],
  ['How should I store my beans?', 'en'],
  ['Can I pay with a credit card?', 'en'],
  ['What grind size for a Moka pot?', 'en'],
  ['Do you offer gift cards?', 'en'],
  ['Thanks in advance!', 'en'],
  ['This is taking too long, where is my parcel?', 'en'],
  ['Is 2 kg the largest bag?', 'en'],
  ['Which beans are best for espresso?', 'en'],
  ['How many cups from 250 g?', 'en'],
  ['Can I change my delivery address?', 'en'],
  ['Do you deliver on Saturdays?', 'en'],
  ['Is shipping free above 30 euros?', 'en'],
  ['Is the V60 filter included?', 'en'],
  ['Can I get a 2x250g bundle?', 'en'],
  ['Here is my question: do you sell grinders?', 'en'],
  ['What is the difference between a latte and a flat white?', 'en'],
  ['I ordered 3 bags, can I cancel one?', 'en'],
  ['Shipping takes 3-5 days?', 'en'],
  ['🙂', 'en'],
];

const collapse = (text: string): string => text.trim().replace(/\s+/g, ' ');

const allPersonal = Object.entries(PERSONAL).flatMap(([kind, cases]) => cases.map(([text, lang]) => ({ kind, text, lang })));

describe('scrubPersonalData: messages with personal data are dropped whole', () => {
  it('has a corpus of at least 120 such messages, several of each kind', () => {
    expect(allPersonal.length).toBeGreaterThanOrEqual(120);
    for (const [kind, cases] of Object.entries(PERSONAL)) {
      if (kind !== 'tooLong' && kind !== 'empty') expect(cases.length, kind).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(allPersonal)('$kind: "$text" is dropped', ({ text, lang }) => {
    const result = scrubPersonalData(text, lang);
    expect(result.kept).toBe(false);
    // A dropped result carries a reason from the catalogue and nothing of the text.
    expect(Object.keys(result).sort()).toEqual(['kept', 'reason']);
    if (!result.kept) expect(SCRUB_REASONS).toContain(result.reason);
    expect(JSON.stringify(result)).not.toMatch(/\d{3}|@|Anna|Smith|Schmidt|Müller/);
  });
});

describe('scrubPersonalData: the reason names what was found', () => {
  const REASONS: [text: string, lang: Language, reason: ScrubReason][] = [
    ['Schreibt mir an anna@example.de', 'de', 'email'],
    ['Folgt mir @kaffee_anna', 'de', 'handle'],
    ['Siehe https://example.org', 'de', 'url'],
    ['IBAN DE89 3704 0044 0532 0130 00', 'de', 'iban'],
    ['Karte 4111 1111 1111 1111', 'de', 'card'],
    ['Ruft mich an: 0171 2345678', 'de', 'phone'],
    ['Musterstraße 12', 'de', 'address'],
    ['Lieferung nach 20457 Hamburg?', 'de', 'address'],
    ['Bestellnummer ABC-12345', 'de', 'reference'],
    ['Geboren am 12.03.1985', 'de', 'date'],
    ['born in 1985', 'en', 'birthdate'],
    ['Where is 98765?', 'en', 'digits'],
    ['Ich heiße Anna', 'de', 'name'],
    ['my name is Quentin', 'en', 'name'],
    ['', 'de', 'empty'],
    ['x'.repeat(MAX_SCRUBBED_LENGTH + 1), 'en', 'too-long'],
  ];
  it.each(REASONS)('"%s" (%s) is dropped as %s', (text, lang, reason) => {
    expect(scrubPersonalData(text, lang)).toEqual({ kept: false, reason });
  });
});

describe('scrubPersonalData: ordinary questions survive exactly', () => {
  it('has a corpus of at least 60 ordinary questions', () => {
    expect(ORDINARY.length).toBeGreaterThanOrEqual(60);
  });

  it.each(ORDINARY)('"%s" (%s) is kept as asked', (text, lang) => {
    expect(scrubPersonalData(text, lang)).toEqual({ kept: true, text: collapse(text) });
  });

  it('keeps a question of exactly the maximum length', () => {
    const text = `${'Kaffee '.repeat(Math.floor(MAX_SCRUBBED_LENGTH / 7))}`.trim().padEnd(MAX_SCRUBBED_LENGTH, '?');
    expect(text).toHaveLength(MAX_SCRUBBED_LENGTH);
    expect(scrubPersonalData(text, 'de')).toEqual({ kept: true, text });
  });
});

describe('scrubPersonalData: the page language chooses the exceptions, never the detectors', () => {
  it('"Ich bin Kunde" is a role on a German page, and dropped on an English one (stricter, never looser)', () => {
    expect(scrubPersonalData('Ich bin Kunde', 'de').kept).toBe(true);
    expect(scrubPersonalData('Ich bin Kunde', 'en').kept).toBe(false);
  });

  it('"my name is" is found on a German page, "ich heiße" on an English one', () => {
    expect(scrubPersonalData('my name is Quentin', 'de').kept).toBe(false);
    expect(scrubPersonalData('ich heiße Quentin', 'en').kept).toBe(false);
  });
});

describe('scrubPersonalData: invisible tricks do not hide personal data', () => {
  it.each([
    ['digits split by zero-width spaces', '0171\u200B234\u200B5678'],
    ['a soft hyphen inside "heiße"', 'Ich hei\u00ADße Quentin'],
    ['full-width digits', 'Kundennummer １２３４５６'],
    ['circled digits', 'Code ①②③④⑤'],
    ['Arabic-Indic digits', 'رقم ٠١٧١٢٣٤٥٦٧٨'],
  ])('%s', (_why, text) => {
    expect(scrubPersonalData(text, 'de').kept).toBe(false);
  });
});
