import { defineSettings } from './src/core/settings/settings-schema.ts';

/*
 * The one settings file of the site. Every setting is documented in
 * src/core/settings/settings-schema.ts and in the README; a wrong value fails the build with a
 * message naming it.
 */
export default defineSettings({
  siteName: 'Nordlicht Kaffee',
  site: 'https://www.nordlicht-kaffee.example',
  base: '/',
  contact: {
    phone: '+49 40 1234567',
    phoneHours: { de: 'Mo–Fr 9–17 Uhr', en: 'Mon–Fri 9 am–5 pm (CET)' },
    email: 'service@nordlicht-kaffee.example',
  },
  controller: {
    name: 'Nordlicht Kaffee GmbH',
    address: 'Speicherstadt 12, 20457 Hamburg',
    email: 'datenschutz@nordlicht-kaffee.example',
  },
  dataProtectionOfficer: { name: 'Dr. Jana Petersen', email: 'dsb@nordlicht-kaffee.example' },
  privacyVersion: '2026-11-01',
  retentionDays: { history: 30, insights: 90, personalization: 365, marketing: 365 },
  marketing: { enabled: true, serviceOnly: false },
  starterQuestions: {
    de: ['versanddauer', 'ruecksendung', 'zahlungsarten', 'chatverlauf-gespeichert'],
    en: ['versanddauer', 'ruecksendung', 'zahlungsarten', 'chatverlauf-gespeichert'],
  },
});
