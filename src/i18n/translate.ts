import type { Language } from '../core/content/faq-entry.ts';
import { de, type UiKey } from './de.ts';
import { en } from './en.ts';

export type UiStrings = Readonly<Record<UiKey, string>>;

const STRINGS: Record<Language, UiStrings> = { de, en };

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function fill(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** A UI string in the language, falling back to German (the default language). */
export function t(lang: Language, key: UiKey, values?: Readonly<Record<string, string | number>>): string {
  return fill(STRINGS[lang][key] || de[key], values);
}

export function uiStrings(lang: Language): UiStrings {
  return STRINGS[lang];
}

export type { UiKey };
