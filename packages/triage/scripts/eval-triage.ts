// `npm run eval:triage`: scores the committed model on the held-out test split of every head,
// per language (and per source where sources differ), and prints markdown tables.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyWithModel } from '../src/classify.ts';
import { thresholdOf } from '../src/kind-decision.ts';
import { DEFAULT_CATEGORIES, DIALECTS, HEAD_LABELS, KINDS } from '../src/model-spec.ts';
import {
  decodeTriageModel,
  HEAD_NAMES,
  type HeadName,
  scoreHeads,
  type TriageModel,
} from '../src/triage-model.ts';
import { evaluateOverlayGain } from '../src/workspace-overlay.ts';
import { evaluate, formatReport } from './metrics.ts';
import { featuresOf, testShareOf } from './training-setup.ts';
import {
  DEFAULT_DATA_DIR,
  type LabelledText,
  loadAllLabelled,
  PACKAGE_DIR,
  splitOf,
} from './triage-datasets.ts';

function predictHead(model: TriageModel, head: HeadName, row: LabelledText): string {
  const probabilities = scoreHeads(model, featuresOf(row.text, model.hashBits))[head];
  const labels = HEAD_LABELS[head];
  // Binary heads decide at the threshold tuned for the row's language on the development split.
  const threshold = thresholdOf(model, head, row.language);
  if (labels.length === 2 && threshold !== undefined)
    return (probabilities[1] ?? 0) >= threshold ? 'yes' : 'no';
  let best = 0;
  for (let c = 1; c < labels.length; c++) if ((probabilities[c] ?? 0) > (probabilities[best] ?? 0)) best = c;
  return labels[best] ?? '';
}

function section(model: TriageModel, head: HeadName, title: string, rows: LabelledText[]): string {
  if (rows.length === 0) return '';
  const gold = rows.map((row) => row.label);
  const predicted = rows.map((row) => predictHead(model, head, row));
  return formatReport(title, evaluate(HEAD_LABELS[head], gold, predicted));
}

const isHandLabel = (row: LabelledText): boolean => row.isHandLabelled;

// The decisions classify() makes (kind from all heads and cues, dialect from head and markers).
function finalDecisions(model: TriageModel, test: LabelledText[]): string[] {
  const out: string[] = ['### Final decisions of classify() on held-out hand labels', ''];
  for (const language of ['ar', 'en'] as const) {
    const kindRows = test.filter(
      (row) => row.task === 'kind' && isHandLabel(row) && row.language === language,
    );
    const kinds = kindRows.map((row) => classifyWithModel(model, row.text).kind.label);
    out.push(
      formatReport(
        `kind (classify) · ${language} · hand labels`,
        evaluate(
          KINDS,
          kindRows.map((r) => r.label),
          kinds,
        ),
      ),
    );
    const complaintGold = kindRows.map((row) => (row.label === 'complaint' ? 'yes' : 'no'));
    const complaintPredicted = kinds.map((kind) => (kind === 'complaint' ? 'yes' : 'no'));
    out.push(
      formatReport(
        `complaint-vs-not (classify) · ${language} · hand labels`,
        evaluate(['no', 'yes'], complaintGold, complaintPredicted),
      ),
    );
    // The same posts as before the second labelling batches, for a like-for-like comparison.
    const isFirstBatch = kindRows.map((row) => !row.source.endsWith('-2'));
    out.push(
      formatReport(
        `complaint-vs-not (classify) · ${language} · hand labels of the first batches only`,
        evaluate(
          ['no', 'yes'],
          complaintGold.filter((_, i) => isFirstBatch[i]),
          complaintPredicted.filter((_, i) => isFirstBatch[i]),
        ),
      ),
    );
    const categoryRows = test.filter((row) => row.task === 'category' && row.language === language);
    const categories = categoryRows.map((row) => classifyWithModel(model, row.text).category.id);
    out.push(
      formatReport(
        `category (classify) · ${language}`,
        evaluate(
          DEFAULT_CATEGORIES,
          categoryRows.map((r) => r.label),
          categories,
        ),
      ),
    );
  }
  const dialectRows = test.filter((row) => row.task === 'dialect');
  const dialects = dialectRows.map((row) => classifyWithModel(model, row.text).dialect?.label ?? 'none');
  out.push(
    formatReport(
      'dialect (classify: head + marker words; none = not told)',
      evaluate(
        [...DIALECTS, 'none'],
        dialectRows.map((r) => r.label),
        dialects,
      ),
    ),
  );
  return out;
}

// Learning from corrections, simulated: hand labels the base model never trained on (its test
// split) play a workspace's corrections; evaluateOverlayGain holds 30% of them out.
function overlayDemo(model: TriageModel, test: LabelledText[]): string {
  const rows = test.filter((row) => isHandLabel(row) && (row.task === 'kind' || row.task === 'category'));
  const byText = new Map<string, { text: string; kind?: (typeof KINDS)[number]; category?: string }>();
  for (const row of rows) {
    const entry = byText.get(row.text) ?? { text: row.text };
    if (row.task === 'kind') entry.kind = row.label as (typeof KINDS)[number];
    else entry.category = row.label;
    byText.set(row.text, entry);
  }
  const gain = evaluateOverlayGain(model, [...byText.values()]);
  const pct = (x: number) => (100 * x).toFixed(1);
  return [
    '### Adaptation from corrections (simulated workspace)',
    '',
    `${gain.trainCount} corrections trained the overlay, ${gain.heldOutCount} held out.`,
    '',
    '| head | held-out | base accuracy | base + overlay |',
    '|---|---|---|---|',
    `| kind | ${gain.kind.heldOut} | ${pct(gain.kind.baseAccuracy)}% | ${pct(gain.kind.adaptedAccuracy)}% |`,
    `| category | ${gain.category.heldOut} | ${pct(gain.category.baseAccuracy)}% | ${pct(gain.category.adaptedAccuracy)}% |`,
    '',
  ].join('\n');
}

function main(): void {
  const dataDir = process.argv[2] ?? DEFAULT_DATA_DIR;
  const model = decodeTriageModel(readFileSync(join(PACKAGE_DIR, 'model', 'triage-model.bin')));
  const all = loadAllLabelled(dataDir);
  const out: string[] = ['## Per head (test split)', ''];
  for (const head of HEAD_NAMES) {
    const test = all.filter(
      (row) => row.task === head && splitOf(row.key, testShareOf(row, head)) === 'test',
    );
    for (const language of ['ar', 'en'] as const) {
      const rows = test.filter((row) => row.language === language);
      out.push(section(model, head, `${head} · ${language} · all sources`, rows));
      const sources = [...new Set(rows.map((row) => row.source))].sort();
      if (sources.length > 1) {
        for (const source of sources) {
          out.push(
            section(
              model,
              head,
              `${head} · ${language} · ${source}`,
              rows.filter((r) => r.source === source),
            ),
          );
        }
      }
    }
  }
  const test = all.filter((row) => splitOf(row.key, testShareOf(row, row.task)) === 'test');
  out.push(...finalDecisions(model, test), overlayDemo(model, test));
  console.log(out.filter(Boolean).join('\n'));
}

main();
