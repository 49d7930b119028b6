import { parseArgs } from 'node:util';
import { correctDecisionShare, noAnswerQuality } from '../src/core/eval/metrics.ts';
import { ContentError } from '../src/build/load-content.ts';
import { evaluate, evaluateWithInterests } from '../src/build/evaluate.ts';

const USAGE = 'usage: npm run eval -- --content <content root> --queries <file.jsonl> [--interests <category,...>] [--json]';

function main(): number {
  let args;
  try {
    args = parseArgs({ options: { content: { type: 'string' }, queries: { type: 'string' }, interests: { type: 'string' }, json: { type: 'boolean', default: false } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { content, queries, json } = args.values;
  // A visitor profile's interests (SPEC 6): the same questions as that visitor would get them.
  const interests = (args.values.interests ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  if (!content || !queries) {
    console.error(USAGE);
    return 2;
  }
  try {
    const personalized = interests.length > 0 ? evaluateWithInterests(content, queries, interests) : undefined;
    const report = personalized?.report ?? evaluate(content, queries);
    const diff = personalized?.personalization;
    if (json) {
      console.log(JSON.stringify(diff ? { ...report, personalization: { interests, ...diff } } : report));
      return 0;
    }
    const d = report.decisions;
    const noAnswer = noAnswerQuality(report);
    const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
    console.log(
      [
        `questions        ${report.queries} (${report.inScope} in scope, ${report.outOfScope} out of scope)`,
        `recall@1         ${pct(report.recallAt1)}`,
        `recall@3         ${pct(report.recallAt3)}`,
        `MRR              ${report.mrr.toFixed(3)}`,
        `right decisions  ${pct(correctDecisionShare(report))}`,
        `  in scope       answer right ${d.answerCorrect}, answer wrong ${d.answerWrong}, clarify with it ${d.clarifyWithGold}, clarify without ${d.clarifyWithoutGold}, no answer ${d.noAnswerInScope}`,
        `  out of scope   no answer ${d.noAnswerOutOfScope}, answer ${d.answerOutOfScope}, clarify ${d.clarifyOutOfScope}`,
        `no answer        precision ${pct(noAnswer.precision)}, recall ${pct(noAnswer.recall)}`,
        `latency          p50 ${report.latencyMs.p50.toFixed(3)} ms, p95 ${report.latencyMs.p95.toFixed(3)} ms`,
        ...(diff
          ? [`interests        ${interests.join(', ')}: ${diff.changed} decisions differ from no profile, ${diff.changedOutsideNearTies} of them outside near-ties`]
          : []),
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    console.error(error instanceof ContentError ? error.message : `vertraut eval: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = main();
