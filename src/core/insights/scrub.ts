import type { Language } from '../content/faq-entry.ts';
import { MAX_EVENT_TEXT } from './events.ts';

/*
 * The PII scrubber (SPEC 5.2). The text of an unanswered question is the only free text the
 * product ever keeps for statistics, so it passes here first. Pure and deliberately blunt:
 *
 * - **Any match drops the whole text.** We never keep a partially redacted sentence: a redaction
 *   must find every fragment to be safe, while a drop only needs to find one. "Meine Bestellung
 *   [..] ist nicht angekommen, Anna" still names Anna when one detector misses the name and
 *   another catches the number; dropping the text loses nothing an editor needs, since the
 *   unanswered question is still counted.
 * - **When in doubt, drop.** A lost question costs the editor one example; a kept name or phone
 *   number costs the visitor their privacy. Each detector errs towards matching; the exceptions
 *   (a capitalised word after "ich bin" that is a role, not a name) are short, explicit lists.
 * - **Kept text is the visitor's own words**, trimmed and with whitespace collapsed, nothing else:
 *   an ordinary question reaches the editor exactly as it was asked.
 *
 * Every detector runs whatever the page language, because visitors mix languages ("my name is"
 * on a German page). The language only chooses which list of exceptions applies: a German role
 * noun on an English page is dropped, which is stricter, never looser.
 */

/** Why a text was dropped: permanent names, safe to count and show, never containing the text. */
export const SCRUB_REASONS = [
  'empty',
  'too-long',
  'email',
  'handle',
  'url',
  'iban',
  'date',
  'birthdate',
  'reference',
  'card',
  'address',
  'phone',
  'digits',
  'name',
] as const;
export type ScrubReason = (typeof SCRUB_REASONS)[number];

export type ScrubResult = { readonly kept: true; readonly text: string } | { readonly kept: false; readonly reason: ScrubReason };

/** The longest question kept. A longer text is more likely a story with details in it than a question. */
export const MAX_SCRUBBED_LENGTH = MAX_EVENT_TEXT;

export function scrubPersonalData(text: string, lang: Language): ScrubResult {
  // Collapsing first keeps the result idempotent: scrubbing a kept text reads exactly the same
  // characters again. It is linear, and the length check comes before any detector, so a
  // 10,000-character paste never reaches a regular expression.
  const collapsed = text.trim().replace(/\s+/g, ' ');
  if (collapsed === '') return { kept: false, reason: 'empty' };
  if (collapsed.length > MAX_SCRUBBED_LENGTH) return { kept: false, reason: 'too-long' };
  const seen = forDetection(collapsed);
  for (const [reason, detects] of DETECTORS) {
    if (detects(seen, lang)) return { kept: false, reason };
  }
  return { kept: true, text: collapsed };
}

/**
 * The text as the detectors read it, never returned. Compatibility forms are folded (full-width
 * "０１７１", circled "①", "＠" become ASCII); invisible format characters (zero-width space, soft
 * hyphen, direction marks) are removed, since they could split "0171" from "2345678" or "hei­ße"
 * without the reader seeing it; digits of other scripts become "0", since only their count matters.
 */
function forDetection(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/(?![0-9])\p{Nd}/gu, '0');
}

type Detector = (text: string, lang: Language) => boolean;

/**
 * A pattern that matches whole words only. JavaScript's `\b` knows ASCII letters only, so it
 * would see a word boundary inside "Größe"; these lookarounds know every script.
 */
