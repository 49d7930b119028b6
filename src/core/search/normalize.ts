import type { Language } from '../content/faq-entry.ts';

/*
 * Text normalization shared by the index build and every query. Any change here changes the
 * index: the build and the browser import this one module, so they cannot drift apart.
 */

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Splits text into lower-cased words; hyphenated words also yield their joined form. */
export function tokenize(text: string): string[] {
  const lower = text.normalize('NFKC').toLowerCase();
  const words: string[] = [];
  for (const chunk of lower.split(/\s+/)) {
    const parts = chunk.match(WORD);
    if (!parts) continue;
    for (const part of parts) words.push(part.replace('’', "'"));
    // "E-Mail" and "Email", "T-Shirt" and "Tshirt": a visitor writes either.
    if (parts.length > 1 && /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u.test(chunk.replace(/[^\p{L}\p{N}-]/gu, ''))) {
      words.push(parts.join(''));
    }
  }
  return words;
}

/**
 * German spelling folding (the Snowball "german2" convention): "ae", "oe", "ue" (not after "q")
 * are read as umlauts and "ß" as "ss", so "Rueckgabe" and "Rückgabe" meet. The stemmer then maps
 * umlauts to their base vowel.
 */
function foldGerman(word: string): string {
  return word.replace(/ß/g, 'ss').replace(/ae/g, 'ä').replace(/oe/g, 'ö').replace(/(?<!q)ue/g, 'ü');
}

/** Removes accents that the language's stemmer does not handle (é → e). */
export function stripAccents(word: string): string {
  // Most words are plain ASCII: nothing to strip, and normalizing twice is the costly part.
  if (ASCII.test(word)) return word;
  return word.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Spelling folding applied before stemming. Accents go first (Café = Cafe), except the German
 * umlauts, which the German stemmer itself maps to their base vowel.
 */
export function foldWord(word: string, lang: Language): string {
  if (lang === 'en') return stripAccents(word);
  const unaccented = word
    .normalize('NFD')
    .replace(/([aou])\u0308/g, '$1\u0000')
    .replace(COMBINING_MARKS, '')
    .replace(/([aou])\u0000/g, '$1\u0308')
    .normalize('NFC');
  return foldGerman(unaccented.replace(/'/g, ''));
}
