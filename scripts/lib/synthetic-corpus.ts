import type { FaqEntry, Language } from '../../src/core/content/faq-entry.ts';

/*
 * Generated corpora for speed benchmarks (1,000 and 10,000 entries). Entries are built from the
 * demo content's own words, recombined by a seeded generator, so term statistics look like a
 * real FAQ's and every run measures the same corpus.
 */

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function syntheticEntries(source: readonly FaqEntry[], count: number, lang: Language, seed = 42): FaqEntry[] {
  const random = seeded(seed);
  const words = [...new Set(source.flatMap((e) => `${e.question} ${e.answerText}`.split(/\s+/)).filter((w) => /^\p{L}{3,}$/u.test(w)))];
  const pick = (n: number): string => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
  return Array.from({ length: count }, (_, i) => ({
    id: `entry-${i}`,
    lang,
    question: `${pick(3 + Math.floor(random() * 6))}?`,
    variants: [pick(4), pick(3)],
    tags: [pick(1), pick(1)],
    category: undefined,
    related: [],
    updated: undefined,
    answerText: pick(30 + Math.floor(random() * 50)),
    answerHtml: '',
  }));
}
