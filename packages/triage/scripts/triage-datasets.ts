// Loads the public training splits in shared/data and our own labels into one list of labelled
// texts per task. Test splits are never read: only the training (and, where it exists,
// validation) files are opened, and ASTD's official test tweets are excluded from every source
// because ArSarcasm-v2 re-annotated some of them.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareText } from '../src/text-preparation.ts';
import { readCsvObjects } from './csv.ts';

export type Task = 'sentiment' | 'abuse' | 'complaint' | 'spam' | 'kind' | 'category' | 'dialect';
export type Language = 'ar' | 'en';

/** One labelled text for one task; `key` is the deduplication key shared across tasks. */
export type LabelledText = {
  task: Task;
  text: string;
  label: string;
  language: Language;
  source: string;
  key: string;
  /** hand labels count more than derived or crowd labels */
  weight: number;
  /** made by us (authored posts, or public tweets we labelled): 30% of these are held out */
  isHandLabelled: boolean;
};

export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DATA_DIR = join(PACKAGE_DIR, '..', '..', '..', 'shared', 'data');

/** Deduplication key: the normalised model text, so retweets and re-annotations collide. */
export function dedupKey(text: string): string {
  return prepareText(text).modelText.replace(/\s+/g, ' ').trim();
}

/** Split of a key: the same text always lands in the same split, whatever task or source. */
export function splitOf(key: string, testShare: number): 'train' | 'dev' | 'test' {
  const bucket = createHash('sha1').update(key).digest().readUInt16BE(0) % 100;
  if (bucket < testShare) return 'test';
  if (bucket < testShare + 10) return 'dev';
  return 'train';
}

type Raw = Omit<LabelledText, 'key' | 'weight' | 'isHandLabelled'> & {
  weight?: number;
  isHandLabelled?: boolean;
};

function readLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
}

const SENTIMENT: Record<string, string> = {
  NEG: 'negative',
  NEU: 'neutral',
  POS: 'positive',
  Negative: 'negative',
  Neutral: 'neutral',
  Positive: 'positive',
  OBJ: 'neutral',
  neg: 'negative',
  neut: 'neutral',
  pos: 'positive',
  negative: 'negative',
  neutral: 'neutral',
  positive: 'positive',
};

const DIALECT: Record<string, string> = {
  msa: 'msa',
  egypt: 'egyptian',
  gulf: 'gulf',
  levant: 'levantine',
  magreb: 'maghrebi',
};

function loadArSarcasm(dir: string, out: Raw[]): void {
  for (const row of readCsvObjects(join(dir, 'arsarcasm-v2-ar', 'training_data.csv'))) {
    const text = row.tweet ?? '';
    const sentiment = SENTIMENT[row.sentiment ?? ''];
    const dialect = DIALECT[row.dialect ?? ''];
    if (sentiment)
      out.push({ task: 'sentiment', text, label: sentiment, language: 'ar', source: 'arsarcasm' });
    if (dialect) out.push({ task: 'dialect', text, label: dialect, language: 'ar', source: 'arsarcasm' });
  }
}

function loadArSas(dir: string, out: Raw[]): void {
  for (const line of readLines(join(dir, 'arsas-ar', 'ArSAS-train.txt'))) {
    const [text, raw] = line.split('\t');
    const label = SENTIMENT[raw?.trim() ?? ''];
    if (text && label) out.push({ task: 'sentiment', text, label, language: 'ar', source: 'arsas' });
  }
}

/** ASTD lines in the official train and validation index files; the rest is its test split. */
function astdTrainingLines(dir: string): Set<number> {
  const lines = new Set<number>();
  for (const file of ['4class-unbalanced-train.txt', '4class-unbalanced-validation.txt']) {
    for (const line of readLines(join(dir, 'astd-ar', file))) if (line.trim()) lines.add(Number(line));
  }
  return lines;
}

