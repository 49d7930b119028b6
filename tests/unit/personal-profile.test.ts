import { describe, expect, it } from 'vitest';
import { greetingName, isProfileExpired, normalizeProfile, profileIsEmpty } from '../../src/core/personal/profile-rules.ts';
import { MAX_INTERESTS, MAX_NAME_LENGTH, type Profile } from '../../src/core/personal/profile.ts';

/*
 * A profile read back from storage or imported from a file is checked field by field: a broken
 * field is dropped, the rest kept, and retention counted from the last use (SPEC 3.8, 6).
 */

const now = new Date('2026-12-01T12:00:00.000Z');
const yesterday = '2026-11-30T12:00:00.000Z';

describe('normalizeProfile', () => {
  it('keeps a valid profile as it is', () => {
    const profile: Profile = { name: 'Anna', lang: 'de', address: 'du', interests: ['shipping', 'payment'], usedAt: yesterday };
    expect(normalizeProfile(profile, now)).toEqual(profile);
  });

  it('is undefined for anything but an object', () => {
    for (const input of [undefined, null, 'Anna', 42, [], [{ name: 'Anna' }]]) expect(normalizeProfile(input, now)).toBeUndefined();
  });

  it('drops a name that is too long, empty, not text, or carries control or bidi characters', () => {
    for (const name of ['x'.repeat(MAX_NAME_LENGTH + 1), '   ', 42, 'An\u0000na', 'Anna\nSchmidt', '\u202eannA', 'Anna\u0085']) {
      const profile = normalizeProfile({ name, lang: 'de', interests: [], usedAt: yesterday }, now);
      expect(profile, JSON.stringify(name)).toEqual({ lang: 'de', interests: [], usedAt: yesterday });
      expect(profile && 'name' in profile).toBe(false);
    }
  });

  it('trims the name and accepts one of exactly the maximum length', () => {
    expect(normalizeProfile({ name: '  Anna Maria ', interests: [], usedAt: yesterday }, now)?.name).toBe('Anna Maria');
    expect(normalizeProfile({ name: 'x'.repeat(MAX_NAME_LENGTH), interests: [], usedAt: yesterday }, now)?.name).toHaveLength(MAX_NAME_LENGTH);
  });

  it('drops an unknown language or form of address', () => {
    expect(normalizeProfile({ lang: 'fr', address: 'ihr', interests: [], usedAt: yesterday }, now)).toEqual({ interests: [], usedAt: yesterday });
  });

  it('keeps interests that are category ids, once each, in their order, at most MAX_INTERESTS', () => {
    const profile = normalizeProfile({ interests: ['shipping', 'payment', 'shipping', 42, '', 'Not An Id', '<script>'], usedAt: yesterday }, now);
    expect(profile?.interests).toEqual(['shipping', 'payment']);
    const many = Array.from({ length: MAX_INTERESTS + 5 }, (_, i) => `category-${i}`);
    expect(normalizeProfile({ interests: many, usedAt: yesterday }, now)?.interests).toEqual(many.slice(0, MAX_INTERESTS));
    expect(normalizeProfile({ interests: 'shipping', usedAt: yesterday }, now)?.interests).toEqual([]);
  });

  it('keeps only known categories when they are given', () => {
    const categories = new Set(['shipping', 'payment']);
    expect(normalizeProfile({ interests: ['retired-category', 'payment'], usedAt: yesterday }, now, { categories })?.interests).toEqual(['payment']);
  });

  it('dates a profile without a readable last use to now, and one from the future back to now', () => {
    expect(normalizeProfile({ interests: [] }, now)?.usedAt).toBe(now.toISOString());
    expect(normalizeProfile({ interests: [], usedAt: 'gestern' }, now)?.usedAt).toBe(now.toISOString());
    expect(normalizeProfile({ interests: [], usedAt: '2099-01-01T00:00:00.000Z' }, now)?.usedAt).toBe(now.toISOString());
  });

  it('ignores fields it does not know', () => {
    expect(normalizeProfile({ interests: [], usedAt: yesterday, email: 'anna@example.com' }, now)).toEqual({ interests: [], usedAt: yesterday });
  });
});

describe('profileIsEmpty', () => {
  it('is empty without anything the visitor entered', () => {
    expect(profileIsEmpty(undefined)).toBe(true);
    expect(profileIsEmpty({ interests: [], usedAt: yesterday })).toBe(true);
    expect(profileIsEmpty({ name: '  ', interests: [], usedAt: yesterday })).toBe(true);
  });

  it('is not empty with any one field', () => {
    expect(profileIsEmpty({ name: 'Anna', interests: [], usedAt: yesterday })).toBe(false);
    expect(profileIsEmpty({ lang: 'en', interests: [], usedAt: yesterday })).toBe(false);
    expect(profileIsEmpty({ address: 'sie', interests: [], usedAt: yesterday })).toBe(false);
    expect(profileIsEmpty({ interests: ['shipping'], usedAt: yesterday })).toBe(false);
  });
});

describe('greetingName', () => {
  it('is the stored name, trimmed', () => {
    expect(greetingName({ name: ' Anna ', interests: [], usedAt: yesterday })).toBe('Anna');
  });

  it('is undefined without a profile or a valid name', () => {
    expect(greetingName(undefined)).toBeUndefined();
    expect(greetingName({ interests: [], usedAt: yesterday })).toBeUndefined();
    expect(greetingName({ name: 'An\u202ena', interests: [], usedAt: yesterday })).toBeUndefined();
    expect(greetingName({ name: 'x'.repeat(MAX_NAME_LENGTH + 1), interests: [], usedAt: yesterday })).toBeUndefined();
  });
});

describe('isProfileExpired', () => {
  const usedAt = '2026-01-01T00:00:00.000Z';
  const profile: Profile = { interests: ['shipping'], usedAt };

  it('keeps a profile used within the retention, up to the last millisecond', () => {
    expect(isProfileExpired(profile, 365, new Date('2026-12-31T23:59:59.999Z'))).toBe(false);
    expect(isProfileExpired(profile, 365, new Date('2027-01-01T00:00:00.000Z'))).toBe(false);
  });

  it('expires a profile unused for longer than the retention', () => {
    expect(isProfileExpired(profile, 365, new Date('2027-01-01T00:00:00.001Z'))).toBe(true);
    expect(isProfileExpired(profile, 30, new Date('2026-02-01T00:00:00.000Z'))).toBe(true);
  });

  it('expires a profile whose last use cannot be read', () => {
    expect(isProfileExpired({ usedAt: 'unknown' }, 365, now)).toBe(true);
  });

  it('rejects a negative or missing retention', () => {
    expect(() => isProfileExpired(profile, -1, now)).toThrow(/vertraut: /);
    expect(() => isProfileExpired(profile, Number.NaN, now)).toThrow(/vertraut: /);
  });
});
