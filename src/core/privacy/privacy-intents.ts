import { normalizeCommand } from '../consent/commands.ts';

/*
 * Messages about the visitor's own data, recognised before the FAQ search: opening the privacy
 * center (SPEC 4.1) and questions the bot answers from the live state (SPEC 4.7). Short messages
 * only, so a FAQ question that merely mentions data still reaches the FAQ.
 */

export type PrivacyIntent = 'open-center' | 'what-stored' | 'where-stored' | 'how-long' | 'who-responsible' | 'can-withdraw';

/** Phrases that open the privacy center, normalized (see normalizeCommand). */
const OPEN_PHRASES = [
  'meine daten', 'meine daten anzeigen', 'meine daten zeigen', 'zeig mir meine daten', 'zeige mir meine daten', 'zeig meine daten',
  'daten anzeigen', 'datenschutz', 'datenschutz center', 'datenschutzcenter', 'privatsphaere', 'was wisst ihr ueber mich',
  'was weisst du ueber mich', 'was wissen sie ueber mich', 'privacy', 'privacy center', 'privacy centre', 'my data',
  'show my data', 'show me my data', 'what do you know about me', 'my privacy',
];

/** One letter missing, extra or different. */
function oneTypo(a: string, b: string): boolean {
  if (a.length === b.length) {
    let differences = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differences++;
    return differences === 1;
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  for (let i = 0; i < long.length; i++) {
    if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  }
  return false;
}

/** Words that make a message about the visitor's own data (not coffee beans or a basket). */
const ABOUT_MY_DATA = /\b(daten|data|informationen|information|verlauf|history|chat|chatverlauf|unterhaltung|conversation|ueber mich|about me|habt ihr gespeichert|have you stored)\b/;
/** Consent itself, not the right to withdraw from a purchase. */
const ABOUT_CONSENT = /\b(einwilligung\w*|zustimmung|einverstaendnis|consent)\b/;
/** Words allowed around "Wer ist verantwortlich?" without making it about something else. */
const WHO_WORDS = new Set(['wer', 'ist', 'sind', 'who', 'is', 'the', 'for', 'fuer', 'den', 'die', 'der', 'das', 'datenschutz', 'daten', 'data', 'privacy', 'my', 'meine', 'hier', 'here', 'dafuer', 'this', 'site', 'website', 'seite', 'chat', 'protection', 'verantwortlich', 'verantwortliche', 'verantwortlicher', 'responsible', 'controller']);

export function recognizePrivacyIntent(text: string): PrivacyIntent | undefined {
  const normalized = normalizeCommand(text).replace(/\b(bitte|please|mal|denn|eigentlich|hallo|hi)\b/g, ' ').replace(/\s+/g, ' ').trim();
  if (!normalized || normalized.split(' ').length > 12) return undefined;
  // One typo is forgiven in the longer phrases ("meine datn", "Datenschuts"), but not one that
  // makes another word ("Meine Datei").
  if (OPEN_PHRASES.some((phrase) => phrase === normalized || (phrase.length >= 8 && oneTypo(phrase, normalized) && !/\bdatei\b/.test(normalized)))) return 'open-center';
  const has = (pattern: RegExp): boolean => pattern.test(normalized);
  if (has(/\b(datenschutzbeauftragt\w*|data protection officer|controller)\b/)) return 'who-responsible';
  if (has(/\b(verantwortlich\w*|responsible)\b/) && normalized.split(' ').every((word) => WHO_WORDS.has(word))) return 'who-responsible';
  // "Wie lange?" on its own is the SPEC's own example of a privacy question.
  if (normalized === 'wie lange' || normalized === 'how long') return 'how-long';
  const aboutMine = has(ABOUT_MY_DATA);
  const editing = has(/\b(aendern|aendere|change|update|bearbeiten|korrigieren|correct)\b/);
  if (has(/\b(wie lange|how long)\b/) && (aboutMine || has(/\b(speichert ihr|speichern sie|do you (?:store|keep))\b/))) return 'how-long';
  if (has(/^(wo|where)\b/) && aboutMine && !editing) return 'where-stored';
  if (has(/\b(widerruf\w*|withdraw\w*|revoke|zurueckziehen|zurueck)\b/) && has(ABOUT_CONSENT)) return 'can-withdraw';
  if (has(/^(welche|was|what|which|speichert|speichern|sammelt|habt|do you|are you)\b/) && aboutMine && has(/\b(speichert|speichern|gespeichert|wisst|weisst|wissen|habt|store|stored|keep|know|have|collect\w*|sammelt|save)\b/)) {
    return 'what-stored';
  }
  return undefined;
}