function loadAstd(dir: string, out: Raw[], excludedKeys: Set<string>): void {
  const training = astdTrainingLines(dir);
  readLines(join(dir, 'astd-ar', 'Tweets.txt')).forEach((line, index) => {
    const [text, raw] = line.split('\t');
    if (!text) return;
    if (!training.has(index)) {
      excludedKeys.add(dedupKey(text));
      return;
    }
    // ASTD's NEUTRAL means mixed; OBJ is the neutral class.
    const label = raw?.trim() === 'NEUTRAL' ? undefined : SENTIMENT[raw?.trim() ?? ''];
    if (label) out.push({ task: 'sentiment', text, label, language: 'ar', source: 'astd' });
  });
}

const MARSA_DOMAINS = ['Tech', 'Social', 'Political', 'Sport'] as const;

/** MARSA training rows, in file order (row numbers are what our Tech labels refer to). */
export function readMarsa(
  dir: string,
  domain: (typeof MARSA_DOMAINS)[number],
): { text: string; polarity: string }[] {
  return readCsvObjects(join(dir, 'marsa-gulf-ar', `${domain}_Training_80%.csv`)).map((row) => ({
    text: row.Tweet ?? '',
    polarity: (row.Polarity ?? '').trim(),
  }));
}

function loadMarsa(dir: string, out: Raw[]): void {
  for (const domain of MARSA_DOMAINS) {
    for (const { text, polarity } of readMarsa(dir, domain)) {
      const label = SENTIMENT[polarity];
      if (!label || !text.trim()) continue;
      const source = `marsa-${domain.toLowerCase()}`;
      out.push({ task: 'sentiment', text, label, language: 'ar', source });
      // Tech is mostly telecom and internet service: a negative tweet naming the service is a
      // complaint. Tech also holds tweets about TV channels, which are not.
      if (domain === 'Tech') {
        const complaint = telecomComplaintLabel(text, label);
        if (complaint) out.push({ task: 'complaint', text, label: complaint, language: 'ar', source });
      } else if (domain !== 'Sport') {
        // Negative talk about society or politics is not a complaint to a company.
        out.push({ task: 'complaint', text, label: 'no', language: 'ar', source, weight: 0.25 });
      }
    }
  }
}

const TELECOM_WORDS =
  /stc|موبايلي|زين|نت|انترنت|الاتصالات|شبكه|الشبكه|باقه|رصيد|فاتوره|الياف|4g|جوال|شريحه|سرعه|مودم|راوتر/i;
const TV_CHANNEL = /قناه|القناه|قنوات|mbc/i;

/** Derived complaint label for a MARSA Tech tweet, or undefined when the tweet says too little. */
export function telecomComplaintLabel(text: string, sentiment: string): 'yes' | 'no' | undefined {
  if (TV_CHANNEL.test(text)) return 'no';
  if (sentiment !== 'negative') return 'no';
  return TELECOM_WORDS.test(text) ? 'yes' : undefined;
}

function loadOsact(dir: string, out: Raw[]): void {
  for (const line of readLines(join(dir, 'osact2020-offensive-ar', 'OSACT2020-sharedTask-train.txt'))) {
    const [text, offensive] = line.split('\t');
    if (!text || !offensive) continue;
    out.push({
      task: 'abuse',
      text,
      label: offensive === 'OFF' ? 'yes' : 'no',
      language: 'ar',
      source: 'osact',
    });
  }
}

function loadOlid(dir: string, out: Raw[]): void {
  for (const line of readLines(join(dir, 'olid-offensive-en', 'olid-training-v1.0.tsv')).slice(1)) {
    const [, text, subtaskA] = line.split('\t');
    if (!text || !subtaskA) continue;
    out.push({
      task: 'abuse',
      text,
      label: subtaskA === 'OFF' ? 'yes' : 'no',
      language: 'en',
      source: 'olid',
    });
    if (subtaskA === 'NOT')
      out.push({ task: 'complaint', text, label: 'no', language: 'en', source: 'olid' });
  }
}

