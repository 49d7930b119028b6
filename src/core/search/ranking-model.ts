import type { RankingModel } from './ranking.ts';

/*
 * Written by `npm run fit-ranking -- --write` (scripts/fit-ranking.ts); do not edit by hand.
 * Weights in the order of RANKING_FEATURES (bm25, inQuestion, inVariants, inAnswer, inPhrasings, entryQuestionCovered, entryQuestionLength, nearestPhrasing, bestPhrasingCover).
 *
 * R@1 on the dev sets: BM25's order, the model fitted on the other sets, the model fitted on all
 * clinc150                 0.703  0.706  0.710
 * covidqa-de               0.280  0.293  0.306
 * covidqa-de+distractors   0.217  0.229  0.242
 * covidqa-en               0.534  0.586  0.586
 * covidqa-en+distractors   0.466  0.504  0.511
 * stackfaq                 0.731  0.736  0.738
 * macro                    0.489  0.509  0.516
 */
export const RANKING_MODEL: RankingModel = { weights: [1.8174, 0.613, 0.2304, 0.8714, 0.8379, 0.8458, -0.1147, 0.8781, 0.7756], depth: 10 };
