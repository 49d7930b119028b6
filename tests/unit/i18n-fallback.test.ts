import { describe, expect, it, vi } from 'vitest';
import { de } from '../../src/i18n/de.ts';
import { t } from '../../src/i18n/translate.ts';

// An English translation with one string missing (empty), as an unfinished translation would be.
vi.mock('../../src/i18n/en.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/i18n/en.ts')>();
  return { en: { ...original.en, 'chat.send': '' } };
});

describe('t with a missing translation', () => {
  it('falls back to German', () => {
    expect(t('en', 'chat.send')).toBe(de['chat.send']);
  });

  it('still uses the translation where there is one', () => {
    expect(t('en', 'chat.close')).not.toBe(de['chat.close']);
  });
});
