// The Arabic sets the emerging-issues bench groups, read through the triage scripts' own readers
// (labels in packages/triage/labels, texts in ../shared/data, training splits only).
import { normalizeForSearch } from '@sada/triage';
import { dedupKey, loadHandLabels, readMarsa } from '../../packages/triage/scripts/triage-datasets.ts';
import type { LabelledComplaint } from './issue-purity.ts';

// Our Arabic label files (labels/README.md): MARSA Tech rows we labelled, and the second batch of
// posts we wrote. The fixture posts the unit tests read are left out.
const HAND_LABEL_SOURCES = new Set(['marsa-tech-hand', 'marsa-tech-hand-2', 'authored-ar-2']);

/** Our Arabic complaints with a category, label = category, in the order the label files are read. */
export function arabicHandComplaints(dataDir: string): LabelledComplaint[] {
  const seen = new Set<string>();
  const complaints: LabelledComplaint[] = [];
  for (const label of loadHandLabels(dataDir)) {
    if (!HAND_LABEL_SOURCES.has(label.source) || label.kind !== 'complaint' || !label.category) continue;
    const key = dedupKey(label.text);
    if (seen.has(key)) continue;
    seen.add(key);
    complaints.push({ id: `${label.source}:${complaints.length}`, text: label.text, label: label.category });
  }
  return complaints;
}

const MARSA_DOMAINS = ['Tech', 'Social', 'Political', 'Sport'] as const;

/**
 * Negative MARSA training tweets of the four domains, label = domain: per domain the distinct texts
 * (by normalised text, so retweets count once) in file order, texts found in two domains left out,
 * `perDomain` of them evenly spaced through the file, then interleaved Tech, Social, Political, Sport.
 */
export function marsaNegativeMix(dataDir: string, perDomain: number): LabelledComplaint[] {
  const domainsOf = new Map<string, Set<string>>();
  const byDomain = MARSA_DOMAINS.map((domain) => {
    const seen = new Set<string>();
    const texts: { text: string; key: string }[] = [];
    for (const { text, polarity } of readMarsa(dataDir, domain)) {
      const key = dedupKey(text);
      if (polarity !== 'neg' || !key || seen.has(key)) continue;
      seen.add(key);
      texts.push({ text, key });
      domainsOf.set(key, (domainsOf.get(key) ?? new Set()).add(domain));
    }
    return texts;
  });
  const samples = byDomain.map((texts) => {
    const distinct = texts.filter((item) => domainsOf.get(item.key)!.size === 1);
    const step = distinct.length / perDomain;
    return Array.from(
      { length: Math.min(perDomain, distinct.length) },
      (_, i) => distinct[Math.floor(i * step)]!,
    );
  });
  const mix: LabelledComplaint[] = [];
  for (let i = 0; i < perDomain; i++) {
    MARSA_DOMAINS.forEach((domain, d) => {
      const item = samples[d]![i];
      if (item) mix.push({ id: `${domain}:${i}`, text: item.text, label: domain });
    });
  }
  return mix;
}

/**
 * Without hashtags: MARSA writes them as words joined by `_` (no `#`). Its tweets were collected by
 * hashtag, so in the domain mix a hashtag all but names the domain.
 */
export function withoutHashtags(text: string): string {
  return text.replace(/#\S*|\S*_\S*/g, ' ');
}

// Gulf and MSA function words, fillers and set phrases ("حسبي الله ونعم الوكيل") that the triage
// stopword list lacks. Written after reading the bench's groups, so figures with it are optimistic.
// (An `ala` idea, dropping "على", became the triage default: indexTerms now normalises its list.)
const ARABIC_FILLERS = new Set(
  (
    'على اللي الي بس مو ما وش ليش ليه كيف متى حتى الا الله والله يارب ربي حسبي نعم الوكيل جدا مره كذا ' +
    'هذي هذا ذا ذي اذا لو بعد قبل الحين الان يعني شي شيء كله عشان علشان لان صار راح وين هل ايش فيه ' +
    'فيها لكم لنا له لها منه منها عليه عليها عندي عندنا عندكم احنا انتم هم لين اني انه انها انكم بعض غير'
  )
    .split(' ')
    .map((word) => normalizeForSearch(word)),
);

/** Ideas tried on the Arabic texts before grouping, by the bench's --extra-stopwords flag. */
export const EXTRA_STOPWORDS = ['none', 'fillers'] as const;
export type ExtraStopwords = (typeof EXTRA_STOPWORDS)[number];

/** The text without the fillers above ('fillers'), also after the conjunction و. */
export function withoutExtraStopwords(text: string, extra: ExtraStopwords): string {
  if (extra === 'none') return text;
  return normalizeForSearch(text)
    .split(' ')
    .filter(
      (word) => !ARABIC_FILLERS.has(word) && !(word.startsWith('و') && ARABIC_FILLERS.has(word.slice(1))),
    )
    .join(' ');
}