function words(source: string, flags = 'iu'): RegExp {
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${source})(?![\p{L}\p{N}])`, flags);
}

// ---------------------------------------------------------------------------------------------
// E-mail addresses, handles and links
// ---------------------------------------------------------------------------------------------

/** Top-level domains common enough to be typed; a bare "name.tld" with one of them is a link. */
const TLD = 'com|de|net|org|info|biz|eu|at|ch|li|lu|nl|be|fr|it|es|pt|pl|cz|dk|se|no|fi|uk|co|io|me|tv|us|ca|au|nz|ie|ru|cn|jp|in|shop|store|online|site|app|dev|ai|xyz|email|mail|gmbh|berlin|hamburg|koeln|bayern|gov|edu';

/** A typed address: "anna@example.com". */
function containsEmail(text: string): boolean {
  return /[^\s@]@[^\s@]+\.\p{L}{2,}/u.test(text) || OBFUSCATED_EMAIL.test(text);
}
/** " at ", "(at)", "[at]", "{ät}": how people hide the "@" from robots (not from us). */
const SPOKEN_AT = String.raw`(?:\s*[([{<]\s*(?:at|ät)\s*[)\]}>]\s*|\s(?:at|ät)\s)`;
/** ".", "(dot)", " punkt ". A bare period only without spaces, so "at Rewe. In …" is a sentence. */
const SPOKEN_DOT = String.raw`(?:\.|\s*[([{<]\s*(?:dot|punkt)\s*[)\]}>]\s*|\s(?:dot|punkt)\s)`;
/** Top-level domains people say aloud; shorter than TLD, since "Punkt in der Mitte" is German. */
const SPOKEN_TLD = 'com|de|net|org|at|ch|eu|info|co|uk|io';
/** "anna(at)example.de", "anna [at] example [dot] com", "anna at example dot com". */
const OBFUSCATED_EMAIL = words(
  String.raw`[\p{L}\p{N}._%+-]+${SPOKEN_AT}[\p{L}\p{N}-]+(?:${SPOKEN_DOT}[\p{L}\p{N}-]+)*${SPOKEN_DOT}(?:${TLD})`,
);

/** Any other "@", or a lone "(at)": "@anna_k" on a social network is a person too. */
function containsHandle(text: string): boolean {
  return text.includes('@') || /[([{<]\s*(?:at|ät)\s*[)\]}>]/iu.test(text);
}

/** Links: a scheme, "www.", "name.tld" or "name dot tld". Any "http" counts, whatever follows. */
function containsUrl(text: string): boolean {
  return /http|:\/\/|www\s*\./iu.test(text) || BARE_DOMAIN.test(text) || SPOKEN_DOMAIN.test(text);
}
/**
 * "example.com", "SHOP.EXAMPLE.DE/konto", "example.xyz/pfad": links carry tokens and account pages
 * as often as shop names. Only the character before the top-level domain matters, which keeps the
 * pattern linear. The domain in lower or upper case only, so that a missing space after a period
 * ("Danke.Es geht um …") is not a link.
 */
const BARE_DOMAIN = new RegExp(
  String.raw`[\p{L}\p{N}]\.(?:${TLD}|${TLD.toUpperCase()})(?![\p{L}\p{N}])|[\p{L}\p{N}]\.\p{L}{2,}/`,
  'u',
);
/** "example dot com", "beispiel punkt de", "example[dot]com". */
const SPOKEN_DOMAIN = new RegExp(
  String.raw`(?:\s(?:dot|punkt)\s|[([{<]\s*(?:dot|punkt)\s*[)\]}>])\s*(?:${SPOKEN_TLD})(?![\p{L}\p{N}])`,
  'iu',
);

// ---------------------------------------------------------------------------------------------
// Numbers: bank accounts, dates, references, cards, addresses, phones, long digit runs
// ---------------------------------------------------------------------------------------------

/**
 * "DE89 3704 0044 0532 0130 00", "GB29NWBK60161331926819": two letters, two check digits, then
 * groups. At least eight digits in it, so that "ab12 test text" is not one.
 */
function containsIban(text: string): boolean {
  for (const match of text.matchAll(IBAN)) {
    if (countDigits(match[0]) >= 8) return true;
  }
  return false;
}
const IBAN = new RegExp(String.raw`(?<![\p{L}\p{N}])[a-z]{2}\d{2}(?:[ -]?[a-z0-9]{4}){2,7}(?:[ -]?[a-z0-9]{1,4})?(?![\p{L}\p{N}])`, 'giu');

const MONTHS =
  'januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember|' +
  'january|february|march|may|june|july|october|december|' +
  'jan|feb|mär|mrz|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dez|dec';

/**
 * A full date with a year, in any common form: "12.03.1985", "1985-03-12", "03/12/85",
 * "12. März 1985", "March 12, 1985". A date with a year is a birthday or an order day far more
 * often than a question needs it.
 */
const FULL_DATES = [
  /(?<!\d)\d{1,2}\s?\.\s?\d{1,2}\s?\.\s?(?:\d{4}|\d{2})(?!\d)/u,
  /(?<!\d)\d{4}\s?[-./]\s?\d{1,2}\s?[-./]\s?\d{1,2}(?!\d)/u,
  /(?<!\d)\d{1,2}\s?[/-]\s?\d{1,2}\s?[/-]\s?(?:\d{4}|\d{2})(?!\d)/u,
  words(String.raw`\d{1,2}(?:\.|st|nd|rd|th)?\s?(?:of\s)?(?:${MONTHS})\.?,?\s?\d{4}`),
  words(String.raw`(?:${MONTHS})\.?\s?\d{1,2}(?:st|nd|rd|th)?,?\s?\d{4}`),
];
function containsFullDate(text: string): boolean {
  return FULL_DATES.some((pattern) => pattern.test(text));
}

/**
 * "geboren am 3. Mai", "born in 1985", "Geburtstag: 12.3.": a birth date needs no year to be
 * personal. A number or a month soon after the cue counts.
 */
const BIRTH_DATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:geboren|geb\.|geburtsdatum|geburtstag|geburtsjahr|born|birthday|birth\s?date|date of birth|dob|d\.o\.b\.)(?![\p{L}])[^\p{N}]{0,25}?(?:\p{N}|(?<![\p{L}])(?:${MONTHS})(?![\p{L}]))`,
  'iu',
);
function containsBirthDate(text: string): boolean {
  return BIRTH_DATE.test(text);
}

