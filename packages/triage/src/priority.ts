// scorePriority(): P1–P4 from a classification and its context, with a one-line reason in Arabic
// and English. Points add up from workspace-configurable rules; the defaults are documented in
// the README and in priorityRulesSchema below.
import { z } from 'zod';
import type { Classification } from './classify.ts';
import type { SignalType } from './signals.ts';

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** A workspace's priority rules; every field has a default, so `{}` parses to the defaults. */
export const priorityRulesSchema = z.object({
  /** points each signal adds when its confidence reaches signalMinConfidence */
  signalPoints: z
    .object({
      legal_threat: z.number().default(3),
      safety_risk: z.number().default(4),
      going_public: z.number().default(2),
      churn_intent: z.number().default(1),
      repeat_complaint: z.number().default(1),
    })
    .prefault({}),
  signalMinConfidence: z.number().min(0).max(1).default(0.5),
  /** a public post is seen by others: it adds points, more with a large audience */
  publicPostPoints: z.number().default(1),
  largeAudienceFollowers: z.number().int().nonnegative().default(10_000),
  largeAudiencePoints: z.number().default(1),
  veryLargeAudienceFollowers: z.number().int().nonnegative().default(100_000),
  veryLargeAudiencePoints: z.number().default(2),
  /** sentiment score (P(pos) − P(neg)) at or below which the post counts as angry */
  angrySentimentScore: z.number().min(-1).max(1).default(-0.6),
  angryPoints: z.number().default(1),
  complaintPoints: z.number().default(1),
  vipPoints: z.number().default(2),
  /** previous cases at which a customer is a repeat customer */
  repeatCustomerCases: z.number().int().positive().default(2),
  repeatCustomerPoints: z.number().default(1),
  /** minimum points for each level; below p3 is P4 */
  levels: z
    .object({ p1: z.number().default(6), p2: z.number().default(4), p3: z.number().default(2) })
    .prefault({}),
  /** a likely safety risk is P1 whatever else is true */
  isSafetyAlwaysP1: z.boolean().default(true),
  /** spam and pure abuse are moderated, not answered: they are held at this level */
  moderatedPriority: z.enum(PRIORITIES).default('P4'),
});
export type PriorityRules = z.infer<typeof priorityRulesSchema>;
export type PriorityRulesInput = z.input<typeof priorityRulesSchema>;

/** The defaults, as a parsed rules object. */
export const DEFAULT_PRIORITY_RULES: PriorityRules = priorityRulesSchema.parse({});

/** Facts about the post and customer that the text does not tell. */
export type PriorityContext = {
  isPublic?: boolean;
  followerCount?: number;
  isVip?: boolean;
  previousCaseCount?: number;
  rules?: PriorityRules;
};

/** One thing that raised the priority, with the points it added and its wording. */
export type PriorityReason = { code: string; points: number; ar: string; en: string };

export type PriorityResult = {
  priority: Priority;
  points: number;
  reasons: PriorityReason[];
  /** the one-line explanation, e.g. "P1: public post with 120k followers, threatens legal action" */
  summary: { ar: string; en: string };
};

const SIGNAL_CODES: ReadonlySet<string> = new Set([
  'legal_threat',
  'safety_risk',
  'going_public',
  'churn_intent',
]);

const SIGNAL_WORDING: Record<SignalType, { ar: string; en: string }> = {
  legal_threat: { ar: 'يهدد بإجراء قانوني', en: 'threatens legal action' },
  safety_risk: { ar: 'يذكر خطراً على السلامة', en: 'mentions a safety risk' },
  going_public: { ar: 'يهدد بالنشر أو بالإعلام', en: 'threatens to go public or to the press' },
  churn_intent: { ar: 'ينوي الإلغاء أو الانتقال لمنافس', en: 'intends to cancel or leave' },
  repeat_complaint: { ar: 'شكوى متكررة', en: 'repeat complaint' },
};

/** "120k" / "120 ألف": follower counts as people say them. */
export function formatFollowers(count: number): { ar: string; en: string } {
  if (count >= 1_000_000) {
    const millions = trim(count / 1_000_000);
    return { ar: `${millions} مليون`, en: `${millions}M` };
  }
  if (count >= 1_000) {
    const thousands = trim(count / 1_000);
    return { ar: `${thousands} ألف`, en: `${thousands}k` };
  }
  return { ar: String(count), en: String(count) };
}

function trim(x: number): string {
  return x >= 100 ? String(Math.round(x)) : String(Math.round(x * 10) / 10);
}

