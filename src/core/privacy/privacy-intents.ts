import { normalizeCommand } from '../consent/commands.ts';

/*
 * Messages about the visitor's own data, recognised before the FAQ search: opening the privacy
 * center (SPEC 4.1) and questions the bot answers from the live state (SPEC 4.7). Short messages
 * only, so a FAQ question that merely mentions data still reaches the FAQ.
 */

export type PrivacyIntent = 'open-center' | 'what-stored' | 'where-stored' | 'how-long' | 'who-responsible' | 'can-withdraw';

/** Phrases that open the privacy center, normalized (see normalizeCommand). */
const OPEN_PHRASES = [
  'meine daten', 'meine daten anzeigen', 'meine daten zeigen', 'daten anzeigen', 'datenschutz', 'datenschutz center',
  'datenschutzcenter', 'privatsphaere', 'was wisst ihr ueber mich', 'was weisst du ueber mich', 'was wissen sie ueber mich',
  'privacy', 'privacy center', 'privacy centre', 'my data', 'show my data', 'what do you know about me', 'my privacy',
];

function editDistanceAtMost1(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

export function recognizePrivacyIntent(text: string): PrivacyIntent | undefined {
  const normalized = normalizeCommand(text).replace(/\b(bitte|please|mal|denn|eigentlich|hallo|hi)\b/g, ' ').replace(/\s+/g, ' ').trim();
  if (!normalized || normalized.split(' ').length > 12) return undefined;
  // One typo is forgiven in the longer phrases ("meine datn", "privacy centre").
  if (OPEN_PHRASES.some((phrase) => phrase === normalized || (phrase.length >= 8 && editDistanceAtMost1(phrase, normalized)))) return 'open-center';
  const has = (pattern: RegExp): boolean => pattern.test(normalized);
  if (has(/\b(verantwortlich\w*|responsible|controller|datenschutzbeauftragt\w*|data protection officer)\b/)) return 'who-responsible';
  const aboutStoring = has(/\b(speicher\w*|gespeichert|aufbewahr\w*|aufgehoben|daten|store[sd]?|storing|kept|keep|retain\w*|data)\b/);
  if (has(/\b(wie lange|how long)\b/) && aboutStoring) return 'how-long';
  if (has(/^(wo|where)\b/) && aboutStoring) return 'where-stored';
  if (has(/\b(widerruf\w*|withdraw\w*|revoke)\b/) && has(/\b(kann|koennen|wie|can|how|darf|may)\b/)) return 'can-withdraw';
  if (has(/^(welche|was|what|which)\b/) && has(/\b(speichert|speichern|gespeichert|wisst|weisst|wissen|store|stored|know|collect\w*|sammelt)\b/) && (aboutStoring || has(/\b(ueber mich|about me)\b/))) {
    return 'what-stored';
  }
  return undefined;
}