/** Words that announce a reference: "Bestellnummer", "Kunden-Nr.", "Rechnung", "order no.", "ticket". */
const REFERENCE_CUE =
  String.raw`(?:bestell|kunden|auftrags|rechnungs|vertrags|sendungs|tracking|liefer|mitglieds|ticket|vorgangs|referenz|konto)-?(?:nummer|nr\.?|id|code)|` +
  String.raw`bestellung|auftrag|rechnung|sendung|lieferung|paket|vertrag|referenz|aktenzeichen|konto|kunde|kundin|` +
  String.raw`(?:order|customer|account|invoice|reference|ref|ticket|tracking|confirmation|shipment|parcel|package|case|member(?:ship)?)(?:\s?(?:number|no\.|nr\.?|id|code))?|` +
  String.raw`nr\.?|no\.|nummer|number`;
const REFERENCE = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${REFERENCE_CUE})(?![\p{L}])\s?[:#=-]?\s?#?\s?([\p{L}\p{N}][\p{L}\p{N}/-]*)`, 'giu');
/**
 * The token after a cue is a reference when it has four digits or more ("Bestellung 4711"), or
 * letters with two digits or more ("K12", "A1B2C3"). Not "Paket 2", "order 500 g", "Paket 500g".
 */
function isReferenceToken(token: string): boolean {
  const digits = countDigits(token);
  if (digits === 0 || /^\d+(?:[.,]\d+)?\p{L}{1,3}$/u.test(token)) return false;
  return digits >= 4 || (digits >= 2 && /\p{L}/u.test(token) && token.length >= 4);
}
/** "#4711", "# A1B2C3": a hash followed by a code. */
const HASH_CODE = /#\s?(?=[\p{L}\p{N}-]*\p{N})[\p{L}\p{N}-]{3,}/u;
/**
 * A token that switches between letters and digits at least twice and holds three or more digits
 * ("A1B2C3", "K1234X", "AB-12-CD-34") is a code, even without a cue. Quantities ("2x250g") and
 * single switches ("1000ml", "V60") are not.
 */
function looksLikeCode(token: string): boolean {
  if (/^\d+x\d+\p{L}{0,3}$/iu.test(token)) return false;
  const switches = token.replace(/[^\p{L}\p{N}]/gu, '').match(/\p{L}(?=\p{N})|\p{N}(?=\p{L})/gu)?.length ?? 0;
  return switches >= 2 && countDigits(token) >= 3;
}
function containsReference(text: string): boolean {
  return (
    [...text.matchAll(REFERENCE)].some((match) => isReferenceToken(match[1] ?? '')) ||
    HASH_CODE.test(text) ||
    text.split(/[^\p{L}\p{N}/-]+/u).some(looksLikeCode)
  );
}

/**
 * Digits joined by the separators people type into numbers: spaces, dots, dashes, slashes,
 * brackets and a leading plus ("+49 (0)40 123-456", "4111 1111 1111 1111", "12 34 56").
 */
const DIGIT_GROUP = /\+?\(?\d+(?:[\s.\-‐‑‒–—/()]{1,3}\d+)*/gu;
function digitGroups(text: string): string[] {
  return [...text.matchAll(DIGIT_GROUP)].map((match) => match[0]);
}
function countDigits(text: string): number {
  return text.replace(/\D/g, '').length;
}

/**
 * A group of 13 to 19 digits that does not start like a phone number is a card number. No Luhn
 * check: a long number that fails it is dropped as a digit run anyway; this only names the reason.
 */
function containsCardNumber(text: string): boolean {
  return digitGroups(text).some((group) => {
    const digits = countDigits(group);
    return digits >= 13 && digits <= 19 && /^[1-9]/.test(group);
  });
}

/** Units after a number: "Dichtungsring 58 mm" and "im Angebot 3 Stück" are not house numbers. */
const UNIT_AFTER_NUMBER = String.raw`(?!\s?(?:mm|cm|m|g|kg|ml|l|cl|bar|grad|°|%|x|mal|stück|stk|tassen|euro|eur|€|tage|tagen|wochen|monate|jahre|jahren|min|minuten|sek|sekunden|packungen|sorten)(?![\p{L}]))`;
/** Street names end in one of these ("Musterstraße", "Hauptstr.", "Jungfernstieg", "Speicherstadt"). */
const STREET_SUFFIX =
  'stra(?:ß|ss)e|str\\.?|weg|gasse|allee|platz|ring|damm|ufer|chaussee|steig|stieg|pfad|markt|kai|wall|graben|zeile|' +
  'twiete|deich|kamp|winkel|anger|hof|berg|park|stadt|brücke|bruecke|höhe|hoehe|promenade|passage|bogen|feld|garten';
/**
 * A German street with a house number: "Musterstraße 12", "Hauptstr. 5a", "Berliner Str. 3-5",
 * "Am Markt 3", "An der Alster 7". The prepositional form only with up to three digits, so that
 * "Im Jahr 2026" is not an address; "Im Angebot 3 für 2" is dropped, which is the safe mistake.
 */
const GERMAN_STREETS = [
  words(String.raw`[\p{L}-]*(?:${STREET_SUFFIX})\s?\d{1,4}${UNIT_AFTER_NUMBER}(?:\s?[a-z])?(?:\s?[-/]\s?\d{1,4}[a-z]?)?`),
  words(
    String.raw`(?:Am|An der|An den|Auf der|Auf dem|Auf den|Im|In der|In den|Zum|Zur|Unter den|Hinter der|Hinter dem|Vor dem|Alt|Alte|Alter|Neue|Neuer)\s\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)?\s\d{1,3}${UNIT_AFTER_NUMBER}(?:\s?[a-z])?`,
    'u',
  ),
];
/**
 * An English street: "221B Baker Street", "1600 Pennsylvania Avenue", "10 Downing St". Suffixes
 * that are also common words ("way", "close", "place") count only after capitalised words.
 */
const ENGLISH_STREETS = [
  words(String.raw`\d{1,5}[a-z]?\s(?:[\p{L}'.-]+\s){0,3}(?:street|st|road|rd|avenue|ave|boulevard|blvd|lane|ln|highway|hwy|parkway|pkwy)\.?`),
  words(String.raw`\d{1,5}[a-zA-Z]?\s(?:\p{Lu}[\p{L}'.-]*\s){1,3}(?:Drive|Dr|Court|Ct|Place|Pl|Square|Sq|Terrace|Crescent|Close|Way|Circle|Mews|Gardens|Row|Hill|Walk|Grove)\.?`, 'u'),
];
/**
 * Postal codes: "20457 Hamburg", "D-20457", "A-1010", "SW1A 1AA", "CA 90210". (Five digits alone
 * drop as a digit run; these name the reason.)
 */
const POSTCODES = [
  /(?<![\p{L}\p{N}])\d{5}\s\p{Lu}/u,
  words(String.raw`(?:d|de|a|at|ch|nl|dk|pl|lu|fl)\s?-\s?\d{4,5}`),
  // UK: outward code, then inward code (a digit and two letters, never C, I, K, M, O or V).
  // Capitals only, so that "V60 2er" is not one.
  words(String.raw`[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}`, 'u'),
  words(
    String.raw`(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC),?\s\d{5}(?:-\d{4})?`,
    'u',
  ),
];
/**
 * Austrian and Swiss postal codes have four digits: "1010 Wien", "8001 Zürich". Four digits
 * before a capitalised word count, unless a unit follows ("1000 Gramm") or a year cue stands before
 * a plausible year ("seit 2020 Kunde", "im Jahr 2026 Preise").
 */
const FOUR_DIGITS_BEFORE_A_WORD = /(?<![\p{L}\p{N}.,])(\d{4})\s(\p{Lu}[\p{L}-]*)/gu;
const YEAR_CUE_BEFORE = /(?<![\p{L}])(?:seit|im|in|ab|bis|für|vor|nach|jahr|anno|since|for|until|till|by|from|of|year|before|after)\s?$/iu;
const WORDS_AFTER_A_COUNT = new Set([
  'gramm', 'kilo', 'kilogramm', 'liter', 'milliliter', 'stück', 'euro', 'punkte', 'mal', 'tassen', 'bohnen', 'kapseln', 'pads',
  'packungen', 'beutel', 'sorten', 'kunden', 'bewertungen', 'grams', 'cups', 'points', 'bags', 'pods', 'reviews', 'customers',
]);
function containsFourDigitPostcode(text: string): boolean {
  for (const match of text.matchAll(FOUR_DIGITS_BEFORE_A_WORD)) {
    const [, digits = '', word = ''] = match;
    if (WORDS_AFTER_A_COUNT.has(word.toLowerCase())) continue;
    const year = Number(digits);
    if (year >= 1900 && year <= 2099 && YEAR_CUE_BEFORE.test(text.slice(0, match.index))) continue;
    return true;
  }
  return false;
}
function containsAddress(text: string): boolean {
  return [...GERMAN_STREETS, ...ENGLISH_STREETS, ...POSTCODES].some((pattern) => pattern.test(text)) || containsFourDigitPostcode(text);
}

/**
 * A phone number: a digit group of six digits or more that starts like one ("+49 …", "0049 …",
 * "0171 …", "(040) …"), or the North American "555-123-4567".
 */
function containsPhoneNumber(text: string): boolean {
  return digitGroups(text).some((group) => countDigits(group) >= 6 && /^(?:\+|\(\+|\(?0)/.test(group)) || NORTH_AMERICAN_PHONE.test(text);
}
const NORTH_AMERICAN_PHONE = /(?<!\d)\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)/u;

/**
 * More than four digits in one group ("4711-2233", "10115", "1 2 3 4 5") is an order, customer or
 * postal number until proven otherwise. Four and fewer survive: "500 g", "Größe 42", "2026".
 * Ten digits or more in the whole text drop too: a number split by words ("0171 und dann
 * 2345678") still identifies, and an ordinary question rarely needs that many.
 */
function containsLongDigitRun(text: string): boolean {
  return digitGroups(text).some((group) => countDigits(group) > 4) || countDigits(text) >= 10;
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/** Phrases that can only be followed by a name: "ich heiße", "mein Name ist", "my name is", "Name:". */
const NAME_PHRASES = words(
  String.raw`ich hei(?:ß|ss)e|hei(?:ß|ss)e ich|mein (?:vor|nach|familien|voller |ganzer )?name (?:ist|lautet|wäre)|` +
    String.raw`(?:vor|nach|familien|user|benutzer)?name\s?[:=]|my (?:full |first |last |real |user)?name(?:'s|’s|\sis|\s?:)|(?:first|last|full|sur)\s?name\s?(?:is|:)|` +
    String.raw`(?:mann|frau|sohn|tochter|kind|freund|freundin|partner|partnerin|husband|wife|son|daughter|friend) (?:hei(?:ß|ss)t|is called|is named)`,
);
function containsNamePhrase(text: string): boolean {
  return NAME_PHRASES.test(text);
}

/**
 * Frequent first names. Names that are also words, months, brands or places a coffee question may
 * mention (Max, Mark, Frank, Will, May, August, Otto, Melitta, Maria, Julius, Fritz, Jasmin) are left out.
 */
const FIRST_NAMES: ReadonlySet<string> = new Set(
  [
    'Anna', 'Emma', 'Mia', 'Hannah', 'Hanna', 'Lena', 'Lea', 'Leonie', 'Laura', 'Julia', 'Sarah', 'Sara', 'Lisa', 'Katharina', 'Sophie',
    'Sophia', 'Marie', 'Johanna', 'Clara', 'Klara', 'Charlotte', 'Amelie', 'Emilia', 'Greta', 'Ida', 'Frieda', 'Mathilda', 'Lina', 'Nele',
    'Sabine', 'Petra', 'Monika', 'Andrea', 'Claudia', 'Susanne', 'Stefanie', 'Nicole', 'Katrin', 'Kathrin', 'Birgit', 'Ute', 'Heike',
    'Ursula', 'Renate', 'Ingrid', 'Gisela', 'Christina', 'Christine', 'Martina', 'Jana', 'Melanie', 'Sandra', 'Tanja', 'Silke', 'Eva',
    'Thomas', 'Michael', 'Andreas', 'Stefan', 'Stephan', 'Christian', 'Martin', 'Markus', 'Marcus', 'Peter', 'Klaus', 'Hans', 'Jürgen',
    'Wolfgang', 'Uwe', 'Dieter', 'Günter', 'Werner', 'Helmut', 'Gerhard', 'Manfred', 'Bernd', 'Ralf', 'Sven', 'Jens', 'Dirk', 'Torsten',
    'Matthias', 'Alexander', 'Sebastian', 'Tobias', 'Florian', 'Philipp', 'Jonas', 'Lukas', 'Lucas', 'Leon', 'Finn', 'Felix', 'Paul',
    'Elias', 'Noah', 'Luis', 'Louis', 'Moritz', 'Niklas', 'Nico', 'Tim', 'Timo', 'Kai', 'Lars', 'Jannik', 'Fabian', 'Dominik',
    'Maximilian', 'Johannes', 'Benjamin', 'Simon', 'Daniel', 'David', 'Julian', 'Jakob', 'Jacob', 'Anton', 'Emil', 'Oskar', 'Karl',
    'John', 'James', 'Robert', 'William', 'Richard', 'Joseph', 'Charles', 'Christopher', 'Matthew', 'Anthony', 'Steven', 'Kevin', 'Brian',
    'Jason', 'Ryan', 'Eric', 'Jonathan', 'Justin', 'Brandon', 'Tyler', 'Aaron', 'Adam', 'Nathan', 'Kyle', 'Ethan', 'Oliver', 'Harry',
    'George', 'Jack', 'Oscar', 'Charlie', 'Tom', 'Ben', 'Sam', 'Joe', 'Chris', 'Alex', 'Steve', 'Mike', 'Dave', 'Tony', 'Nick',
    'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Karen', 'Nancy', 'Betty', 'Ashley', 'Emily',
    'Michelle', 'Amanda', 'Melissa', 'Stephanie', 'Rebecca', 'Amy', 'Olivia', 'Amelia', 'Isla', 'Ava', 'Isabella', 'Chloe', 'Lucy',
    'Ella', 'Megan', 'Rachel', 'Kate', 'Katie', 'Lily', 'Ruth', 'Helen',
  ].map((name) => name.toLowerCase()),
);
/** A frequent first name anywhere, capitalised: "…, Anna Schmidt" is a person without "ich heiße". */
function containsKnownFirstName(text: string): boolean {
  return (text.match(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}]+/gu) ?? []).some((word) => FIRST_NAMES.has(word.toLowerCase()));
}

/**
 * Phrases after which a capitalised word is a name: "ich bin (der) Thomas", "I am John Smith",
 * "this is Anna", "hier spricht Max", "call me Tom". A lowercase word is not ("ich bin
 * enttäuscht", "I am looking", "hier ist alles kaputt", "call me back") unless it is a known first
 * name ("ich bin anna"); nor are the roles and words listed below for the page's language.
 * "der/die/das" is skipped because "ich bin die Anna" is how many people say it.
 */
const INTRODUCTIONS = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:ich bin|ich bins|ich bin's|ich bin’s|hier ist|hier spricht|hier schreibt|nenn mich|nennt mich|nennen sie mich|i am called|i'm called|i’m called|i am|i'm|i’m|this is|here is|here's|here’s|call me)(?![\p{L}\p{N}])[\s,:-]*(?:(?:der|die|das)\s)?([\p{L}][\p{L}'’.-]*)`,
  'giu',
);
/**
 * Capitalised words after an introduction that are roles, origins or opinions, not names ("Ich bin
 * Kunde seit 2020", "Ich bin der Meinung", "I am German"). Compared in lower case. German nouns are
 * capitalised, hence the longer German list; a word not listed is taken for a name.
 */
const NOT_NAMES: Readonly<Record<Language, ReadonlySet<string>>> = {
  de: new Set([
    'kunde', 'kundin', 'neukunde', 'neukundin', 'stammkunde', 'stammkundin', 'bestandskunde', 'bestandskundin', 'privatkunde', 'privatkundin',
    'geschäftskunde', 'geschäftskundin', 'firmenkunde', 'firmenkundin', 'abonnent', 'abonnentin', 'abokunde', 'abokundin', 'mitglied', 'gast',
    'student', 'studentin', 'schüler', 'schülerin', 'rentner', 'rentnerin', 'händler', 'händlerin', 'wiederverkäufer', 'gastronom', 'gastronomin',
    'barista', 'anfänger', 'anfängerin', 'laie', 'kaffeeliebhaber', 'kaffeeliebhaberin', 'kaffeetrinker', 'kaffeetrinkerin', 'teetrinker',
    'teetrinkerin', 'veganer', 'veganerin', 'vegetarier', 'vegetarierin', 'allergiker', 'allergikerin', 'diabetiker', 'diabetikerin', 'fan',
    'meinung', 'ansicht', 'auffassung', 'ihr', 'ihre', 'euer', 'eure', 'deutscher', 'deutsche', 'österreicher', 'österreicherin',
    'schweizer', 'schweizerin', 'anfang', 'mitte', 'ende',
  ]),
  en: new Set([
    'german', 'austrian', 'swiss', 'british', 'english', 'american', 'canadian', 'irish', 'australian', 'french', 'italian', 'spanish',
    'dutch', 'vegan', 'vegetarian',
  ]),
};
function containsIntroducedName(text: string, lang: Language): boolean {
  for (const match of text.matchAll(INTRODUCTIONS)) {
    const word = (match[1] ?? '').replace(/[.'’-]+$/u, '').toLowerCase();
    const capitalised = /^\p{Lu}/u.test(match[1] ?? '');
    if (FIRST_NAMES.has(word) || (capitalised && !NOT_NAMES[lang].has(word))) return true;
  }
  return false;
}

/** "Frau Schmidt", "Herrn Dr. Müller", "Mr. Smith": a title makes the next capitalised word a name. */
const TITLED_NAME = words(String.raw`(?:Herr|Herrn|Frau|Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s(?:Dr\.?\s)?\p{Lu}[\p{L}'’-]+`, 'u');
/**
 * Sign-offs at the end of a message: "LG Anna", "Viele Grüße Max Müller", "regards, John".
 * After a greeting any one to three words count ("lg anna", "Grüße aus Hamburg"); after a thank
 * you only capitalised ones, so that "Danke im Voraus" and "thanks in advance" survive.
 */
const GREETING_SIGN_OFF = words(
  String.raw`(?:grü(?:ß|ss)e|gru(?:ß|ss)|grü(?:ß|ss)en|lg|vg|mfg|bg|regards|cheers|best wishes|greetings|sincerely|yours truly)[\s,.:;!–-]+(?:[\p{L}][\p{L}'’.-]*[\s,]*){1,3}[.!]*$`,
);
const THANKS_SIGN_OFF = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:[Dd]anke(?:sch[öo]n| sehr)?|[Vv]ielen [Dd]ank|[Bb]esten [Dd]ank|[Tt]hanks|[Tt]hank you|[Tt]hx|[Tt]sch[üu]ss?|[Cc]iao|[Bb]ye|[Ss]ervus|[Bb]is bald|[Ss]ee you)[\s,.:;!–-]+\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,2}[.!]*$`,
  'u',
);
/** "Anna hier, …", "Tom here:" at the start of a message. */
const NAME_HERE = /^\p{Lu}[\p{L}'’-]+\s(?:hier|here)\s?[,:;.!–-]/u;
function containsTitleOrSignOff(text: string): boolean {
  return TITLED_NAME.test(text) || GREETING_SIGN_OFF.test(text) || THANKS_SIGN_OFF.test(text) || NAME_HERE.test(text);
}

// ---------------------------------------------------------------------------------------------

/**
 * The detectors in order. The order only decides which reason is reported when several match
 * (the most specific first: "4111 1111 1111 1111" is a card before it is a digit run); any match
 * drops the text.
 */
const DETECTORS: readonly (readonly [ScrubReason, Detector])[] = [
  ['email', containsEmail],
  ['handle', containsHandle],
  ['url', containsUrl],
  ['iban', containsIban],
  ['date', containsFullDate],
  ['birthdate', containsBirthDate],
  ['reference', containsReference],
  ['card', containsCardNumber],
  ['address', containsAddress],
  ['phone', containsPhoneNumber],
  ['digits', containsLongDigitRun],
  ['name', containsNamePhrase],
  ['name', containsIntroducedName],
  ['name', containsTitleOrSignOff],
  ['name', containsKnownFirstName],
];