// Airline negativereason → our default categories. "Can't Tell" has no category.
const AIRLINE_CATEGORY: Record<string, string> = {
  'Customer Service Issue': 'customer_service',
  'Flight Attendant Complaints': 'customer_service',
  longlines: 'customer_service',
  'Late Flight': 'delivery',
  'Cancelled Flight': 'delivery',
  'Lost Luggage': 'delivery',
  'Damaged Luggage': 'product_quality',
  'Bad Flight': 'product_quality',
  'Flight Booking Problems': 'ordering_checkout',
};

function loadAirline(dir: string, out: Raw[]): void {
  const seen = new Set<string>();
  for (const row of readCsvObjects(join(dir, 'airline-sentiment-en', 'Tweets.csv'))) {
    if (seen.has(row.tweet_id ?? '')) continue;
    seen.add(row.tweet_id ?? '');
    const text = row.text ?? '';
    const sentiment = SENTIMENT[row.airline_sentiment ?? ''];
    if (!sentiment) continue;
    const source = 'airline';
    out.push({ task: 'sentiment', text, label: sentiment, language: 'en', source });
    out.push({
      task: 'complaint',
      text,
      label: sentiment === 'negative' ? 'yes' : 'no',
      language: 'en',
      source,
    });
    const category = AIRLINE_CATEGORY[row.negativereason ?? ''];
    if (sentiment === 'negative' && category) {
      out.push({ task: 'category', text, label: category, language: 'en', source });
    }
  }
}

function loadTweetEvalSentiment(dir: string, out: Raw[]): void {
  const texts = readLines(join(dir, 'tweeteval-en', 'sentiment_val_text.txt'));
  const labels = readLines(join(dir, 'tweeteval-en', 'sentiment_val_labels.txt'));
  const names = ['negative', 'neutral', 'positive'];
  texts.forEach((text, i) => {
    const label = names[Number(labels[i])];
    if (!text.trim() || !label) return;
    out.push({ task: 'sentiment', text, label, language: 'en', source: 'tweeteval' });
    out.push({ task: 'complaint', text, label: 'no', language: 'en', source: 'tweeteval' });
  });
}

function loadArabicSpam(dir: string, out: Raw[]): void {
  const base = join(dir, 'arabic-lowquality-spam-ar');
  const texts = readCsvObjects(join(base, '2018_low-quality_tweets.csv')).map((row) => row.text ?? '');
  for (const file of ['RawData_SCAM_Tweet_pt1_2019.txt', 'RawData_Scam_Tweet_pt2_2019.txt']) {
    for (const row of readCsvObjects(join(base, file))) texts.push(row.text ?? '');
  }
  for (const text of texts) {
    if (text.trim())
      out.push({ task: 'spam', text, label: 'yes', language: 'ar', source: 'lowquality-spam' });
  }
}

/** Our hand labels: posts we wrote ourselves (fixtures) and labels of public tweets by reference. */
export type HandLabel = {
  text: string;
  language: Language;
  kind: string;
  category?: string;
  dialect?: string;
  source: string;
};

