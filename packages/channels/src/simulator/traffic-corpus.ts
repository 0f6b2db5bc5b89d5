import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the sampled texts come from: the public datasets in the shared data folder, read at run time
// (their licences forbid shipping the raw text), or a small built-in list written by us when absent.

export type TrafficLanguage = 'ar' | 'en';
export type TrafficKind = 'complaint' | 'question' | 'praise' | 'trolling';

/** One text and the dataset it came from. */
export type CorpusText = { text: string; source: string };
export type TrafficCorpus = Record<`${TrafficLanguage}:${TrafficKind}`, CorpusText[]>;

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let isQuoted = false;
  for (let index = 0; index < content.length; index += 1) {
    const char = content[index]!;
    if (isQuoted) {
      if (char === '"' && content[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') isQuoted = false;
      else field += char;
    } else if (char === '"' && field === '') isQuoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && content[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** A post as a customer would write it to a brand: without the dataset's leading @handles, RT marks and masks. */
export function cleanPost(text: string): string {
  return text
    .replace(/<LF>/g, '\n')
    .replace(/^RT @\w+:\s*/, '')
    .replace(/^(\s*@\w+)+\s*/, '')
    .replace(/\bURL\b|@USER\b|https?:\/\/\S+/g, '')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

const arabicQuestion = /[؟?]|(^|\s)(كيف|متى|هل|ليش|وش|ايش|شلون|ليه|وين|كم)\s/;

function rows(path: string, separator: 'csv' | 'tsv'): string[][] {
  const content = readFileSync(path, 'utf8');
  const all =
    separator === 'csv' ? parseCsv(content) : content.split(/\r?\n/).map((line) => line.split('\t'));
  return all.filter((row) => row.length > 1);
}

function push(corpus: TrafficCorpus, key: keyof TrafficCorpus, text: string | undefined, source: string) {
  const cleaned = cleanPost(text ?? '');
  if (cleaned.length >= 12) corpus[key].push({ text: cleaned, source });
}

function emptyCorpus(): TrafficCorpus {
  return {
    'ar:complaint': [],
    'ar:question': [],
    'ar:praise': [],
    'ar:trolling': [],
    'en:complaint': [],
    'en:question': [],
    'en:praise': [],
    'en:trolling': [],
  };
}

/** Reads the datasets under `dataDir` (the shared `data/` folder); throws when a file is missing. */
export function loadDatasetCorpus(dataDir: string): TrafficCorpus {
  const corpus = emptyCorpus();
  // MARSA Tech: Saudi telecom tweets, Tweet,Polarity.
  for (const [tweet, polarity] of rows(join(dataDir, 'marsa-gulf-ar', 'Tech_Training_80%.csv'), 'csv').slice(
    1,
  )) {
    if (polarity === 'neg') push(corpus, 'ar:complaint', tweet, 'marsa-gulf-ar');
    else if (polarity === 'pos') push(corpus, 'ar:praise', tweet, 'marsa-gulf-ar');
    else if (polarity === 'neut' && arabicQuestion.test(` ${tweet ?? ''}`))
      push(corpus, 'ar:question', tweet, 'marsa-gulf-ar');
  }
  // ArSarcasm-v2 (MIT): neutral questions add MSA and other dialects.
  for (const [tweet, , sentiment] of rows(join(dataDir, 'arsarcasm-v2-ar', 'training_data.csv'), 'csv').slice(
    1,
  )) {
    if (sentiment === 'NEU' && /؟/.test(tweet ?? '')) push(corpus, 'ar:question', tweet, 'arsarcasm-v2-ar');
  }
  // OSACT 2020: offensive Arabic tweets, tweet<TAB>OFF|NOT_OFF<TAB>HS|NOT_HS.
  for (const [tweet, offensive] of rows(
    join(dataDir, 'osact2020-offensive-ar', 'OSACT2020-sharedTask-train.txt'),
    'tsv',
  )) {
    if (offensive === 'OFF') push(corpus, 'ar:trolling', tweet, 'osact2020-offensive-ar');
  }
  // Airline tweets: sentiment in column 1, text in column 10.
  for (const row of rows(join(dataDir, 'airline-sentiment-en', 'Tweets.csv'), 'csv').slice(1)) {
    const [sentiment, tweet] = [row[1], row[10]];
    if (sentiment === 'negative') push(corpus, 'en:complaint', tweet, 'airline-sentiment-en');
    else if (sentiment === 'positive') push(corpus, 'en:praise', tweet, 'airline-sentiment-en');
    else if (sentiment === 'neutral' && tweet?.includes('?'))
      push(corpus, 'en:question', tweet, 'airline-sentiment-en');
  }
  // TWCS: customers' tweets to brands (inbound True); questions by their question mark.
  for (const row of rows(join(dataDir, 'twcs-customer-support-en', 'twcs-sample5k.csv'), 'csv').slice(1)) {
    if (row[3] !== 'True') continue;
    push(corpus, row[5]?.includes('?') ? 'en:question' : 'en:complaint', row[5], 'twcs-customer-support-en');
  }
  // OLID: offensive English tweets, id<TAB>tweet<TAB>OFF|NOT…
  for (const [, tweet, offensive] of rows(
    join(dataDir, 'olid-offensive-en', 'olid-training-v1.0.tsv'),
    'tsv',
  ).slice(1)) {
    if (offensive === 'OFF') push(corpus, 'en:trolling', tweet, 'olid-offensive-en');
  }
  return corpus;
}

/** Our own short texts in the same registers, used when the datasets are not on disk. */
export function builtInCorpus(): TrafficCorpus {
  const corpus = emptyCorpus();
  const texts: Record<keyof TrafficCorpus, string[]> = {
    'ar:complaint': [
      'النت عندي فاصل من امس وما احد رد علي في خدمة العملاء',
      'طلبت استرجاع المبلغ من اسبوعين وللحين ما وصلني شي',
      'الطلب وصل ناقص والمندوب قفل الجوال في وجهي',
      'للمرة الثالثة يتم خصم رصيد بدون ما استخدم الباقة، حسبي الله',
      'الفاتورة هذا الشهر ضعف المعتاد بدون أي سبب واضح',
    ],
    'ar:question': [
      'كيف اغير الباقة من التطبيق؟',
      'متى يوصل الطلب رقم 4471؟ صار له خمسة ايام',
      'هل فيه فرع مفتوح بعد الساعة عشرة في الرياض؟',
      'وش الاوراق المطلوبة لنقل الخط باسمي؟',
    ],
    'ar:praise': [
      'شكرا لفريق الدعم، حلوا مشكلتي في دقايق',
      'خدمة ممتازة والموظفة كانت متعاونة جدا، الله يعطيكم العافية',
      'اول مرة اشوف سرعة بالرد بهالشكل، شكرا لكم',
    ],
    'ar:trolling': [
      'شركة فاشلة ومحد يشتري منكم الا المغفلين',
      'ههههه خدمة العملاء عندكم نكتة السنة',
      'يا حرامية رجعوا فلوس الناس',
    ],
    'en:complaint': [
      'My order arrived broken and nobody answers the support line.',
      'Charged twice for the same month and still waiting on a refund.',
      'Third day without internet. This is unacceptable.',
      'The delivery driver marked my parcel delivered but it never came.',
    ],
    'en:question': [
      'How do I change the billing address on my account?',
      'Is the store on King Fahd Road open on Fridays?',
      'When will my replacement card be shipped?',
    ],
    'en:praise': [
      'Huge thanks to your support team, sorted in five minutes!',
      'Really impressed with how quickly you fixed my booking. Great service.',
    ],
    'en:trolling': [
      'Worst company ever, you people are clowns.',
      'lol imagine paying for this garbage service',
    ],
  };
  for (const [key, list] of Object.entries(texts) as [keyof TrafficCorpus, string[]][]) {
    for (const text of list) corpus[key].push({ text, source: 'built-in' });
  }
  return corpus;
}

/** The shared data folder beside the repository (`<repo>/../shared/data`) or inside it (`<repo>/shared/data`). */
export function defaultDataDir(): string | null {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package-lock.json'))) {
    const parent = dirname(directory);
    if (parent === directory) return null;
    directory = parent;
  }
  const candidates = [resolve(directory, '..', 'shared', 'data'), join(directory, 'shared', 'data')];
  return candidates.find((candidate) => existsSync(join(candidate, 'marsa-gulf-ar'))) ?? null;
}

const loaded = new Map<string, TrafficCorpus>();

/** The datasets' corpus when `dataDir` (default: found beside the repository) holds them, else the built-in one. */
export function trafficCorpus(dataDir: string | null = defaultDataDir()): TrafficCorpus {
  if (dataDir === null) return builtInCorpus();
  let corpus = loaded.get(dataDir);
  if (!corpus) {
    try {
      corpus = loadDatasetCorpus(dataDir);
    } catch {
      corpus = builtInCorpus();
    }
    loaded.set(dataDir, corpus);
  }
  return corpus;
}
