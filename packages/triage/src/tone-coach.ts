// coachReply(): checks an agent's draft against what the seed articles ask of a reply, and says
// where (exact spans) and what to change. It advises; it never blocks sending.

import { COACH_CHECKS, type CoachCheck } from '@sada/core';
import { compileLexicon, findLexiconHits, type LexiconEntry, type Span } from './lexicon-matching.ts';
import { normalizeForSearch } from './normalize.ts';

export { COACH_CHECKS, type CoachCheck };
export type CoachStatus = 'pass' | 'fail' | 'not_applicable';

/** One line of the checklist: whether it passed, the spans that matter, and a suggestion. */
export type CoachItem = {
  check: CoachCheck;
  status: CoachStatus;
  spans: Span[];
  suggestion: { ar: string; en: string };
};

/** What the coach needs besides the draft. */
export type CoachContext = {
  /** the customer's message, to see whether the draft speaks to it */
  customerMessage?: string;
  customerName?: string;
  /** the channel's length limit in characters (X: 280) */
  maxLength?: number;
  /** templates the agent may have pasted */
  templates?: readonly string[];
};

export type CoachReport = { items: CoachItem[]; passed: number; applicable: number };

const entries = (weight: number, phrases: string): LexiconEntry[] =>
  phrases.split('|').map((phrase) => ({ phrase: phrase.trim(), weight }));

const ACKNOWLEDGE = compileLexicon(
  entries(
    1,
    "نتفهم|أتفهم|نفهم|أفهم|نقدر|نقدّر|وصلتنا|وصلتني|اطلعنا على|اطّلعنا على|شكراً لتواصلك|شكرا لتواصلك|شكراً لإبلاغنا|شكرا على ملاحظتك|يؤسفنا|محبط|مزعج|معك حق|i understand|we understand|i can see|i hear you|thanks for letting us know|thank you for letting us know|thanks for reaching out|thank you for reaching out|sorry to hear|that must be|frustrating|you are right|you're right",
  ),
);
const APOLOGY = compileLexicon(
  entries(1, 'نعتذر|أعتذر|اعتذارنا|آسفين|آسف|نأسف|المعذرة|متأسفين|sorry|apologi*|apologies|our apologies'),
);
const EXCUSE = compileLexicon(
  entries(
    1,
    'لكن|ولكن|إلا أن|بس هذا|هذا ليس خطأنا|ليس خطأنا|مو غلطتنا|مش غلطتنا|ليس من مسؤوليتنا|مو مسؤوليتنا|خارج عن إرادتنا|خارج عن ارادتنا|حسب السياسة|but|however|this is not our fault|not our fault|not our responsibility|beyond our control|out of our control|due to high volume|our policy states',
  ),
);
const BLAME = compileLexicon(
  entries(
    1,
    "كان عليك|كان المفروض|المفروض انك|خطأك|غلطتك|انت السبب|أنت السبب|إنت السبب|لم تقم|ما قريت|ما انتبهت|كما ذكرنا سابقا|كما أخبرناك|كما قلنا لك|you should have|you didn't|you did not|you failed to|your fault|you must have|as we already told you|as stated before|as we said|you need to read|if you had|you forgot",
  ),
);
const SOLUTION = compileLexicon(
  entries(
    1,
    "سنقوم|سوف نقوم|سيتم|تم إرسال|تم تحويل|تم رفع|نرسل|سنرسل|راح نرسل|بنرسل|استرداد|استرجاع|استبدال|تعويض|سنعوضك|رفعنا طلب|تم تصعيد|سيتواصل|بيتواصل|we will|we'll|i will|i'll|i've|we've|refund*|replac*|send you|arrange*|escalated|credited|reship*|fix*|technician",
  ),
);
const TIME_FRAME = compileLexicon(
  entries(
    1,
    'خلال|ساعة|ساعات|ساعتين|يوم|يومين|أيام|اليوم|غدا|غداً|بكرة|بكره|الأسبوع|أسبوع|دقائق|دقيقة|قبل نهاية|within|today|tomorrow|tonight|hour*|day*|week*|minutes|by monday|by tuesday|by wednesday|by thursday|by friday|by saturday|by sunday|end of day',
  ),
);
const HOSTILE = compileLexicon(
  entries(
    1,
    'غبي|سخيف|تافه|كلام فاضي|مو شغلنا|مش شغلنا|اسكت|مش فاضيين|stupid|ridiculous|nonsense|shut up|whatever|not my problem|calm down|deal with it|obviously|clearly you|yeah right|as if|good luck with that|يا سلام|طبعاً طبعاً',
  ),
);
// Laughter and eye-rolls read as mockery in a reply to a complaint.
const SARCASM_MARKERS = /🙄|😒|🤦|😏|🙃|ه{3,}|(?:ha){3,}|\blo+l\b/giu;
const SHOUT = /\b[A-Z]{2,}(?:\s+[A-Z]{2,})+\b|\b[A-Z]{5,}\b/g;
const ACRONYMS = new Set(['DM', 'SMS', 'URL', 'PIN', 'ATM', 'VIP', 'FAQ', 'STC', 'IBAN', 'OTP', 'COVID']);
const EXCLAMATIONS = /[!！]{2,}/g;
const PLACEHOLDER = /\{\{[^}]*\}\}|\{[A-Za-z_]+\}|\[[A-Z_ ]+\]|<[A-Z_]+>|\$\{[^}]*\}/g;
const STOPWORDS = new Set(
  'في من على الى عن مع هذا هذه تم لم لا ما هو هي انا انت نحن the a an and or to of in on at for with is are was my your our you i it this that not no'.split(
    ' ',
  ),
);

