import { z } from 'zod';

/*
 * The site owner's settings (vertraut.config.ts), validated once at build time. Every field is
 * documented here: meaning, default, allowed values. A wrong value fails the build with a
 * message that names the setting and what is allowed.
 */

const perLanguage = <T extends z.ZodType>(schema: T) => z.object({ de: schema, en: schema });
const days = (what: string) => z.number({ error: `${what} must be a number of days` }).int().min(1).max(3650);
const email = z.email({ error: 'must be an e-mail address, for example service@example.org' });

export const settingsSchema = z.strictObject({
  /** The site's name, shown in the chat header and page titles. */
  siteName: z.string().trim().min(1, { error: 'must not be empty' }),
  /** The public URL of the site (used for canonical links), for example https://www.example.org. */
  site: z.url({ error: 'must be an absolute URL, for example https://www.example.org' }),
  /** The path the site is served under; "/" (default) or for example "/hilfe/". */
  base: z
    .string()
    .regex(/^\/(?:[\w-]+\/)*$/, { error: 'must start and end with "/", for example "/" or "/hilfe/"' })
    .default('/'),
  /** How visitors reach a person when the bot has no answer (SPEC 2.3). */
  contact: z.strictObject({
    /** Phone number as dialled internationally, for example "+49 40 1234567". */
    phone: z
      .string()
      .regex(/^\+?[\d ()/-]{6,}$/, { error: 'must be a phone number, for example "+49 40 1234567"' })
      .optional(),
    /** When the phone is answered, per language, for example { de: "Mo–Fr 9–17 Uhr", en: "Mon–Fri 9am–5pm" }. */
    phoneHours: perLanguage(z.string()).optional(),
    email: email.optional(),
    /** A contact page on the site, for example "/kontakt/". */
    page: z.string().startsWith('/', { error: 'must be a path on this site, starting with "/"' }).optional(),
  }),
  /** The controller named on the privacy page (Art. 13 GDPR). */
  controller: z.strictObject({
    name: z.string().min(1),
    address: z.string().min(1),
    email,
  }),
  /** The data protection officer, if the company has one. */
  dataProtectionOfficer: z.strictObject({ name: z.string().min(1), email }).optional(),
  /**
   * Version of the privacy texts. Change it when the privacy texts change: consent given to an
   * older version of a purpose's text is asked for again (SPEC 3.7).
   */
  privacyVersion: z.string().regex(/^[\w.-]+$/, { error: 'must be a version like "2026-11-01" or "3"' }),
  /** Maximum age of stored data per purpose, in days (SPEC 3.8). */
  retentionDays: z.strictObject({
    history: days('retentionDays.history').default(30),
    insights: days('retentionDays.insights').default(90),
    personalization: days('retentionDays.personalization').default(365),
    marketing: days('retentionDays.marketing').default(365),
  }),
  /** Anonymized statistics (SPEC 5), counted only with the visitor's consent. */
  insights: z
    .strictObject({
      /**
       * Where "Bericht an die Redaktion senden" posts a report (SPEC 5.4): an https URL the site
       * owner runs, for example "https://www.example.org/api/vertraut-reports". None by default:
       * the button then offers the report as a download. Only this origin is added to the CSP's
       * connect-src. Plain http is accepted only for localhost (testing).
       */
      endpoint: z
        .url({ error: 'must be an absolute URL, for example "https://www.example.org/api/vertraut-reports"' })
        .refine((url) => /^https:\/\//.test(url) || /^http:\/\/(?:localhost|127\.0\.0\.1)(?::\d+)?(?:[/?#]|$)/.test(url), {
          error: 'must use https (plain http only for localhost)',
        })
        .optional(),
      /**
       * `npm run insights`: a free-text item (an unanswered question) is listed only when at least
       * this many distinct reports contain it; rarer ones are counted but not shown. Default 3.
       */
      minReports: z.number().int().min(1).max(1000).default(3),
    })
    .default({ minReports: 3 }),
  /** Advertising in the chat (SPEC 7); off by default. `serviceOnly` forbids it for good. */
  marketing: z.strictObject({ enabled: z.boolean().default(false), serviceOnly: z.boolean().default(false) }).default({ enabled: false, serviceOnly: false }),
  /** 3 to 5 entry slugs per language offered as starter questions in the greeting (SPEC 2.5). */
  starterQuestions: perLanguage(z.array(z.string().regex(/^[a-z0-9-]+$/)).min(3, { error: 'needs 3 to 5 slugs' }).max(5, { error: 'needs 3 to 5 slugs' })),
  /** Where content lives, relative to the project; "content" by default. */
  contentDir: z.string().default('content'),
});

export type SettingsInput = z.input<typeof settingsSchema>;
export type Settings = z.output<typeof settingsSchema>;

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

/** Validates the settings; throws SettingsError naming each wrong setting and what is allowed. */
export function defineSettings(input: SettingsInput): Settings {
  const result = settingsSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(settings)';
    const message = issue.code === 'unrecognized_keys' ? `unknown setting ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
    return `  - ${name}: ${message}`;
  });
  throw new SettingsError(`vertraut: vertraut.config.ts has ${lines.length} wrong setting${lines.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
}
