// Per-class precision, recall and F1, and a confusion matrix, printed as plain text tables.

export type ClassReport = { label: string; precision: number; recall: number; f1: number; support: number };
export type Report = {
  classes: ClassReport[];
  macroF1: number;
  accuracy: number;
  confusion: number[][];
  labels: string[];
};

/** Scores predictions against gold labels over a fixed label order. */
export function evaluate(
  labels: readonly string[],
  gold: readonly string[],
  predicted: readonly string[],
): Report {
  const index = new Map(labels.map((label, i) => [label, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] ?? '';
    const row = confusion[index.get(g) ?? -1];
    const column = index.get(p);
    if (row && column !== undefined) row[column] = (row[column] ?? 0) + 1;
    if (g === p) correct++;
  });
  const classes = labels.map((label, i) => {
    const tp = confusion[i]?.[i] ?? 0;
    const support = (confusion[i] ?? []).reduce((a, b) => a + b, 0);
    const predictedCount = confusion.reduce((sum, row) => sum + (row[i] ?? 0), 0);
    const precision = predictedCount ? tp / predictedCount : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
  const present = classes.filter((c) => c.support > 0);
  const macroF1 = present.reduce((a, c) => a + c.f1, 0) / Math.max(1, present.length);
  return {
    classes,
    macroF1,
    accuracy: gold.length ? correct / gold.length : 0,
    confusion,
    labels: [...labels],
  };
}

const pct = (x: number): string => x.toFixed(3);

/** A markdown table of per-class figures, then the confusion matrix (rows gold, columns predicted). */
export function formatReport(title: string, report: Report): string {
  const lines = [
    `#### ${title}`,
    '',
    `n = ${report.classes.reduce((a, c) => a + c.support, 0)}, accuracy ${pct(report.accuracy)}, macro-F1 **${pct(report.macroF1)}**`,
    '',
  ];
  lines.push('| class | precision | recall | F1 | support |', '|---|---|---|---|---|');
  for (const c of report.classes)
    lines.push(`| ${c.label} | ${pct(c.precision)} | ${pct(c.recall)} | ${pct(c.f1)} | ${c.support} |`);
  lines.push(
    '',
    `| gold \\ predicted | ${report.labels.join(' | ')} |`,
    `|---|${report.labels.map(() => '---').join('|')}|`,
  );
  for (const [i, label] of report.labels.entries()) {
    lines.push(`| ${label} | ${(report.confusion[i] ?? []).join(' | ')} |`);
  }
  lines.push('');
  return lines.join('\n');
}