const hits = (text: string, lexicon: ReturnType<typeof compileLexicon>): Span[] =>
  findLexiconHits(text, lexicon).map(({ text: t, start, end }) => ({ text: t, start, end }));

function item(check: CoachCheck, status: CoachStatus, spans: Span[], ar: string, en: string): CoachItem {
  return { check, status, spans, suggestion: { ar, en } };
}

function contentWords(text: string): Set<string> {
  const words = normalizeForSearch(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((word) => word.length > 2 && !STOPWORDS.has(word)).map(stripArticle));
}

function stripArticle(word: string): string {
  return word.replace(/^(?:وال|بال|فال|ال|لل)(?=.{2})/, '');
}

function checkAcknowledges(draft: string, context: CoachContext): CoachItem {
  const spans = hits(draft, ACKNOWLEDGE);
  // Naming the problem in the customer's own words also acknowledges it.
  if (spans.length === 0 && context.customerMessage) {
    const customer = contentWords(context.customerMessage);
    const shared = [...contentWords(draft)].filter((word) => customer.has(word));
    if (shared.length >= 2) return item('acknowledges_problem', 'pass', [], '', '');
  }
  return spans.length > 0
    ? item('acknowledges_problem', 'pass', spans, '', '')
    : item(
        'acknowledges_problem',
        'fail',
        [],
        'ابدأ بالاعتراف بالمشكلة بكلمات العميل، مثل: «نتفهم تماماً انزعاجك من تأخر طلبك».',
        'Start by naming the problem in the customer’s words, e.g. “I understand how frustrating the late delivery is.”',
      );
}

function checkApology(draft: string): CoachItem {
  const apologies = hits(draft, APOLOGY);
  const excuses = hits(draft, EXCUSE);
  if (apologies.length > 0 && excuses.length === 0)
    return item('apologises_without_excuses', 'pass', apologies, '', '');
  if (apologies.length === 0) {
    return item(
      'apologises_without_excuses',
      'fail',
      [],
      'أضف اعتذاراً صادقاً وقصيراً: «نعتذر لك عن هذا التأخير».',
      'Add a short, sincere apology: “I’m sorry for the delay.”',
    );
  }
  return item(
    'apologises_without_excuses',
    'fail',
    excuses,
    'احذف التبرير بعد الاعتذار («لكن…»، «ليس خطأنا»): الاعتذار الذي يتبعه عذر يُقرأ كدفاع.',
    'Drop the excuse after the apology (“but…”, “not our fault”): an apology followed by a justification reads as defensive.',
  );
}

function checkBlame(draft: string): CoachItem {
  const spans = hits(draft, BLAME);
  return spans.length === 0
    ? item('does_not_blame_customer', 'pass', [], '', '')
    : item(
        'does_not_blame_customer',
        'fail',
        spans,
        'لا تحمّل العميل المسؤولية؛ صِف الخطوة التالية بدلاً من ذلك: «لنتأكد معاً من…».',
        'Do not put it on the customer; describe the next step instead: “Let’s check together…”.',
      );
}

