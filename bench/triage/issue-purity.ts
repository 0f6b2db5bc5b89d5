// Purity of emerging issues against a label the grouping never sees: in each issue, the share of its
// commonest label, weighted by issue size. Two references: the majority baseline (the share of the
// commonest label overall) and chance (the same issue sizes filled with shuffled labels), because
// small issues are fairly pure by luck alone.
import { findEmergingIssues, type IssueOptions } from '@sada/triage';

/** A text with the label purity is measured against. */
export type LabelledComplaint = { id: string; text: string; label: string };

export type GroupingOptions = Pick<IssueOptions, 'similarity' | 'minSize'>;

export type GroupingFigures = {
  complaints: number;
  issues: number;
  grouped: number;
  purity: number;
  baseline: number;
  chance: number;
  ms: number;
};

const SHUFFLES = 200;

/** Groups the complaints one a minute in the given order and scores the issues against the labels. */
export function measureGrouping(
  complaints: readonly LabelledComplaint[],
  options: GroupingOptions = {},
): GroupingFigures {
  const start = Date.UTC(2021, 0, 1);
  const documents = complaints.map((item, index) => ({
    id: item.id,
    text: item.text,
    at: new Date(start + index * 60_000),
  }));
  const labelOf = new Map(complaints.map((item) => [item.id, item.label]));
  const from = new Date(start);
  const to = new Date(start + complaints.length * 60_000);
  const started = performance.now();
  const issues = findEmergingIssues(documents, { ...options, from, to });
  const ms = performance.now() - started;
  const sizes = issues.map((issue) => issue.size);
  const grouped = sizes.reduce((sum, size) => sum + size, 0);
  const agreeing = issues.reduce((sum, issue) => sum + commonest(issue.ids.map((id) => labelOf.get(id)!)), 0);
  const labels = complaints.map((item) => item.label);
  return {
    complaints: complaints.length,
    issues: issues.length,
    grouped,
    purity: grouped === 0 ? 0 : agreeing / grouped,
    baseline: commonest(labels) / labels.length,
    chance: chancePurity(sizes, labels),
    ms,
  };
}

/** One line of figures, as the English bench has always printed them, plus chance and share grouped. */
export function formatGrouping(figures: GroupingFigures): string {
  const share = figures.complaints === 0 ? 0 : figures.grouped / figures.complaints;
  return (
    `${figures.complaints} complaints: ${figures.issues} issues holding ${figures.grouped} ` +
    `(${(share * 100).toFixed(0)}%), purity ${figures.purity.toFixed(3)} ` +
    `(baseline ${figures.baseline.toFixed(3)}, chance ${figures.chance.toFixed(3)}), ${figures.ms.toFixed(0)} ms`
  );
}

function commonest(labels: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}

// Mean purity of issues of the same sizes drawn at random from all the complaints' labels; seeded,
// so the bench prints the same figure every run.
function chancePurity(sizes: readonly number[], labels: readonly string[]): number {
  const grouped = sizes.reduce((sum, size) => sum + size, 0);
  if (grouped === 0) return 0;
  const random = mulberry32(9);
  const pool = [...labels];
  let total = 0;
  for (let run = 0; run < SHUFFLES; run++) {
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    let next = 0;
    let agreeing = 0;
    for (const size of sizes) {
      agreeing += commonest(pool.slice(next, next + size));
      next += size;
    }
    total += agreeing / grouped;
  }
  return total / SHUFFLES;
}

function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
