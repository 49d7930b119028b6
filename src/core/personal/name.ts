import { normalizeCommand } from '../consent/commands.ts';
import { MAX_NAME_LENGTH, type FormOfAddress } from './profile.ts';

/*
 * The visitor introduces itself ("Ich heiße Anna", "Anna hier", "Hi, I'm Tom") and the bot offers
 * to remember the name (SPEC 6). A wrong positive is worse than a miss: greeting someone as
 * "Hallo Kunde" or "Hallo Enttäuscht" is absurd, while a missed name can still be typed into the
 * privacy center. So the recognizer is deliberately strict:
 *
 * - An introduction is a whole clause (text between , ; . ! ? …) of a known shape, after an
 *   optional greeting ("Hallo, ich bin Tom!"). A sentence that merely contains a name-like word
 *   is not one ("Wie heißt der Kaffee?", "Wie ist mein Name im Konto geändert?").
 * - The name is 1 to 3 capitalised words (letters incl. umlauts, hyphen, apostrophe), optionally
 *   after a title ("Frau Schmidt") and with particles between ("Anna von Berg"). After it the
 *   clause ends or goes on with a connector ("Ich bin Anna aus Berlin und habe eine Frage").
 * - Every word of it must pass a stop list of what follows "ich bin" / "I am" without being a
 *   name: pronouns, roles, states, nationalities, family ("Ich bin Kunde", "I'm German",
 *   "Ich heiße Sie willkommen", "Ich bin Paul's Frau" – a possessive is never a name).
 * - Lower-case names are taken only from an explicit form ("ich heiße anna", "call me anna") in
 *   a message written entirely in lower case: there, case carries no signal. In a message that
 *   uses capitals, a lower-case word after "mein Name ist" is not a name ("Mein Name ist falsch").
 */

/** Whether the words of the name must be capitalised for the form to count. */
type Strength = 'explicit' | 'ambiguous';
/** 'open': connectors and anything after them may follow the name; 'closed': only the name. */
type Tail = 'open' | 'closed';

interface IntroductionForm {
  readonly pattern: RegExp;
  readonly strength: Strength;
  readonly tail: Tail;
}

/*
 * Applied to one clause, greeting and fillers removed; the first group holds the name and what
 * follows it. Ordered explicit first, though the clause must satisfy the name rules either way.
 */
