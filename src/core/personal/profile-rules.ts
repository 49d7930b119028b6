import { isLanguage } from '../content/faq-entry.ts';
import { isSlug } from '../content/faq-entry.ts';
import { FORMS_OF_ADDRESS, MAX_INTERESTS, MAX_NAME_LENGTH, type FormOfAddress, type Profile } from './profile.ts';

/*
 * Rules for a profile that comes from outside the code: a row read back from IndexedDB (possibly
 * written by an older version, or edited in the developer tools) or an imported file. Bad fields
 * are dropped, not repaired, and the rest is kept: a name we altered would no longer be what the
 * visitor entered, and a broken field is no reason to lose the others.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** Control and bidi-override characters: invisible, and able to reorder what the greeting shows. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

export interface ProfileRulesOptions {
  /** The category ids of the content; when given, interests outside it are dropped. */
  readonly categories?: ReadonlySet<string>;
}

/** The name as it may be stored and shown: trimmed, 1 to MAX_NAME_LENGTH characters, no control characters. */
function validName(value: unknown): string | undefined {
  if (typeof value !== 'string' || CONTROL.test(value)) return undefined;
  const name = value.trim();
  return name.length > 0 && name.length <= MAX_NAME_LENGTH ? name : undefined;
}

function isFormOfAddress(value: unknown): value is FormOfAddress {
  return typeof value === 'string' && (FORMS_OF_ADDRESS as readonly string[]).includes(value);
}

/**
 * A valid profile from untrusted input, or undefined if the input is no object at all.
 *
 * - `name`: kept if a string of 1 to MAX_NAME_LENGTH characters (trimmed) without control or
 *   bidi-override characters; dropped otherwise.
 * - `lang`, `address`: kept if one of the known values.
 * - `interests`: category ids only (slugs, and among `options.categories` when given), first
 *   occurrence kept, at most MAX_INTERESTS.
 * - `usedAt`: an ISO time; a missing or invalid one becomes `now`, and one in the future is moved
 *   back to `now`, so that a wrong clock cannot keep a profile beyond its retention.
 */
export function normalizeProfile(input: unknown, now: Date, options: ProfileRulesOptions = {}): Profile | undefined {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
  const row = input as Record<string, unknown>;
  const name = validName(row['name']);
  const lang = isLanguage(row['lang']) ? row['lang'] : undefined;
  const address = isFormOfAddress(row['address']) ? row['address'] : undefined;
  const interests = Array.isArray(row['interests'])
    ? [
        ...new Set(
          row['interests'].filter(
            (id): id is string => typeof id === 'string' && isSlug(id) && (options.categories === undefined || options.categories.has(id)),
          ),
        ),
      ].slice(0, MAX_INTERESTS)
    : [];
  const usedTime = typeof row['usedAt'] === 'string' ? Date.parse(row['usedAt']) : Number.NaN;
  const usedAt = Number.isNaN(usedTime) || usedTime > now.getTime() ? now.toISOString() : new Date(usedTime).toISOString();
  return {
    ...(name !== undefined && { name }),
    ...(lang !== undefined && { lang }),
    ...(address !== undefined && { address }),
    interests,
    usedAt,
  };
}

/** Nothing the visitor entered: no name, language, form of address or interest. Not worth storing. */
export function profileIsEmpty(profile: Profile | undefined): boolean {
  return (
    profile === undefined ||
    (validName(profile.name) === undefined && profile.lang === undefined && profile.address === undefined && profile.interests.length === 0)
  );
}

/** The name to greet the visitor with, if the profile holds a valid one. */
export function greetingName(profile: Profile | undefined): string | undefined {
  return validName(profile?.name);
}

/**
 * Whether the profile went unused for longer than the retention (SPEC 3.8) and must be deleted.
 * A profile whose last use cannot be read is expired: its age cannot be shown to be allowed.
 */
export function isProfileExpired(profile: Pick<Profile, 'usedAt'>, retentionDays: number, now: Date): boolean {
  if (!Number.isFinite(retentionDays) || retentionDays < 0) {
    throw new RangeError(`vertraut: isProfileExpired needs retentionDays of 0 or more (got ${retentionDays})`);
  }
  const usedTime = Date.parse(profile.usedAt);
  if (Number.isNaN(usedTime)) return true;
  return usedTime < now.getTime() - retentionDays * DAY_MS;
}