function readJsonLines<T>(path: string): T[] {
  if (!existsSync(path)) return [];
  return readLines(path)
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

type AuthoredPost = { text: string; kind: string; category?: string; dialect?: string };
type TwcsLabel = { tweetId: string; kind: string; category?: string };
type MarsaLabel = { row: number; sha1: string; kind: string; category?: string };

/** All hand labels, with tweet texts resolved from shared/data. */
export function loadHandLabels(dir: string): HandLabel[] {
  const labels: HandLabel[] = [];
  for (const language of ['ar', 'en'] as const) {
    for (const folder of [language, 'mixed']) {
      const path = join(PACKAGE_DIR, 'fixtures', folder, 'labelled-posts.jsonl');
      for (const post of readJsonLines<AuthoredPost & { language?: Language }>(path)) {
        if (folder === 'mixed' && post.language !== language) continue;
        labels.push({ ...post, language, source: `authored-${folder}` });
      }
    }
    // A second batch of authored posts, kept apart from the fixtures the tests and bench read.
    const path = join(PACKAGE_DIR, 'labels', `authored-${language}-2.jsonl`);
    for (const post of readJsonLines<AuthoredPost>(path)) {
      labels.push({ ...post, language, source: `authored-${language}-2` });
    }
  }
  const twcs = new Map(
    readCsvObjects(join(dir, 'twcs-customer-support-en', 'twcs-sample5k.csv')).map((row) => [
      row.tweet_id,
      row.text,
    ]),
  );
  // Second batches (the next conversation openers / MARSA rows) keep their own source name, so
  // the evaluation can still report the first batches as they were.
  for (const [file, source] of [
    ['twcs-en.jsonl', 'twcs-hand'],
    ['twcs-en-2.jsonl', 'twcs-hand-2'],
  ] as const) {
    for (const label of readJsonLines<TwcsLabel>(join(PACKAGE_DIR, 'labels', file))) {
      const text = twcs.get(label.tweetId);
      if (text) labels.push({ ...label, text, language: 'en', source });
    }
  }
  const tech = readMarsa(dir, 'Tech');
  for (const [file, source] of [
    ['marsa-tech-ar.jsonl', 'marsa-tech-hand'],
    ['marsa-tech-ar-2.jsonl', 'marsa-tech-hand-2'],
  ] as const) {
    for (const label of readJsonLines<MarsaLabel>(join(PACKAGE_DIR, 'labels', file))) {
      const text = tech[label.row]?.text ?? '';
      if (sha1Short(text) !== label.sha1) throw new Error(`MARSA Tech row ${label.row} changed`);
      labels.push({ ...label, text, language: 'ar', source });
    }
  }
  return labels;
}

/** A short content hash that pins a label to the exact tweet it was made for. */
export function sha1Short(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 10);
}

const KIND_SENTIMENT: Record<string, string> = {
  complaint: 'negative',
  praise: 'positive',
  question: 'neutral',
};

function handLabelRows(labels: HandLabel[]): Raw[] {
  const rows: Raw[] = [];
  for (const label of labels) {
    const base = {
      text: label.text,
      language: label.language,
      source: label.source,
      weight: HAND_LABEL_WEIGHT,
      isHandLabelled: true,
    };
    rows.push({ ...base, task: 'kind', label: label.kind });
    rows.push({ ...base, task: 'complaint', label: label.kind === 'complaint' ? 'yes' : 'no' });
    rows.push({ ...base, task: 'spam', label: label.kind === 'spam' ? 'yes' : 'no' });
    if (label.kind === 'abuse') rows.push({ ...base, task: 'abuse', label: 'yes' });
    if (label.category && (label.kind === 'complaint' || label.kind === 'question')) {
      rows.push({ ...base, task: 'category', label: label.category });
    }
    if (label.dialect) rows.push({ ...base, task: 'dialect', label: label.dialect });
    // In customer care a complaint is negative and praise positive; questions are mostly neutral.
    const sentiment = KIND_SENTIMENT[label.kind];
    if (sentiment) rows.push({ ...base, task: 'sentiment', label: sentiment, weight: 1.5 });
  }
  return rows;
}

/** Everything, deduplicated per task (conflicting duplicates dropped), in a stable order. */
export function loadAllLabelled(dir: string = DEFAULT_DATA_DIR): LabelledText[] {
  const raw: Raw[] = [];
  const excluded = new Set<string>();
  loadAstd(dir, raw, excluded);
  loadArSarcasm(dir, raw);
  loadArSas(dir, raw);
  loadMarsa(dir, raw);
  loadOsact(dir, raw);
  loadOlid(dir, raw);
  loadAirline(dir, raw);
  loadTweetEvalSentiment(dir, raw);
  loadArabicSpam(dir, raw);
  for (const row of deriveKindAndSpamRows(raw)) raw.push(row);
  raw.push(...handLabelRows(loadHandLabels(dir)));
  return deduplicate(raw, excluded);
}

