import type { APIRoute } from 'astro';
import { consentCardLines, offeredPurposes, PURPOSE_DECLARATIONS } from '../../core/consent/purposes.ts';
import { EXPORT_SCHEMA_FILE } from '../../core/privacy/export-format.ts';
import { settings } from '../../build/site-content.ts';

/**
 * A machine-readable summary of what the chat may store and why (SPEC 4.7), from the same
 * declarations as the consent cards and the privacy page.
 */
export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(
      {
        site: settings.site,
        controller: settings.controller,
        dataProtectionOfficer: settings.dataProtectionOfficer ?? null,
        privacyVersion: settings.privacyVersion,
        storage: 'IndexedDB database "vertraut" in the visitor\'s browser only; nothing is sent to the site or to third parties',
        cookies: false,
        thirdParties: [],
        exportSchema: EXPORT_SCHEMA_FILE,
        purposes: offeredPurposes(settings.marketing).map((purpose) => ({
          id: purpose,
          legalBasis: PURPOSE_DECLARATIONS[purpose].legalBasis,
          retentionDays: settings.retentionDays[purpose],
          defaultState: 'off',
          text: { de: consentCardLines(purpose, 'de', settings.retentionDays[purpose]), en: consentCardLines(purpose, 'en', settings.retentionDays[purpose]) },
        })),
      },
      null,
      2,
    ),
    { headers: { 'Content-Type': 'application/json' } },
  );
