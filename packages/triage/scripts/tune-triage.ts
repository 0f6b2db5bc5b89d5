// `node --import tsx scripts/tune-triage.ts [variant…]`: scores training variants WITHOUT the test
// split. Abuse and sentiment are scored on the development split; complaint-vs-not (the decision
// classify() makes) by 5-fold cross-validation over the hand labels outside the test split, since
// their development split alone is a few dozen posts per language.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { classifyWithModel } from '../src/classify.ts';
import { HEAD_LABELS } from '../src/model-spec.ts';
import { type HeadName, scoreHeads, type TriageModel } from '../src/triage-model.ts';
import { evaluate } from './metrics.ts';
import { type ModelTrainingOptions, trainTriageModel } from './model-training.ts';
import { featuresOf, TRAINING, type TrainingOptions, testShareOf } from './training-setup.ts';
import { DEFAULT_DATA_DIR, type LabelledText, loadAllLabelled, splitOf } from './triage-datasets.ts';

const FOLDS = 5;
const foldOf = (key: string): number => createHash('sha1').update(`fold:${key}`).digest()[0]! % FOLDS;

type Variant = Partial<Record<HeadName, Partial<TrainingOptions>>>;

// Variants tried (see EVALUATION.md for their scores); `base` is the shipped TRAINING.
const VARIANTS: Record<string, Variant> = {
  base: {},
  'abuse-balance1': { abuse: { balance: 1 } },
  'abuse-perlang': { abuse: { isBalancedPerLanguage: true } },
  'abuse-perlang-balance1': { abuse: { balance: 1, isBalancedPerLanguage: true } },
  'abuse-epochs10': { abuse: { epochs: 10 } },
  'abuse-l2-1e-5': { abuse: { l2: 1e-5 } },
  'abuse-lr0.05-e10': { abuse: { learningRate: 0.05, epochs: 10 } },
  'complaint-perlang': { complaint: { isBalancedPerLanguage: true }, kind: { isBalancedPerLanguage: true } },
  hand1: { complaint: { handLabelBoost: 1 }, kind: { handLabelBoost: 1 } },
  hand4: { complaint: { handLabelBoost: 4 }, kind: { handLabelBoost: 4 } },
};

function settingsOf(variant: Variant): Record<HeadName, TrainingOptions> {
  const out = {} as Record<HeadName, TrainingOptions>;
  for (const head of Object.keys(TRAINING) as HeadName[]) out[head] = { ...TRAINING[head], ...variant[head] };
  return out;
}

const isDev = (row: LabelledText): boolean => splitOf(row.key, testShareOf(row, row.task)) === 'dev';
const isTest = (row: LabelledText): boolean => splitOf(row.key, testShareOf(row, row.task)) === 'test';

function binaryF1(model: TriageModel, head: HeadName, rows: LabelledText[], threshold: number): number {
  const predicted = rows.map((row) =>
    (scoreHeads(model, featuresOf(row.text, model.hashBits))[head][1] ?? 0) >= threshold ? 'yes' : 'no',
  );
  const report = evaluate(
    ['no', 'yes'],
    rows.map((row) => row.label),
    predicted,
  );
  return report.classes[1]?.f1 ?? 0;
}

function sentimentMacro(model: TriageModel, rows: LabelledText[]): number {
  const labels = HEAD_LABELS.sentiment;
  const predicted = rows.map((row) => {
    const p = scoreHeads(model, featuresOf(row.text, model.hashBits)).sentiment;
    let best = 0;
    for (let c = 1; c < labels.length; c++) if ((p[c] ?? 0) > (p[best] ?? 0)) best = c;
    return labels[best] ?? '';
  });
  return evaluate(
    labels,
    rows.map((row) => row.label),
    predicted,
  ).macroF1;
}

const f3 = (x: number): string => x.toFixed(3);

function scoreVariant(name: string, all: LabelledText[]): string {
  const training = settingsOf(VARIANTS[name] ?? {});
  const { model, trained } = trainTriageModel(all, { training });
  const parts: string[] = [name];
  for (const language of ['ar', 'en'] as const) {
    // Only the public abuse sets, so that extra training sources do not change what is measured.
    const dev = all.filter(
      (row) =>
        row.task === 'abuse' &&
        (row.source === 'osact' || row.source === 'olid') &&
        row.language === language &&
        isDev(row),
    );
    const t = model.thresholds[`abuse.${language}`] ?? model.thresholds.abuse ?? 0.5;
    parts.push(
      `abuse.${language} dev F1 ${f3(binaryF1(model, 'abuse', dev, model.thresholds.abuse ?? 0.5))} (own t ${t}: ${f3(binaryF1(model, 'abuse', dev, t))})`,
    );
  }
  const sentimentDev = all.filter((row) => row.task === 'sentiment' && row.language === 'ar' && isDev(row));
  parts.push(`sentiment.ar dev macro ${f3(sentimentMacro(model, sentimentDev))}`);
  if (process.env.TUNE_SKIP_CV) return parts.join(' | ');
  // Complaint-vs-not by cross-validation over hand labels outside the test split.
  const handKind = all.filter((row) => row.task === 'kind' && row.isHandLabelled && !isTest(row));
  const gold: Record<string, string[]> = { ar: [], en: [] };
  const predicted: Record<string, string[]> = { ar: [], en: [] };
  const dump: string[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const options: ModelTrainingOptions = {
      training,
      isExcluded: (row) => row.isHandLabelled && foldOf(row.key) === fold,
      reuse: { sentiment: trained.sentiment, category: trained.category, dialect: trained.dialect },
    };
    const foldModel = trainTriageModel(all, options).model;
    for (const row of handKind.filter((r) => foldOf(r.key) === fold)) {
      gold[row.language]?.push(row.label === 'complaint' ? 'yes' : 'no');
      const kind = classifyWithModel(foldModel, row.text).kind;
      predicted[row.language]?.push(kind.label === 'complaint' ? 'yes' : 'no');
      dump.push(
        JSON.stringify({
          language: row.language,
          gold: row.label,
          predicted: kind.label,
          scores: kind.scores,
          sentiment: Array.from(scoreHeads(foldModel, featuresOf(row.text, foldModel.hashBits)).sentiment),
          text: row.text,
        }),
      );
    }
  }
  if (process.env.TUNE_DUMP) writeFileSync(process.env.TUNE_DUMP, `${dump.join('\n')}\n`);
  for (const language of ['ar', 'en'] as const) {
    const report = evaluate(['no', 'yes'], gold[language] ?? [], predicted[language] ?? []);
    parts.push(`complaint.${language} CV F1 ${f3(report.classes[1]?.f1 ?? 0)} (n ${gold[language]?.length})`);
  }
  return parts.join(' | ');
}

function main(): void {
  const names = process.argv.slice(2);
  const all = loadAllLabelled(DEFAULT_DATA_DIR);
  for (const name of names.length ? names : Object.keys(VARIANTS)) console.log(scoreVariant(name, all));
}

main();
