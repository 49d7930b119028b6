import type { Purpose } from './purposes.ts';

/*
 * What a visitor's message means for consent, before it is treated as a FAQ question. Pure and
 * deliberately strict: a withdrawal must be as easy as consent (SPEC 3.6), so "Stop", "Stopp!",
 * "bitte keine Werbung mehr" or "Ich widerrufe" end a purpose; but a question about stopping
 * something ("Wie stoppe ich eine Bestellung?", "stop my subscription") is a question.
 */

/** Lower case, umlauts and ß folded, punctuation and emoji removed, words separated by one space. */
export function normalizeCommand(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    // Apostrophes and hyphens only inside words ("don't", "opt-out"); quotes and dashes around
    // words go ("'Stop'", "Stopp - keine Werbung").
    .replace(/(^|\s)['-]+|['-]+(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words that carry the withdrawal itself. */
const WITHDRAW_WORDS = new Set([
  'stop', 'stopp', 'stoppen', 'widerruf', 'widerrufe', 'widerrufen', 'ausstieg', 'aussteigen', 'abmelden',
  'abbestellen', 'austragen', 'zurueckziehen', 'widerspreche', 'widerspruch', 'schluss', 'unsubscribe',
  'withdraw', 'revoke', 'optout', 'opt-out', 'object',
]);
/** "keine Werbung", "no ads", "I don't want ads": the negation plus the purpose word is the withdrawal. */
const NEGATIONS = new Set(['keine', 'kein', 'no', 'nicht', "don't", 'dont', 'never', 'nie']);

/** Words that name a purpose. */
const PURPOSE_WORDS: Readonly<Record<string, Purpose | 'all'>> = {
  werbung: 'marketing', angebote: 'marketing', angebot: 'marketing', marketing: 'marketing',
  ads: 'marketing', advertising: 'marketing', adverts: 'marketing', offers: 'marketing', werbemails: 'marketing',
  verlauf: 'history', chatverlauf: 'history', history: 'history', speichern: 'history', saving: 'history',
  statistik: 'insights', statistiken: 'insights', zaehlen: 'insights', insights: 'insights', statistics: 'insights', counting: 'insights',
  profil: 'personalization', personalisierung: 'personalization', profile: 'personalization', personalization: 'personalization', personalisation: 'personalization',
  alles: 'all', alle: 'all', all: 'all', everything: 'all',
};

/** Words that may stand around a command without making it a question. */
const FILLER = new Set([
  'bitte', 'please', 'mehr', 'more', 'ich', 'i', 'mein', 'meine', 'meinen', 'my', 'den', 'die', 'das', 'der', 'the', 'jetzt', 'now',
  'sofort', 'sofortige', 'immediately', 'danke', 'thanks', 'mit', 'with', 'von', 'vom', 'zum', 'zur', 'for', 'any', 'to', 'it',
  'will', 'moechte', 'want', 'und', 'and', 'mal', 'einfach', 'ok', 'okay', 'hiermit', 'hereby', 'nein', 'me',
  'mich', 'from', 'of', 'gegen', 'against', 'chat', 'ziehe',
  // "my consent" names no purpose: the bot asks which one.
  'einwilligung', 'einwilligungen', 'zustimmung', 'consent',
]);

/** Question words: their presence makes the message a question, not a command. */
const QUESTION_WORDS = new Set(['wie', 'was', 'wann', 'warum', 'wo', 'kann', 'koennen', 'how', 'what', 'when', 'why', 'where', 'can', 'could', 'do', 'does', 'is']);

export interface WithdrawalCommand {
  /** The purpose named, 'all', or undefined when the visitor did not say which. */
  readonly purpose: Purpose | 'all' | undefined;
}

export function recognizeWithdrawal(text: string): WithdrawalCommand | undefined {
  const trimmed = text.trim();
  if (trimmed.length > 80 || trimmed.endsWith('?')) return undefined;
  const words = normalizeCommand(trimmed)
    .replace(/\bopt out\b/g, 'optout')
    // "Ich ziehe meine Einwilligung zurück"
    .replace(/\bziehe (.*)\bzurueck\b/, 'ziehe $1zurueckziehen')
    .split(' ')
    .filter(Boolean);
  if (words.length === 0 || words.length > 7) return undefined;
  let withdraws = false;
  let negated = false;
  let purpose: Purpose | 'all' | undefined;
  for (const word of words) {
    if (QUESTION_WORDS.has(word)) return undefined;
    const named = PURPOSE_WORDS[word];
    if (WITHDRAW_WORDS.has(word)) withdraws = true;
    else if (named) {
      // Two different purposes named: unclear, ask.
      purpose = purpose && purpose !== named ? undefined : named;
      // "Nicht alles" is not a withdrawal of everything.
      if (negated && named !== 'all') withdraws = true;
    } else if (NEGATIONS.has(word)) {
      negated = true;
    } else if (!FILLER.has(word)) {
      // Any other word makes it a sentence about something else ("stop my subscription").
      return undefined;
    }
  }
  return withdraws ? { purpose } : undefined;
}

/** A typed answer to an open consent card: only the exact word counts (SPEC 3.4). */
export function recognizeConsentKeyword(text: string): 'yes' | 'no' | undefined {
  const word = normalizeCommand(text);
  if (word === 'ja' || word === 'yes') return 'yes';
  if (word === 'nein' || word === 'no') return 'no';
  return undefined;
}

/** "Verlauf speichern", "save this chat": the visitor asks for the history purpose itself. */
export function recognizeHistoryRequest(text: string): boolean {
  const normalized = normalizeCommand(text);
  return /^(?:bitte )?(?:den |diesen )?(?:chat ?)?verlauf (?:speichern|behalten|aufheben)(?: bitte)?$|^(?:bitte )?(?:chat|gespraech|unterhaltung) (?:speichern|behalten|aufheben)$|^(?:please )?(?:save|keep) (?:this |the |my )?(?:chat|conversation|history)(?: please)?$/.test(
    normalized,
  );
}

/** "Chat beenden", "end chat": the visitor wants to end the conversation (SPEC 3.9). */
export function recognizeEndOfChat(text: string): boolean {
  return /^(?:bitte )?(?:den )?chat (?:beenden|schliessen)$|^(?:please )?(?:end|close|quit) (?:the |this )?chat$/.test(normalizeCommand(text));
}