function audienceReason(context: PriorityContext, rules: PriorityRules): PriorityReason | undefined {
  if (!context.isPublic) return undefined;
  const followers = context.followerCount ?? 0;
  let points = rules.publicPostPoints;
  if (followers >= rules.veryLargeAudienceFollowers) points += rules.veryLargeAudiencePoints;
  else if (followers >= rules.largeAudienceFollowers) points += rules.largeAudiencePoints;
  if (followers >= rules.largeAudienceFollowers) {
    const count = formatFollowers(followers);
    return {
      code: 'public_reach',
      points,
      ar: `منشور علني لحساب لديه ${count.ar} متابع`,
      en: `public post with ${count.en} followers`,
    };
  }
  return { code: 'public_post', points, ar: 'منشور علني', en: 'public post' };
}

function collectReasons(classification: Classification, context: PriorityContext, rules: PriorityRules) {
  const reasons: PriorityReason[] = [];
  const audience = audienceReason(context, rules);
  if (audience) reasons.push(audience);
  if (context.isVip)
    reasons.push({ code: 'vip', points: rules.vipPoints, ar: 'عميل مميز', en: 'VIP customer' });
  for (const signal of classification.signals) {
    if (signal.confidence < rules.signalMinConfidence) continue;
    reasons.push({
      code: signal.type,
      points: rules.signalPoints[signal.type],
      ...SIGNAL_WORDING[signal.type],
    });
  }
  const hasRepeatSignal = reasons.some((reason) => reason.code === 'repeat_complaint');
  if (!hasRepeatSignal && (context.previousCaseCount ?? 0) >= rules.repeatCustomerCases) {
    const n = context.previousCaseCount ?? 0;
    reasons.push({
      code: 'repeat_customer',
      points: rules.repeatCustomerPoints,
      ar: `عميل له ${n} حالات سابقة`,
      en: `customer with ${n} previous cases`,
    });
  }
  if (classification.kind.label === 'complaint') {
    reasons.push({ code: 'complaint', points: rules.complaintPoints, ar: 'شكوى', en: 'complaint' });
  }
  if (classification.sentiment.score <= rules.angrySentimentScore) {
    reasons.push({ code: 'angry', points: rules.angryPoints, ar: 'غضب شديد', en: 'very negative' });
  }
  return reasons;
}

function levelFor(points: number, rules: PriorityRules): Priority {
  if (points >= rules.levels.p1) return 'P1';
  if (points >= rules.levels.p2) return 'P2';
  if (points >= rules.levels.p3) return 'P3';
  return 'P4';
}

/** Scores the priority of a classified post; pure. */
export function scorePriority(classification: Classification, context: PriorityContext = {}): PriorityResult {
  const rules = context.rules ?? DEFAULT_PRIORITY_RULES;
  const reasons = collectReasons(classification, context, rules).sort((a, b) => b.points - a.points);
  const points = reasons.reduce((sum, reason) => sum + reason.points, 0);
  // Abuse or spam that also threatens (legal action, the press, leaving) is not pure: it is scored.
  const isThreatening = reasons.some((reason) => reason.points > 0 && SIGNAL_CODES.has(reason.code));
  const isModerated =
    (classification.kind.label === 'spam' || classification.kind.label === 'abuse') && !isThreatening;
  const isSafety = reasons.some((reason) => reason.code === 'safety_risk');
  let priority = levelFor(points, rules);
  if (isSafety && rules.isSafetyAlwaysP1) priority = 'P1';
  else if (isModerated) priority = rules.moderatedPriority;
  return { priority, points, reasons, summary: summarise(priority, reasons, classification, isModerated) };
}

function summarise(
  priority: Priority,
  reasons: PriorityReason[],
  classification: Classification,
  isModerated: boolean,
): { ar: string; en: string } {
  if (isModerated && !reasons.some((reason) => reason.code === 'safety_risk')) {
    const isSpam = classification.kind.label === 'spam';
    return {
      ar: `${priority}: ${isSpam ? 'رسالة مزعجة (سبام)' : 'إساءة دون شكوى'}، للإشراف لا للرد`,
      en: `${priority}: ${isSpam ? 'spam' : 'abuse without a complaint'}, to moderate rather than answer`,
    };
  }
  // The reasons with the most weight, at most three, keep the line short.
  const shown = reasons.filter((reason) => reason.points > 0).slice(0, 3);
  if (shown.length === 0) {
    return { ar: `${priority}: لا مؤشرات على الاستعجال`, en: `${priority}: no sign of urgency` };
  }
  return {
    ar: `${priority}: ${shown.map((reason) => reason.ar).join('، ')}`,
    en: `${priority}: ${shown.map((reason) => reason.en).join(', ')}`,
  };
}
