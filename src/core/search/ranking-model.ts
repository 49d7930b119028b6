import type { RankingModel } from './ranking.ts';

/*
 * Written by `npm run fit-ranking -- --write` (scripts/fit-ranking.ts); do not edit by hand.
 * Weights in the order of RANKING_FEATURES (bm25, inQuestion, inVariants, inAnswer, inPhrasings, entryQuestionCovered, entryQuestionLength, nearestPhrasing, bestPhrasingCover, questionTrigrams).
 *
 * R@1 on the dev sets: BM25's order, the model fitted on the other sets, the model fitted on all
 * clinc150                 0.703  0.710  0.716
 * covidqa-de               0.280  0.312  0.306
 * covidqa-de+distractors   0.217  0.242  0.255
 * covidqa-en               0.534  0.602  0.609
 * covidqa-en+distractors   0.466  0.511  0.504
 * stackfaq                 0.731  0.750  0.752
 * macro                    0.489  0.521  0.524
 */
export const RANKING_MODEL: RankingModel = { weights: [1.7153, 0.4681, 0.3075, 0.868, 0.8169, 0.6127, -0.0501, 0.7562, 0.7538, 1.7121], depth: 10 };
