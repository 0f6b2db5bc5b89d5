// Complaint categories: the default list, and a workspace's own list mapped onto it.
import { type CompiledLexicon, compileLexicon, findLexiconHits } from './lexicon-matching.ts';
import { DEFAULT_CATEGORIES, type DefaultCategory } from './model-spec.ts';

/** A category of a workspace: an id, names in both languages, and how the base model sees it. */
export type WorkspaceCategory = {
  id: string;
  names: { ar: string; en: string };
  /** the default categories whose probability flows into this one */
  basedOn?: DefaultCategory[];
  /** words that point at this category (matched on normalised text) */
  keywords?: string[];
};

const NAMES: Record<DefaultCategory, { ar: string; en: string }> = {
  delivery: { ar: 'التوصيل', en: 'Delivery' },
  product_quality: { ar: 'جودة المنتج', en: 'Product quality' },
  billing_refunds: { ar: 'الفواتير والاسترداد', en: 'Billing and refunds' },
  ordering_checkout: { ar: 'الطلب والدفع', en: 'Ordering and checkout' },
  customer_service: { ar: 'خدمة العملاء', en: 'Customer service' },
  technical_problem: { ar: 'مشكلة تقنية', en: 'Technical problem' },
  account: { ar: 'الحساب', en: 'Account' },
  other: { ar: 'أخرى', en: 'Other' },
};

/** The default list, used when a workspace has not defined its own. */
export const DEFAULT_WORKSPACE_CATEGORIES: WorkspaceCategory[] = DEFAULT_CATEGORIES.map((id) => ({
  id,
  names: NAMES[id],
  basedOn: [id],
}));

const KEYWORD_BOOST = 0.35;
// Keyword lexicons compiled once per category object (workspaces reuse their list).
const compiledKeywords = new WeakMap<WorkspaceCategory, CompiledLexicon>();

function keywordHits(category: WorkspaceCategory, text: string): number {
  if (!category.keywords?.length) return 0;
  let lexicon = compiledKeywords.get(category);
  if (!lexicon) {
    lexicon = compileLexicon(category.keywords.map((phrase) => ({ phrase, weight: 1 })));
    compiledKeywords.set(category, lexicon);
  }
  return findLexiconHits(text, lexicon).length;
}

/** Maps base-category probabilities onto a workspace's list, plus keyword boosts (matched with
 * clitics and spelling variants); sums to 1. */
export function mapCategoryScores(
  baseProbabilities: ArrayLike<number>,
  categories: readonly WorkspaceCategory[],
  modelText: string,
): Record<string, number> {
  const scores: Record<string, number> = {};
  const claimed = new Set(categories.flatMap((category) => category.basedOn ?? []));
  const fallback = categories.find((category) => category.basedOn?.includes('other')) ?? categories.at(-1);
  for (const category of categories) {
    let score = 0;
    for (const base of category.basedOn ?? [])
      score += baseProbabilities[DEFAULT_CATEGORIES.indexOf(base)] ?? 0;
    score += KEYWORD_BOOST * keywordHits(category, modelText);
    scores[category.id] = score;
  }
  // Base categories nobody claimed flow into the fallback, so no probability is lost.
  if (fallback) {
    DEFAULT_CATEGORIES.forEach((base, i) => {
      if (!claimed.has(base)) scores[fallback.id] = (scores[fallback.id] ?? 0) + (baseProbabilities[i] ?? 0);
    });
  }
  const total = Object.values(scores).reduce((a, b) => a + b, 0) || 1;
  for (const id of Object.keys(scores)) scores[id] = (scores[id] ?? 0) / total;
  return scores;
}
