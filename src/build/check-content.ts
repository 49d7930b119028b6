import { decideAnswer } from '../core/answer/decide-answer.ts';
import { LANGUAGES } from '../core/content/faq-entry.ts';
import type { ContentSet } from './load-content.ts';
import { enginesFor } from './evaluate.ts';

/*
 * The editors' lint (SPEC 2.10 `check`). Hard errors (broken files, broken `related` links,
 * empty answers) already fail `loadContent`; this adds what is worth a look but does not break
 * the site: entries missing in one language, and entries that compete for the same questions,
 * found by asking the engine each entry's own question and variants.
 */

export interface ContentFinding {
  readonly kind: 'missing-translation' | 'competing-entries' | 'unreachable-phrasing';
  readonly file: string;
  readonly message: string;
}

export function checkContent(content: ContentSet): ContentFinding[] {
  const findings: ContentFinding[] = [];
  const [first, second] = LANGUAGES;
  for (const [lang, other] of [
    [first, second],
    [second, first],
  ] as const) {
    const otherIds = new Set(content.entries[other].map((e) => e.id));
    for (const entry of content.entries[lang]) {
      if (!otherIds.has(entry.id)) {
        findings.push({
          kind: 'missing-translation',
          file: `faq/${lang}/${entry.id}.md`,
          message: `has no ${other} translation; add faq/${other}/${entry.id}.md (until then the bot offers it labelled as ${lang})`,
        });
      }
    }
  }
  const engines = enginesFor(content);
  for (const lang of LANGUAGES) {
    const engine = engines.get(lang);
    if (!engine) continue;
    const reported = new Set<string>();
    for (const entry of content.entries[lang]) {
      for (const phrasing of [entry.question, ...entry.variants]) {
        const matches = engine.search(phrasing, 3);
        const decision = decideAnswer(matches);
        const file = `faq/${lang}/${entry.id}.md`;
        if (decision.kind === 'answer' && decision.match.entry.id === entry.id) continue;
        const rivals = matches.filter((m) => m.entry.id !== entry.id).map((m) => m.entry.id);
        if (decision.kind === 'answer' || decision.kind === 'none') {
          findings.push({
            kind: 'unreachable-phrasing',
            file,
            message: `"${phrasing}" ${decision.kind === 'none' ? 'gets no answer' : `is answered with "${decision.match.entry.id}"`}; reword it or add a variant`,
          });
        } else {
          const key = [entry.id, ...rivals].sort().join(' ');
          if (reported.has(key)) continue;
          reported.add(key);
          findings.push({
            kind: 'competing-entries',
            file,
            message: `"${phrasing}" fits ${rivals.map((r) => `"${r}"`).join(' and ')} about as well, so visitors get "Meinten Sie …?"; make the questions more distinct if they are different topics`,
          });
        }
      }
    }
  }
  return findings;
}
