// `npm run bench:issues`: how well and how fast emerging issues group real complaints. Purity: in each
// issue, the share of its commonest label, weighted by issue size; the baseline is the share of the
// commonest label overall, chance the purity of issues of the same sizes filled at random (see
// issue-purity.ts). Complaints arrive one a minute in file order. Times are one core; run on an idle
// machine. Data in ../shared/data (not shipped, read in place; see each folder's README):
// - English: the negative tweets of Twitter US Airline Sentiment, label = the reason annotators gave
//   ("Late Flight", "Lost Luggage"…; "Can't Tell" left out).
// - Arabic: our hand-labelled complaints (packages/triage/labels), label = our category.
// - Arabic: negative MARSA tweets of four domains, label = domain (coarser than a complaint topic).
// Options to try ideas: --similarity=0.3 --min-size=3 (findEmergingIssues' defaults);
// --extra-stopwords=fillers to drop dialect fillers from the Arabic texts before grouping;
// --arabic-only to skip the English figures.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCsv } from '@sada/core';
import { DEFAULT_DATA_DIR } from '../../packages/triage/scripts/triage-datasets.ts';
import {
  arabicHandComplaints,
  EXTRA_STOPWORDS,
  marsaNegativeMix,
  withoutExtraStopwords,
  withoutHashtags,
} from './arabic-complaint-sets.ts';
import {
  formatGrouping,
  type GroupingOptions,
  type LabelledComplaint,
  measureGrouping,
} from './issue-purity.ts';

const AIRLINE = new URL('../../../shared/data/airline-sentiment-en/Tweets.csv', import.meta.url);
const MARSA_PER_DOMAIN = 500;

const { values } = parseArgs({
  options: {
    similarity: { type: 'string' },
    'min-size': { type: 'string' },
    'extra-stopwords': { type: 'string', default: 'none' },
    'arabic-only': { type: 'boolean', default: false },
  },
});
const options: GroupingOptions = {
  ...(values.similarity ? { similarity: Number(values.similarity) } : {}),
  ...(values['min-size'] ? { minSize: Number(values['min-size']) } : {}),
};
const extraStopwords = EXTRA_STOPWORDS.find((idea) => idea === values['extra-stopwords']);
if (!extraStopwords) {
  console.log(`--extra-stopwords is one of ${EXTRA_STOPWORDS.join(', ')}`);
  process.exit(1);
}

if (!existsSync(AIRLINE)) {
  console.log(`No data at ${AIRLINE.pathname}: the bench needs ../shared/data.`);
  process.exit(0);
}
console.log(
  `similarity ${options.similarity ?? 0.3}, min size ${options.minSize ?? 3}` +
    (extraStopwords === 'none' ? '' : `, Arabic extra stopwords: ${extraStopwords}`),
);

const withArabicText = (items: LabelledComplaint[], edit: (text: string) => string = (text) => text) =>
  items.map((item) => ({ ...item, text: withoutExtraStopwords(edit(item.text), extraStopwords) }));

const handComplaints = arabicHandComplaints(DEFAULT_DATA_DIR);
if (!values['arabic-only']) {
  const english = airlineComplaints();
  console.log('\nEnglish, airline negative tweets, label = annotators’ negative reason');
  for (const size of [handComplaints.length, 2000, english.length]) {
    console.log(formatGrouping(measureGrouping(english.slice(0, size), options)));
  }
}

console.log(
  '\nArabic, our hand-labelled complaints (MARSA Tech rows + authored posts), label = our category',
);
console.log(`as written:       ${formatGrouping(measureGrouping(withArabicText(handComplaints), options))}`);
console.log(
  `hashtags removed: ${formatGrouping(measureGrouping(withArabicText(handComplaints, withoutHashtags), options))}`,
);

const mix = marsaNegativeMix(DEFAULT_DATA_DIR, MARSA_PER_DOMAIN);
console.log(
  `\nArabic, negative MARSA tweets, ${MARSA_PER_DOMAIN} per domain, label = domain ` +
    '(Tech/Social/Political/Sport: coarser than a complaint topic; tweets were collected by hashtag)',
);
console.log(`as written:       ${formatGrouping(measureGrouping(withArabicText(mix), options))}`);
console.log(
  `hashtags removed: ${formatGrouping(measureGrouping(withArabicText(mix, withoutHashtags), options))}`,
);

function airlineComplaints(): LabelledComplaint[] {
  const [header, ...rows] = parseCsv(readFileSync(AIRLINE, 'utf8'));
  const column = (name: string) => header!.indexOf(name);
  return rows
    .filter((row) => row[column('airline_sentiment')] === 'negative')
    .map((row) => ({
      id: row[column('tweet_id')]!,
      text: row[column('text')]!,
      label: row[column('negativereason')]!,
    }))
    .filter((row) => row.label && row.label !== "Can't Tell");
}
