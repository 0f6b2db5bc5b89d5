// Escalation signals found by lexicon, each with the exact words that triggered it. Lexicons
// are written in ordinary spelling; lexicon-matching makes them tolerant of variants.

import { SIGNAL_TYPES, type SignalType } from '@sada/core';
import {
  type CompiledLexicon,
  compileLexicon,
  findLexiconHits,
  type LexiconEntry,
  type Span,
} from './lexicon-matching.ts';

export { SIGNAL_TYPES, type SignalType };

/** A detected signal: its confidence and what triggered it (a span, or the case history). */
export type Signal = {
  type: SignalType;
  confidence: number;
  triggers: Span[];
  /** true when the case history (not the words) raised it: a repeat customer */
  fromHistory?: boolean;
};

const strong = (phrases: string): LexiconEntry[] =>
  phrases.split('|').map((phrase) => ({ phrase: phrase.trim(), weight: 0.9 }));
const weak = (phrases: string): LexiconEntry[] =>
  phrases.split('|').map((phrase) => ({ phrase: phrase.trim(), weight: 0.55 }));

const LEXICONS: Record<SignalType, LexiconEntry[]> = {
  legal_threat: [
    ...strong(
      'محامي*|محاماة|دعوى قضائية|دعوى|قضية|القضاء|المحكمة|محكمة|اشتكي عليكم|بشتكي عليكم|هشتكي|حماية المستهلك|وزارة التجارة|هيئة الاتصالات|النيابة|بلاغ رسمي|مقاضاة|أقاضي*|ارفع عليكم|lawyer*|attorney*|lawsuit*|legal action|take you to court|small claims|sue|suing|better business bureau|bbb|consumer protection|ombudsman|trading standards|regulator|fcc|ftc',
    ),
    ...weak('شكوى رسمية|حقوقي|الجهات المختصة|الشرطة|police|court|report you|formal complaint|my rights|حقي'),
  ],
  safety_risk: [
    ...strong(
      'حريق|احترق*|انفجر*|انفجار|ماس كهربائي|شرار*|صعق*|كهربني|تسمم*|مسموم|اختناق|تسريب غاز|ريحة غاز|المستشفى|مستشفى|الإسعاف|إسعاف|انجرح*|جرح*|fire|caught fire|smoke|smoking|burn*|explod*|sparks|electric shock|poison*|food poisoning|allergic reaction|hospital|injur*|bleeding|chok*|gas leak|carbon monoxide',
    ),
    ...weak('دخان|خطر|خطير*|حساسية|إصابة|نار|ولع|dangerous|hazard*|unsafe|hurt|cut my|rash'),
  ],
  going_public: [
    ...strong(
      'الصحافة|صحفي*|الإعلام|إعلامي*|أفضحكم|بفضحكم|فضيحة|بنشر|سأنشر|راح أنشر|هنشر|التشهير|هاشتاق|هاشتاج|هشتاق|الرأي العام|press|journalist*|the media|news channel|go public|going public|post this|posting this|tell everyone|expose you|viral|trustpilot',
    ),
    ...weak(
      'انشر*|السوشيال ميديا|تويتر|سناب|تيك توك|يوتيوب|ترند|برنامج|twitter|tiktok|youtube|reddit|review*|one star|1 star|everyone will know',
    ),
  ],
  churn_intent: [
    ...strong(
      'ألغي اشتراكي|بلغي اشتراكي|هلغي|إلغاء الاشتراك|الغاء الاشتراك|إلغاء الحساب|بحول لشركة|أحول لشركة|شركة ثانية|شركة تانية|شركة أخرى|آخر مرة أتعامل|آخر مرة اتعامل|لن أتعامل|لن اتعامل|ما راح أشتري|مستحيل أرجع|مقاطعة|قاطعوا|وداعا|هسيبكم|cancel*|close my account|closing my account|switching to|switch to another|leaving you|never again|never shop|never buy|never fly|never order|done with you|take my business elsewhere|unsubscribe|boycott',
    ),
    ...weak('ما عاد|خلاص|last time|goodbye|looking at other|competitor*'),
  ],
  repeat_complaint: [
    ...strong(
      'للمرة الثانية|للمرة الثالثة|للمرة الرابعة|للمرة الألف|ثاني مرة|ثالث مرة|رابع مرة|كل مرة|مرة ثانية|مرة أخرى|مرة تانية|اشتكيت قبل|سبق واشتكيت|سبق وأن اشتكيت|نفس المشكلة|كذا مرة|مليون مرة|third time|second time|fourth time|every time|once again|yet again|already complained|complained before|same problem|same issue|keeps happening|multiple times|several times',
    ),
    ...weak('كالعادة|من جديد|تتكرر|تكرار|as usual|again and again|still not|still no|still waiting'),
  ],
};

const COMPILED: Record<SignalType, CompiledLexicon> = Object.fromEntries(
  SIGNAL_TYPES.map((type) => [type, compileLexicon(LEXICONS[type])]),
) as Record<SignalType, CompiledLexicon>;

/** Case history that can raise a signal without any trigger words. */
export type SignalHistory = { previousCaseCount?: number };

/** Finds escalation signals in a message; confidence combines the weights of all triggers. */
export function detectSignals(text: string, history: SignalHistory = {}): Signal[] {
  const signals: Signal[] = [];
  for (const type of SIGNAL_TYPES) {
    const hits = findLexiconHits(text, COMPILED[type]);
    let miss = 1;
    for (const hit of hits) miss *= 1 - hit.weight;
    const triggers = hits.map(({ text: t, start, end }) => ({ text: t, start, end }));
    const isRepeatCustomer = type === 'repeat_complaint' && (history.previousCaseCount ?? 0) > 0;
    if (isRepeatCustomer) miss *= 0.05;
    if (hits.length > 0 || isRepeatCustomer) {
      const signal: Signal = { type, confidence: round(1 - miss), triggers };
      if (isRepeatCustomer) signal.fromHistory = true;
      signals.push(signal);
    }
  }
  return signals;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
