import type { Language } from '../content/faq-entry.ts';

/*
 * The optional uses of data (SPEC 3.3), declared once. These declarations feed the consent
 * cards, the ledger (through the hash of the exact text shown), the privacy page and the tests;
 * nothing else may describe a purpose.
 */

export const PURPOSES = ['history', 'insights', 'personalization', 'marketing'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** The site owner's marketing settings (SPEC 7.4): offers exist only when enabled and not service-only. */
export interface MarketingSettings {
  readonly enabled: boolean;
  readonly serviceOnly: boolean;
}

export function offersPossible(marketing: MarketingSettings): boolean {
  return marketing.enabled && !marketing.serviceOnly;
}

/**
 * The purposes the chat may ask for on this site. The privacy page, the privacy center and
 * purposes.json list only these, so they never describe a use of data that cannot happen here.
 */
export function offeredPurposes(marketing: MarketingSettings): Purpose[] {
  return PURPOSES.filter((purpose) => purpose !== 'marketing' || offersPossible(marketing));
}

export function isPurpose(value: unknown): value is Purpose {
  return typeof value === 'string' && (PURPOSES as readonly string[]).includes(value);
}

/** The parts of a consent card, in the order shown. `{days}` is the retention from the settings. */
export interface ConsentText {
  readonly title: string;
  readonly purpose: string;
  readonly stored: string;
  readonly where: string;
  readonly duration: string;
  readonly withdraw: string;
}

export interface PurposeDeclaration {
  readonly id: Purpose;
  readonly legalBasis: Readonly<Record<Language, string>>;
  readonly text: Readonly<Record<Language, ConsentText>>;
}

const WHERE = {
  de: 'Gespeichert wird nur in diesem Browser auf diesem Gerät; niemand sonst erhält etwas.',
  en: 'It is stored only in this browser on this device; nobody else receives anything.',
};
const WITHDRAW = {
  de: 'Sie können jederzeit widerrufen: schreiben Sie „Stop“ oder nutzen Sie „Meine Daten“.',
  en: 'You can withdraw at any time: type “Stop” or use “My data”.',
};
const CONSENT_BASIS = {
  de: 'Einwilligung, Art. 6 Abs. 1 lit. a DSGVO und § 25 Abs. 1 TDDDG',
  en: 'Consent, Art. 6(1)(a) GDPR and § 25(1) TDDDG',
};

export const PURPOSE_DECLARATIONS: Readonly<Record<Purpose, PurposeDeclaration>> = {
  history: {
    id: 'history',
    legalBasis: CONSENT_BASIS,
    text: {
      de: {
        title: 'Verlauf speichern?',
        purpose: 'Soll ich dieses Gespräch aufheben, damit Sie es beim nächsten Besuch wiederfinden?',
        stored: 'Gespeichert werden Ihre Fragen und die Antworten dieses Chats.',
        where: WHERE.de,
        duration: 'Einträge werden nach {days} Tagen automatisch gelöscht.',
        withdraw: WITHDRAW.de,
      },
      en: {
        title: 'Save the history?',
        purpose: 'Shall I keep this conversation so that you find it again on your next visit?',
        stored: 'Your questions and the answers of this chat are stored.',
        where: WHERE.en,
        duration: 'Entries are deleted automatically after {days} days.',
        withdraw: WITHDRAW.en,
      },
    },
  },
  insights: {
    id: 'insights',
    legalBasis: CONSENT_BASIS,
    text: {
      de: {
        title: 'Anonym mitzählen?',
        purpose: 'Dürfen wir anonym zählen, welche Fragen gestellt werden, um die Antworten zu verbessern?',
        stored: 'Gezählt werden beantwortete und unbeantwortete Fragen, Ihre Bewertungen, Sprache und Tag, ohne Uhrzeit und ohne Bezug zu Ihnen.',
        where: WHERE.de,
        duration: 'Zählungen werden nach {days} Tagen gelöscht.',
        withdraw: WITHDRAW.de,
      },
      en: {
        title: 'Count anonymously?',
        purpose: 'May we count anonymously which questions are asked, to improve the answers?',
        stored: 'Answered and unanswered questions, your ratings, language and day are counted, without the time and without any link to you.',
        where: WHERE.en,
        duration: 'Counts are deleted after {days} days.',
        withdraw: WITHDRAW.en,
      },
    },
  },
  personalization: {
    id: 'personalization',
    legalBasis: CONSENT_BASIS,
    text: {
      de: {
        title: 'Persönlich begrüßen?',
        purpose: 'Soll ich mir Ihren Namen, Ihre Sprache und Ihre Interessen merken, um Begrüßung und Vorschläge anzupassen?',
        stored: 'Gespeichert wird nur, was Sie angeben oder bestätigen.',
        where: WHERE.de,
        duration: 'Das Profil wird gelöscht, wenn Sie es {days} Tage nicht nutzen.',
        withdraw: WITHDRAW.de,
      },
      en: {
        title: 'Greet you personally?',
        purpose: 'Shall I remember your name, language and interests to tailor greetings and suggestions?',
        stored: 'Only what you enter or confirm is stored.',
        where: WHERE.en,
        duration: 'The profile is deleted when unused for {days} days.',
        withdraw: WITHDRAW.en,
      },
    },
  },
  marketing: {
    id: 'marketing',
    legalBasis: CONSENT_BASIS,
    text: {
      de: {
        title: 'Angebote im Chat?',
        purpose: 'Dürfen wir Ihnen im Chat gelegentlich passende Angebote zeigen? Jedes ist als Anzeige gekennzeichnet.',
        stored: 'Gespeichert wird nur Ihre Entscheidung.',
        where: WHERE.de,
        duration: 'Ihre Einwilligung gilt {days} Tage.',
        withdraw: 'Schreiben Sie jederzeit „STOP“, dann ist Schluss.',
      },
      en: {
        title: 'Offers in the chat?',
        purpose: 'May we occasionally show you matching offers in the chat? Each one is labelled as an advertisement.',
        stored: 'Only your decision is stored.',
        where: WHERE.en,
        duration: 'Your consent lasts {days} days.',
        withdraw: 'Type “STOP” at any time and it ends.',
      },
    },
  },
};

/** The lines of a consent card exactly as shown, retention filled in. */
export function consentCardLines(purpose: Purpose, lang: Language, retentionDays: number): string[] {
  const text = PURPOSE_DECLARATIONS[purpose].text[lang];
  return [text.title, text.purpose, text.stored, text.where, text.duration.replace('{days}', String(retentionDays)), text.withdraw];
}
