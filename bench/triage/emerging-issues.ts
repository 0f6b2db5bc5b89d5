// `npm run bench:issues`: how well and how fast emerging issues group real complaints. The data are
// the negative tweets of Twitter US Airline Sentiment (../shared/data/airline-sentiment-en, see its
// README for source and licence: not shipped, read in place), each with the reason annotators gave
// ("Late Flight", "Lost Luggage"…). Purity: in each group, the share of its commonest reason,
// weighted by group size; the baseline is the share of the commonest reason overall. Times are one
// core; run on an idle machine.
import { existsSync, readFileSync } from 'node:fs';
import { parseCsv } from '@sada/core';
import { findEmergingIssues } from '@sada/triage';

const DATA = new URL('../../../shared/data/airline-sentiment-en/Tweets.csv', import.meta.url);

if (!existsSync(DATA)) {
  console.log(`No data at ${DATA.pathname}: the bench needs ../shared/data.`);
  process.exit(0);
}
const [header, ...rows] = parseCsv(readFileSync(DATA, 'utf8'));
const column = (name: string) => header!.indexOf(name);
const complaints = rows
  .filter((row) => row[column('airline_sentiment')] === 'negative')
  .map((row) => ({
    id: row[column('tweet_id')]!,
    text: row[column('text')]!,
    reason: row[column('negativereason')]!,
  }))
  .filter((row) => row.reason && row.reason !== "Can't Tell");
// One complaint a minute, in file order: the window's halves split the set in two.
const documents = complaints.map((row, index) => ({
  ...row,
  at: new Date(Date.UTC(2015, 1, 17) + index * 60_000),
}));

for (const size of [2000, documents.length]) {
  const sample = documents.slice(0, size);
  const from = sample[0]!.at;
  const to = new Date(sample.at(-1)!.at.getTime() + 1);
  const reasonOf = new Map(sample.map((item) => [item.id, item.reason]));
  const started = performance.now();
  const issues = findEmergingIssues(sample, { from, to });
  const ms = performance.now() - started;
  let grouped = 0;
  let agreeing = 0;
  for (const issue of issues) {
    const counts = new Map<string, number>();
    for (const id of issue.ids) counts.set(reasonOf.get(id)!, (counts.get(reasonOf.get(id)!) ?? 0) + 1);
    grouped += issue.size;
    agreeing += Math.max(...counts.values());
  }
  const overall = new Map<string, number>();
  for (const item of sample) overall.set(item.reason, (overall.get(item.reason) ?? 0) + 1);
  console.log(
    `${sample.length} complaints: ${issues.length} issues holding ${grouped}, purity ${(agreeing / grouped).toFixed(3)} ` +
      `(baseline ${(Math.max(...overall.values()) / sample.length).toFixed(3)}), ${ms.toFixed(0)} ms`,
  );
}