const QUESTION_MARK = /[?؟]/;
// News, sport and politics tweets teach "not a complaint", but they vastly outnumber the posts a
// brand receives; weighted down so their dialect and topics do not read as "other" by themselves.
const GENERAL_TWEET_WEIGHT = 0.25;
const HAND_LABEL_WEIGHT = 4;

// Kind labels we can derive from public labels, weighted below hand labels because they are
// approximate: a negative tweet to an airline or a telecom is a complaint, a positive one praise,
// a neutral one with a question mark a question. Offensive tweets are abuse, the spam corpus spam,
// and ordinary tweets about news, sport and politics are "other". Every sentiment tweet is also a
// spam negative.
function deriveKindAndSpamRows(raw: Raw[]): Raw[] {
  const rows: Raw[] = [];
  let sample = 0;
  for (const row of raw) {
    const base = { text: row.text, language: row.language, source: row.source };
    sample++;
    if (row.task === 'sentiment') {
      if (sample % 2 === 0) rows.push({ ...base, task: 'spam', label: 'no' });
      const isServiceTweet =
        row.source === 'airline' ||
        (row.source === 'marsa-tech' && telecomComplaintLabel(row.text, row.label) !== undefined);
      if (isServiceTweet && !(row.source === 'marsa-tech' && TV_CHANNEL.test(row.text))) {
        const kind =
          row.label === 'negative'
            ? 'complaint'
            : row.label === 'positive'
              ? 'praise'
              : QUESTION_MARK.test(row.text)
                ? 'question'
                : 'other';
        rows.push({ ...base, task: 'kind', label: kind, weight: 0.5 });
      } else if (sample % 4 === 0) {
        rows.push({ ...base, task: 'kind', label: 'other', weight: GENERAL_TWEET_WEIGHT });
      }
      if (['arsas', 'arsarcasm', 'astd'].includes(row.source) && sample % 2 === 1) {
        rows.push({ ...base, task: 'complaint', label: 'no', weight: GENERAL_TWEET_WEIGHT });
      }
    } else if (row.task === 'abuse' && row.label === 'yes') {
      rows.push({ ...base, task: 'kind', label: 'abuse', weight: 0.5 });
    } else if (row.task === 'spam' && row.label === 'yes' && sample % 3 === 0) {
      rows.push({ ...base, task: 'kind', label: 'spam', weight: 0.5 });
    }
  }
  return rows;
}

function deduplicate(raw: Raw[], excluded: Set<string>): LabelledText[] {
  const byTaskKey = new Map<string, LabelledText>();
  const conflicted = new Set<string>();
  for (const row of raw) {
    const key = dedupKey(row.text);
    if (!key || excluded.has(key)) continue;
    const id = `${row.task}\u0000${key}`;
    const existing = byTaskKey.get(id);
    const weight = row.weight ?? 1;
    const isHandLabelled = row.isHandLabelled ?? false;
    if (!existing) {
      byTaskKey.set(id, { ...row, key, weight, isHandLabelled });
    } else if (existing.label === row.label) {
      // The same label from a weightier source (our hand label agreeing with a derived one):
      // keep the weightier row, so the hand label's weight and source are not lost.
      if (weight > existing.weight) byTaskKey.set(id, { ...row, key, weight, isHandLabelled });
    } else {
      // A hand label settles a disagreement; two public labels that disagree are both dropped.
      if (weight > existing.weight) byTaskKey.set(id, { ...row, key, weight, isHandLabelled });
      else if (weight === existing.weight) conflicted.add(id);
    }
  }
  for (const id of conflicted) byTaskKey.delete(id);
  // A text we labelled by hand is split as a hand label in every task, so no head trains on a
  // text that another head is tested on.
  const handKeys = new Set([...byTaskKey.values()].filter((row) => row.isHandLabelled).map((row) => row.key));
  return [...byTaskKey.values()].map((row) =>
    handKeys.has(row.key) ? { ...row, isHandLabelled: true } : row,
  );
}
