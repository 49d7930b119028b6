import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSettings, SettingsError, type SettingsInput } from '../../src/core/settings/settings-schema.ts';
import { REPO_ROOT } from './support/shop-fixture.ts';

const VALID: SettingsInput = {
  siteName: 'Speiche & Kette',
  site: 'https://www.speiche-kette.example',
  contact: { phone: '+49 30 1234567', email: 'service@speiche-kette.example' },
  controller: { name: 'Speiche & Kette GmbH', address: 'Radweg 1, 10115 Berlin', email: 'datenschutz@speiche-kette.example' },
  privacyVersion: '2026-03-01',
  retentionDays: {},
  starterQuestions: { de: ['versandkosten', 'lieferzeit', 'ruecksendung'], en: ['versandkosten', 'lieferzeit', 'ruecksendung'] },
};

/** The message of the SettingsError thrown for these settings. */
function errorFor(input: SettingsInput): string {
  try {
    defineSettings(input);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as Error).name).toBe('SettingsError');
    return (error as Error).message;
  }
  throw new Error('defineSettings accepted wrong settings');
}

describe('defineSettings', () => {
  it('accepts valid settings and fills in the documented defaults', () => {
    const settings = defineSettings(VALID);
    expect(settings.base).toBe('/');
    expect(settings.contentDir).toBe('content');
    expect(settings.marketing).toEqual({ enabled: false, serviceOnly: false });
    expect(settings.retentionDays).toEqual({ history: 30, insights: 90, personalization: 365, marketing: 365 });
  });

  it('names a wrong e-mail address and shows a correct one', () => {
    const message = errorFor({ ...VALID, contact: { email: 'service(at)speiche-kette.example' } });
    expect(message).toContain('contact.email: must be an e-mail address, for example service@example.org');
  });

  it('names a URL that is not absolute', () => {
    expect(errorFor({ ...VALID, site: 'www.speiche-kette.example' })).toContain('site: must be an absolute URL, for example https://www.example.org');
  });

  it('names an unknown setting (a typo)', () => {
    const input = { ...VALID, siteNmae: 'Speiche' } as SettingsInput;
    expect(errorFor(input)).toContain('unknown setting "siteNmae"');
  });

  it('wants 3 to 5 starter questions', () => {
    const two = errorFor({ ...VALID, starterQuestions: { de: ['versandkosten', 'lieferzeit'], en: VALID.starterQuestions.en } });
    expect(two).toContain('starterQuestions.de: needs 3 to 5 slugs');
    const six = errorFor({ ...VALID, starterQuestions: { de: VALID.starterQuestions.de, en: ['a', 'b', 'c', 'd', 'e', 'f'] } });
    expect(six).toContain('starterQuestions.en: needs 3 to 5 slugs');
    expect(() => defineSettings({ ...VALID, starterQuestions: { de: ['a', 'b', 'c', 'd', 'e'], en: ['a', 'b', 'c'] } })).not.toThrow();
  });

  it('wants a base path that starts and ends with "/"', () => {
    expect(errorFor({ ...VALID, base: '/hilfe' })).toContain('base: must start and end with "/", for example "/" or "/hilfe/"');
    expect(defineSettings({ ...VALID, base: '/hilfe/' }).base).toBe('/hilfe/');
  });

  it('names a retention period out of range', () => {
    expect(errorFor({ ...VALID, retentionDays: { history: 0 } })).toContain('retentionDays.history');
  });

  it('lists every wrong setting at once, with the count', () => {
    const message = errorFor({ ...VALID, site: 'nope', base: 'hilfe' });
    expect(message).toMatch(/^vertraut: vertraut\.config\.ts has 2 wrong settings:/);
    expect(message).toContain('  - site: ');
    expect(message).toContain('  - base: ');
  });
});

describe('defineSettings: insights (SPEC 5.4)', () => {
  it('has no endpoint by default, and lists a question text from 3 reports on', () => {
    expect(defineSettings(VALID).insights).toEqual({ minReports: 3 });
    expect(defineSettings({ ...VALID, insights: {} }).insights).toEqual({ minReports: 3 });
    expect(defineSettings({ ...VALID, insights: { minReports: 5 } }).insights.minReports).toBe(5);
  });

  it.each(['https://reports.example.org/api/vertraut', 'http://localhost:4444/x', 'http://127.0.0.1:9/x', 'http://localhost/reports'])(
    'accepts the endpoint %s',
    (endpoint) => {
      expect(defineSettings({ ...VALID, insights: { endpoint } }).insights).toEqual({ endpoint, minReports: 3 });
    },
  );

  it.each([
    ['plain http to another host', 'http://example.org/reports', 'insights.endpoint: must use https (plain http only for localhost)'],
    ['plain http to a host that only starts with "localhost"', 'http://localhost.example.org/reports', 'insights.endpoint: must use https (plain http only for localhost)'],
    ['plain http with "localhost" as the user name', 'http://localhost@example.org/reports', 'insights.endpoint: must use https (plain http only for localhost)'],
    ['another scheme', 'ftp://reports.example.org/upload', 'insights.endpoint: must use https (plain http only for localhost)'],
    ['a path that is not a URL', '/api/vertraut-reports', 'insights.endpoint: must be an absolute URL'],
    ['words', 'our report server', 'insights.endpoint: must be an absolute URL'],
  ])('refuses %s, naming insights.endpoint', (_label, endpoint, message) => {
    expect(errorFor({ ...VALID, insights: { endpoint } })).toContain(message);
  });

  // BUG (src/core/settings/settings-schema.ts, insights.endpoint refine): the localhost pattern
  // wants a "/" after the host or port, so a bare origin is refused with a message that
  // contradicts the input ("plain http only for localhost").
  it('accepts a local endpoint written without a path', () => {
    expect(defineSettings({ ...VALID, insights: { endpoint: 'http://localhost:4444' } }).insights.endpoint).toBe('http://localhost:4444');
  });

  it('refuses a minReports below 1 or not a whole number, naming insights.minReports', () => {
    expect(errorFor({ ...VALID, insights: { minReports: 0 } })).toContain('insights.minReports');
    expect(errorFor({ ...VALID, insights: { minReports: 2.5 } })).toContain('insights.minReports');
  });

  it('names an unknown insights setting (a typo)', () => {
    const input = { ...VALID, insights: { endpont: 'https://reports.example.org/' } } as SettingsInput;
    expect(errorFor(input)).toContain('insights: unknown setting "endpont"');
  });
});

describe('vertraut.config.ts', () => {
  it('is valid', async () => {
    const { default: settings } = await import('../../vertraut.config.ts');
    expect(settings.siteName.length).toBeGreaterThan(0);
    expect(settings.starterQuestions.de.length).toBeGreaterThanOrEqual(3);
  });

  it('offers only starter questions that exist in the content', async () => {
    const { default: settings } = await import('../../vertraut.config.ts');
    for (const lang of ['de', 'en'] as const) {
      for (const slug of settings.starterQuestions[lang]) {
        expect(existsSync(join(REPO_ROOT, settings.contentDir, 'faq', lang, `${slug}.md`)), `${lang}/${slug}`).toBe(true);
      }
    }
  });
});