const FORMS: readonly IntroductionForm[] = [
  // German, explicit. "Heiße Anna" without "ich" is left out: "Heiße Schokolade" is a drink.
  { pattern: /^ich hei(?:ß|ss|s)e (.+)$/iu, strength: 'explicit', tail: 'open' },
  { pattern: /^mein (?:vor)?name(?: ist| lautet| wäre|:) ?(.+)$/iu, strength: 'explicit', tail: 'open' },
  { pattern: /^(?:du kannst|du darfst|sie können|sie dürfen|ihr könnt|ihr dürft|man kann) mich (.+?) nennen$/iu, strength: 'explicit', tail: 'closed' },
  { pattern: /^(?:nenn|nenne|nennt|nennen sie) mich (.+)$/iu, strength: 'explicit', tail: 'open' },
  { pattern: /^(?:man nennt|alle nennen|meine freunde nennen) mich (.+)$/iu, strength: 'explicit', tail: 'open' },
  { pattern: /^(?:sag|sage|sagt|sagen sie) (.+?) zu mir$/iu, strength: 'explicit', tail: 'closed' },
  // English, explicit.
  { pattern: /^my (?:first )?name(?: is|['’]s|:) ?(.+)$/iu, strength: 'explicit', tail: 'open' },
  { pattern: /^name['’]s (.+)$/iu, strength: 'explicit', tail: 'open' },
  { pattern: /^(?:you can |you may )?call me (.+)$/iu, strength: 'explicit', tail: 'open' },
  { pattern: /^(?:everyone|everybody|people|friends|my friends|they) calls? me (.+)$/iu, strength: 'explicit', tail: 'open' },
  { pattern: /^(?:i['’]m|i am) called (.+)$/iu, strength: 'explicit', tail: 'open' },
  // German, ambiguous: "ich bin" and "hier ist" are followed by far more than names.
  { pattern: /^ich bin (?:der |die )?(.+)$/iu, strength: 'ambiguous', tail: 'open' },
  { pattern: /^hier (?:ist|spricht|schreibt) (?:der |die )?(.+)$/iu, strength: 'ambiguous', tail: 'open' },
  // English, ambiguous. "Im" is not taken for "I'm": it is German for "in the".
  { pattern: /^(?:i['’]m|i am) (.+)$/iu, strength: 'ambiguous', tail: 'open' },
  { pattern: /^this is (.+?) (?:here|speaking)$/iu, strength: 'ambiguous', tail: 'closed' },
  { pattern: /^this is (.+)$/iu, strength: 'ambiguous', tail: 'open' },
  // Both languages: "Anna hier", "Anna here", "Anna speaking".
  { pattern: /^(.+?) (?:hier|here|speaking)$/iu, strength: 'ambiguous', tail: 'closed' },
];

/** Greetings and interjections that may open the clause: "Hallo ich bin Tom", "Hi there, I'm Tom". */
const OPENING = new RegExp(
  '^(?:(?:hi|hello|hey|hallo) (?:there|zusammen|team|leute)|hallo|hallöchen|hello|hi|hey|huhu|moin|servus|grüß gott|grüezi|' +
    'guten (?:morgen|tag|abend)|good (?:morning|afternoon|evening)|also|ja|yes|ok|okay|so|well|nun|na|oh|übrigens|btw|und|and)\\s+',
  'iu',
);

/** Politeness that may stand anywhere in the clause without changing it. */
const FILLERS = new Set(['bitte', 'please', 'einfach', 'just', 'simply', 'gerne', 'gern', 'ruhig', 'doch', 'kindly', 'mal']);

/** Words that may follow the name in an open form; whatever comes after them is ignored. */
const CONNECTORS = new Set(['und', 'aber', 'aus', 'von', 'vom', 'mit', 'and', 'but', 'from', 'with']);

/** A title before the name belongs to it: "Hier ist Frau Schmidt" greets "Frau Schmidt". */
const TITLE = /^(?:herr|frau|mr|mrs|ms|miss|dr|prof)[.\uE000]?$/iu;

/** Lower-case particles inside a name: "Anna von Berg", "Jan van der Meer". */
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'da', 'di', 'del', 'du', 'zu', 'ter', 'ten', 'le', 'la']);

/** A capitalised name word: letters (with combining marks), joined by hyphens or apostrophes. */
const CAPITALISED_WORD = /^\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*$/u;
const LOWER_CASE_WORD = /^\p{Ll}[\p{Ll}\p{M}]*(?:['’-]\p{Ll}[\p{Ll}\p{M}]*)*$/u;
/** "Paul's", "Anna’s": the sentence is about someone else's thing or person. */
const POSSESSIVE = /['’]s$/iu;

/**
 * Words that are not names, folded like normalizeCommand (lower case, ä → ae, ß → ss). What
 * follows "ich bin" / "I am" / "hier ist" / "this is" in everyday messages, plus what the explicit
 * forms must never take ("Ich heiße Sie willkommen", "My name is not on the invoice").
 */
const NOT_NAMES = new Set(
  [
    // Pronouns, articles, determiners, function words (a title-cased message capitalises them).
    'ich', 'du', 'er', 'sie', 'es', 'wir', 'ihr', 'mich', 'mir', 'dich', 'dir', 'sich', 'uns', 'euch', 'ihnen', 'ihn', 'ihm',
    'man', 'jemand', 'niemand', 'keiner', 'keine', 'kein', 'nicht', 'nichts', 'nie', 'der', 'die', 'das', 'den', 'dem', 'des',
    'ein', 'eine', 'einer', 'einen', 'einem', 'dieser', 'diese', 'dieses', 'mein', 'meine', 'meinen', 'dein', 'deine', 'ihre',
    'ihren', 'sein', 'seine', 'unser', 'unsere', 'euer', 'alles', 'alle', 'etwas', 'was', 'wer', 'wie', 'wo', 'wann', 'warum',
    'im', 'in', 'am', 'an', 'auf', 'aus', 'bei', 'mit', 'nach', 'von', 'vor', 'zu', 'zum', 'zur', 'fuer', 'ueber', 'unter', 'um',
    'ohne', 'gegen', 'seit', 'bin', 'ist', 'bist', 'sind', 'war', 'habe', 'hat', 'hatte', 'wurde', 'worden', 'heisse', 'heisst',
    'ja', 'nein', 'okay', 'ok', 'danke', 'hallo', 'und', 'oder', 'aber', 'auch', 'noch', 'schon', 'nur', 'gerade', 'ganz', 'sehr',
    'so', 'da', 'hier', 'dort', 'jetzt', 'heute', 'gestern', 'morgen', 'wieder', 'immer', 'bereits', 'eigentlich', 'leider',
    'wirklich', 'total', 'echt', 'absolut', 'kurz', 'gleich', 'bald', 'weg', 'raus', 'dabei', 'zurueck', 'willkommen',
    'i', 'me', 'my', 'mine', 'you', 'your', 'he', 'she', 'it', 'its', 'we', 'they', 'him', 'her', 'us', 'them', 'a', 'the',
    'this', 'that', 'these', 'those', 'not', 'no', 'never', 'nothing', 'nobody', 'anyone', 'anything', 'someone', 'something',
    'everyone', 'everything', 'what', 'who', 'how', 'where', 'why', 'when', 'is', 'are', 'were', 'be', 'been',
    'on', 'at', 'to', 'for', 'of', 'by', 'about', 'and', 'or', 'but', 'also', 'still', 'just', 'very', 'really',
    'here', 'there', 'now', 'back', 'later', 'today', 'tomorrow', 'yesterday', 'maybe', 'asap', 'yes', 'thanks', 'hello', 'hi',
    'called', 'named',
    // States: "Ich bin enttäuscht", "I'm happy", "Mein Name ist falsch".
    'neu', 'neue', 'neuer', 'sicher', 'unsicher', 'enttaeuscht', 'zufrieden', 'unzufrieden', 'sauer', 'wuetend', 'veraergert',
    'verwirrt', 'begeistert', 'gluecklich', 'froh', 'traurig', 'muede', 'krank', 'schwanger', 'allergisch', 'interessiert',
    'gespannt', 'online', 'zuhause', 'unterwegs', 'spaet', 'fertig', 'bereit', 'umgezogen', 'verheiratet', 'ledig', 'alt',
    'jung', 'vegan', 'vegetarisch', 'berufstaetig', 'selbstaendig', 'selbststaendig', 'arbeitslos', 'falsch', 'richtig',
    'geaendert', 'bekannt', 'unbekannt', 'registriert', 'angemeldet', 'eingeloggt', 'skeptisch', 'ueberrascht', 'beeindruckt',
    'ratlos', 'verzweifelt', 'genervt', 'wichtig', 'egal', 'gut', 'schlecht', 'erste', 'erster', 'letzte', 'letzter', 'einzige',
    'richtige', 'falsche', 'alte', 'hungrig', 'durstig', 'happy', 'sad', 'sure', 'unsure', 'new', 'old', 'ready', 'done', 'fine',
    'good', 'great', 'sorry', 'glad', 'confused', 'disappointed', 'annoyed', 'angry', 'upset', 'satisfied', 'allergic',
    'pregnant', 'sick', 'tired', 'lost', 'stuck', 'late', 'early', 'retired', 'married', 'single', 'amazing', 'awesome',
    'terrible', 'ridiculous', 'crazy', 'wrong', 'right', 'correct', 'incorrect', 'misspelled', 'changed', 'missing',
    'vegetarian', 'interested', 'looking', 'trying', 'wondering', 'waiting', 'writing', 'asking', 'calling', 'searching',
    'having', 'going', 'off', 'away', 'important', 'unimportant', 'human', 'real', 'curious', 'hungry', 'thirsty',
    // Roles and relations: "Ich bin Kunde", "I'm a customer", "Ich bin Paul's Frau".
    'kunde', 'student', 'schueler', 'azubi', 'rentner', 'pensionaer', 'lehrer', 'arzt', 'aerztin', 'anwalt', 'anwaeltin',
    'vegetarier', 'mitglied', 'abonnent', 'besteller', 'kaeufer', 'verkaeufer', 'haendler', 'nutzer', 'benutzer', 'user', 'gast',
    'besucher', 'fan', 'anfaenger', 'profi', 'laie', 'experte', 'fachmann', 'neuling', 'lehrling', 'mann', 'frau', 'herr', 'mutter',
    'vater', 'mama', 'papa', 'mami', 'papi', 'sohn', 'tochter', 'bruder', 'schwester', 'oma', 'opa', 'ehemann', 'ehefrau',
    'hausfrau', 'hausmann', 'freund', 'kollege', 'chef', 'chefin', 'inhaber', 'besitzer', 'mitarbeiter', 'angestellter',
    'angestellte', 'unternehmer', 'gruender', 'mensch', 'person', 'privatperson', 'firma', 'unternehmen', 'team', 'bot', 'roboter',
    'liebhaber', 'geniesser', 'trinker', 'fahrer', 'sportler', 'customer', 'client', 'member', 'subscriber', 'visitor', 'guest',
    'beginner', 'expert', 'owner', 'manager', 'employee', 'mother', 'mom', 'mum', 'father', 'dad', 'wife', 'husband', 'son',
    'daughter', 'brother', 'sister', 'friend', 'partner', 'colleague', 'boss', 'newbie', 'lover', 'fanatic', 'robot',
    // Nationalities and demonyms, capitalised in English and as German nouns.
    'deutscher', 'deutsche', 'berliner', 'hamburger', 'muenchner', 'koelner', 'wiener', 'schweizer', 'oesterreicher',
    'franzose', 'franzoesin', 'englaender', 'italiener', 'spanier', 'europaeer', 'niederlaender', 'hollaender', 'pole', 'polin',
    'tuerke', 'tuerkin', 'german', 'english', 'british', 'american', 'french', 'italian', 'spanish', 'dutch', 'swiss', 'austrian',
    'european', 'canadian', 'irish', 'scottish', 'polish', 'turkish', 'australian',
    // What "hier ist …" / "this is …" introduce when not a person.
    'meinung', 'ansicht', 'auffassung', 'ueberzeugung', 'hoffnung', 'sache', 'schluss', 'ende', 'chaos', 'hilfe', 'frage',
    'problem', 'kaffee', 'espresso', 'tee', 'bestellnummer', 'nummer', 'adresse', 'rechnung', 'bestellung', 'amazon', 'google',
    'question', 'issue', 'help', 'coffee', 'order', 'invoice', 'number', 'nonsense', 'madness', 'support',
    // "Mein Name ist Hase" is an idiom for "I know nothing".
    'hase',
    // Days and months: "This is Monday", "Hier ist Montag".
    'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'januar', 'februar', 'maerz', 'april',
    'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember', 'monday', 'tuesday', 'wednesday',
    'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'may', 'june', 'july', 'october', 'december',
  ],
);

/**
 * Heads of German compounds and role nouns: a word ending in one is a thing or a role, not a name
 * ("Stammkunde", "Kaffeeliebhaber", "Radfahrer", "Bestellnummer"). None ends a common first name.
 */
const NOUN_HEADS = [
  'kunde', 'liebhaber', 'trinker', 'fahrer', 'nummer', 'adresse', 'mitglied', 'student', 'lehrer', 'meister', 'besitzer',
  'inhaber', 'mutter', 'vater', 'bruder', 'schwester', 'tochter', 'kollege', 'freund', 'partner', 'arbeiter', 'person',
  'kaffee', 'sportler', 'nutzer', 'besucher', 'abonnent', 'kaeufer', 'geniesser', 'anfaenger',
];

/**
 * Endings of German abstract nouns and of role nouns that no common first name has
 * ("Bestellung", "Allergiker", "Tourist", "Veganer", "Vegetarier"), with the shortest folded word
 * each applies to, so that short names stay names ("Christ" is 6 letters, "Christin" 8).
 */
const NOUN_ENDINGS: readonly [ending: string, minLength: number][] = [
  ['ung', 7], ['heit', 6], ['keit', 6], ['schaft', 8], ['tion', 6], ['iker', 6], ['ikerin', 8], ['tarier', 8],
  ['tarierin', 10], ['aner', 6], ['anerin', 8], ['ist', 7], ['istin', 9],
];

/** Words of the stop list that are also common surnames: "Anna Jung", "Thomas Mann". */
const SURNAMES = new Set(['mann', 'jung', 'alt', 'freund', 'vater', 'sohn', 'bruder', 'neu', 'sauer', 'froh', 'gut', 'fromm']);

/** Whether a word of the would-be name shows that the clause is about something else. */
function isNotAName(word: string, position: 'first' | 'later'): boolean {
  if (POSSESSIVE.test(word)) return true;
  const folded = normalizeCommand(word);
  // After the first name the stop list only excludes words no surname is ("Amazon Kunde").
  if (position === 'later') return NOT_NAMES.has(folded) && !SURNAMES.has(folded);
  if (NOT_NAMES.has(folded)) return true;
  // Each part of "Kaffee-Liebhaber", and the masculine of "Kundin", "Lehrerin", "Studentin".
  for (const part of folded.split(/['’-]/u).filter(Boolean)) {
    const forms = [part];
    if (part.endsWith('in') && part.length >= 6) forms.push(part.slice(0, -2), `${part.slice(0, -2)}e`);
    for (const form of forms) {
      if (NOT_NAMES.has(form)) return true;
      if (form.length >= 5 && NOUN_HEADS.some((head) => form.endsWith(head))) return true;
    }
    if (NOUN_ENDINGS.some(([ending, minLength]) => part.length >= minLength && part.endsWith(ending))) return true;
  }
  return false;
}

/** The name at the start of `words`, and how many words it took; undefined if there is none. */
function takeName(words: readonly string[], lowerCaseMode: boolean): { name: string[]; used: number } | undefined {
  const isNameWord = (word: string): boolean =>
    (CAPITALISED_WORD.test(word) || (lowerCaseMode && LOWER_CASE_WORD.test(word))) && !CONNECTORS.has(word.toLowerCase());
  const name: string[] = [];
  let index = 0;
  const first = words[0];
  // A title only counts with a name after it: "Ich bin Frau" is no introduction.
  if (first !== undefined && TITLE.test(first) && words[1] !== undefined && CAPITALISED_WORD.test(words[1])) {
    name.push(first);
    index = 1;
  }
  let nameWords = 0;
  while (index < words.length) {
    const word = words[index] ?? '';
    if (isNameWord(word)) {
      name.push(word);
      nameWords += 1;
      index += 1;
      continue;
    }
    // "Anna von Berg": a particle between two capitalised words belongs to the name.
    if (nameWords > 0 && !lowerCaseMode && PARTICLES.has(word)) {
      let next = index;
      while (next < words.length && PARTICLES.has(words[next] ?? '')) next += 1;
      const after = words[next];
      if (after !== undefined && CAPITALISED_WORD.test(after)) {
        name.push(...words.slice(index, next));
        index = next;
        continue;
      }
    }
    break;
  }
  if (nameWords === 0 || nameWords > 3) return undefined;
  return { name, used: index };
}

function nameFromClause(clause: string, lowerCaseMode: boolean): string | undefined {
  for (const form of FORMS) {
    const rest = form.pattern.exec(clause)?.[1];
    if (rest === undefined) continue;
    const words = rest.split(' ');
    const taken = takeName(words, lowerCaseMode && form.strength === 'explicit');
    if (!taken) continue;
    const after = words.slice(taken.used);
    if (after.length > 0 && (form.tail === 'closed' || !CONNECTORS.has(after[0]?.toLowerCase() ?? ''))) continue;
    const nameWords = taken.name.filter((word, index) => !(index === 0 && TITLE.test(word)) && !PARTICLES.has(word));
    if (nameWords.some((word, index) => isNotAName(word, index === 0 ? 'first' : 'later'))) continue;
    // A single letter is an initial, never a first name on its own.
    if ([...(nameWords[0] ?? '')].length < 2) continue;
    const name = taken.name.join(' ').replace(/\uE000/gu, '.');
    if (name.length > MAX_NAME_LENGTH) continue;
    return name;
  }
  return undefined;
}

/** The message cut into clauses, each with single spaces, greetings and fillers removed. */
function clausesOf(text: string): string[] {
  const prepared = text
    .normalize('NFC')
    // Abbreviated titles keep their dot without ending the clause: "Ich bin Dr. Schmidt".
    .replace(/\b(Dr|Prof|Mr|Mrs|Ms)\.(?=\s)/gu, '$1\uE000')
    // Emoticons and emoji are decoration, quotes and brackets separate.
    .replace(/(^|\s)[:;=8]['-]?[()DPpO3|/\\]+(?=\s|$)/gu, '$1')
    .replace(/[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F\u200D]/gu, ' ')
    .replace(/["„“”«»‚‘()[\]{}]/gu, ',')
    .replace(/\s+-+\s+/gu, ',');
  const clauses: string[] = [];
  // A colon ends a clause ("Eine Frage: ich bin Anna"), except in "Mein Name: Anna".
  for (const raw of prepared.split(/[,;.!?…]+|(?<!name)\s*:/iu)) {
    let clause = raw.replace(/\s+/gu, ' ').trim();
    let previous;
    do {
      previous = clause;
      clause = clause.replace(OPENING, '');
    } while (clause !== previous);
    clause = clause
      .split(' ')
      .filter((word) => !FILLERS.has(word.toLowerCase()))
      .join(' ');
    if (clause) clauses.push(clause);
  }
  return clauses;
}

/**
 * The name the visitor introduces itself with, as typed, or undefined when the message is no
 * introduction. Only the first introduction counts.
 */
export function extractIntroducedName(text: string): string | undefined {
  // Longer messages are questions or complaints, not introductions worth scanning.
  if (text.length > 500) return undefined;
  const lowerCaseMode = !/\p{Lu}/u.test(text);
  for (const clause of clausesOf(text)) {
    const name = nameFromClause(clause, lowerCaseMode);
    if (name !== undefined) return name;
  }
  return undefined;
}

/** Words that turn a request around: "bitte nicht duzen" asks for Sie. */
const NEGATIONS = new Set(['nicht', 'kein', 'keine', 'nie', 'niemals']);
/** Question words at the start: "Was heißt duzen?" asks about the word, not for the form. */
const QUESTION_START = /^(?:was|wie|warum|wieso|weshalb|wer|wo|wann|what|how|why|who|where|when)\b/u;

/**
 * Sie or Du when the visitor explicitly asks for it ("Du kannst mich duzen", "Bitte siezen Sie
 * mich", "Sag du zu mir", "Bitte nicht duzen"); undefined otherwise, and when the message asks for
 * both or about the words themselves. English has no such distinction.
 */
export function extractFormOfAddress(text: string): FormOfAddress | undefined {
  if (text.length > 300) return undefined;
  const normalized = normalizeCommand(text);
  if (QUESTION_START.test(normalized)) return undefined;
  const words = normalized.split(' ');
  const found = new Set<FormOfAddress>();
  const record = (form: FormOfAddress, at: number): void => {
    // A negation shortly before the request asks for the other form.
    const negated = words.slice(Math.max(0, at - 4), at).some((word) => NEGATIONS.has(word));
    found.add(negated ? (form === 'du' ? 'sie' : 'du') : form);
  };
  words.forEach((word, index) => {
    // "duzen", "duz mich", "geduzt werden", "siezen", "gesiezt"
    if (/^(?:ge)?duz(?:en|e|t|st)?$/u.test(word)) record('du', index);
    if (/^(?:ge)?siez(?:en|e|t|st)?$/u.test(word)) record('sie', index);
  });
  // "Sag du zu mir", "Sagen Sie ruhig Du zu mir", "Sag Sie zu mir"
  const saying = /\b(?:sag|sage|sagt|sagen)(?: sie)?(?: (?:ruhig|einfach|gern|gerne|bitte|doch))* (du|sie) zu mir\b/u.exec(normalized);
  if (saying?.[1] === 'du' || saying?.[1] === 'sie') record(saying[1], normalized.slice(0, saying.index).split(' ').length);
  // "per du", "Wir sind per Du", "lieber per Sie", "Bitte du", "Du reicht"
  const per = /\bper (du|sie)\b/u.exec(normalized);
  if (per?.[1] === 'du' || per?.[1] === 'sie') record(per[1], normalized.slice(0, per.index).split(' ').length);
  const whole = /^(?:bitte |lieber |gern |gerne )+(du|sie)(?: bitte)?$|^(du|sie) (?:bitte|reicht|ist ok|ist okay|ist in ordnung|passt)$/u.exec(normalized);
  const wholeForm = whole?.[1] ?? whole?.[2];
  if (wholeForm === 'du' || wholeForm === 'sie') found.add(wholeForm);
  if (found.size !== 1) return undefined;
  return [...found][0];
}