function checkSolution(draft: string): CoachItem {
  const solution = hits(draft, SOLUTION);
  const time = hits(draft, TIME_FRAME);
  if (solution.length > 0 && time.length > 0)
    return item('offers_solution_and_time', 'pass', [...solution, ...time], '', '');
  const [ar, en] =
    solution.length === 0
      ? [
          'اذكر حلاً محدداً (استرداد، استبدال، زيارة فني) وموعده.',
          'Offer a concrete fix (refund, replacement, a technician) and when.',
        ]
      : [
          'حدد موعداً للحل: «خلال 24 ساعة» أو «قبل نهاية اليوم».',
          'Give a time frame: “within 24 hours” or “by end of day”.',
        ];
  return item('offers_solution_and_time', 'fail', solution, ar, en);
}

function checkName(draft: string, context: CoachContext): CoachItem {
  const name = context.customerName?.trim();
  if (!name) return item('uses_customer_name', 'not_applicable', [], '', '');
  const first = name.split(/\s+/)[0] ?? name;
  const spans = hits(draft, compileLexicon([{ phrase: first, weight: 1 }]));
  return spans.length > 0
    ? item('uses_customer_name', 'pass', spans, '', '')
    : item(
        'uses_customer_name',
        'fail',
        [],
        `خاطب العميل باسمه: «أهلاً ${first}،».`,
        `Address the customer by name: “Hi ${first},”.`,
      );
}

function checkCalm(draft: string): CoachItem {
  const spans: Span[] = hits(draft, HOSTILE);
  for (const pattern of [SARCASM_MARKERS, EXCLAMATIONS]) {
    for (const m of draft.matchAll(pattern))
      spans.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  for (const m of draft.matchAll(SHOUT)) {
    if (m[0].split(/\s+/).every((word) => ACRONYMS.has(word))) continue;
    spans.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  spans.sort((a, b) => a.start - b.start);
  return spans.length === 0
    ? item('stays_calm', 'pass', [], '', '')
    : item(
        'stays_calm',
        'fail',
        spans,
        'خفّف النبرة: بلا كلمات جارحة أو سخرية أو أحرف كبيرة أو علامات تعجب متكررة.',
        'Soften the tone: no hostile words, sarcasm, SHOUTING capitals or repeated exclamation marks.',
      );
}

function checkLength(draft: string, context: CoachContext): CoachItem {
  const limit = context.maxLength;
  if (!limit) return item('fits_channel_length', 'not_applicable', [], '', '');
  // Count characters as the channel does (code points, so an emoji is one).
  const chars = Array.from(draft);
  if (chars.length <= limit) return item('fits_channel_length', 'pass', [], '', '');
  const start = chars.slice(0, limit).join('').length;
  return item(
    'fits_channel_length',
    'fail',
    [{ text: draft.slice(start), start, end: draft.length }],
    `الرد أطول من حد القناة (${limit} حرفاً) بـ ${chars.length - limit}؛ اختصر أو انتقل إلى الرسائل الخاصة.`,
    `The reply is ${chars.length - limit} characters over the channel’s limit of ${limit}; shorten it or move to a private message.`,
  );
}

function shingles(text: string): Set<string> {
  const words = normalizeForSearch(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  if (words.length < 3) out.add(words.join(' '));
  return out;
}

function checkTemplate(draft: string, context: CoachContext): CoachItem {
  const placeholders = [...draft.matchAll(PLACEHOLDER)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  const draftShingles = shingles(draft);
  const isUnchanged = (context.templates ?? []).some((template) => {
    const templateShingles = shingles(template);
    const shared = [...draftShingles].filter((s) => templateShingles.has(s)).length;
    return shared / Math.max(1, Math.max(draftShingles.size, templateShingles.size)) >= 0.9;
  });
  if (placeholders.length === 0 && !isUnchanged) {
    return item('not_unchanged_template', context.templates?.length ? 'pass' : 'not_applicable', [], '', '');
  }
  return item(
    'not_unchanged_template',
    'fail',
    placeholders.length > 0 ? placeholders : [{ text: draft, start: 0, end: draft.length }],
    'خصّص القالب: املأ الحقول واذكر تفاصيل حالة العميل حتى لا يبدو الرد آلياً.',
    'Personalise the template: fill the fields and mention this customer’s details so it does not read as canned.',
  );
}

/** Checks a draft reply and returns the checklist; pure. */
export function coachReply(draft: string, context: CoachContext = {}): CoachReport {
  const items = [
    checkAcknowledges(draft, context),
    checkApology(draft),
    checkBlame(draft),
    checkSolution(draft),
    checkName(draft, context),
    checkCalm(draft),
    checkLength(draft, context),
    checkTemplate(draft, context),
  ];
  const applicable = items.filter((i) => i.status !== 'not_applicable');
  return {
    items,
    passed: applicable.filter((i) => i.status === 'pass').length,
    applicable: applicable.length,
  };
}
