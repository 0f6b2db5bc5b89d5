import { describe, expect, it } from 'vitest';
import { indexTerms, type ReplyCandidate, suggestReplies } from './reply-suggestions.ts';

const candidate = (
  id: string,
  matchText: string,
  source: ReplyCandidate['source'] = 'resolved_case',
): ReplyCandidate => ({
  id,
  source,
  matchText,
  reply: `reply for ${id}`,
});

const arabicCases = (): ReplyCandidate[] => [
  candidate('late-delivery', 'تأخر توصيل الطلب أكثر من أسبوع والمندوب لا يرد'),
  candidate('double-charge', 'تم خصم المبلغ مرتين من البطاقة وأريد استرداد المبلغ'),
  candidate('app-crash', 'التطبيق يتوقف ويغلق عند فتح سلة المشتريات'),
  candidate('password', 'نسيت كلمة المرور ولا تصلني رسالة الاستعادة'),
  candidate('broken-item', 'وصل المنتج مكسور والتغليف سيء', 'template'),
];

describe('suggestReplies', () => {
  it('ranks the resolved case about a late delivery first for a Gulf paraphrase', () => {
    const top = suggestReplies('طلبي متأخر والمندوب ما يرد على الجوال', arabicCases());
    expect(top[0]?.id).toBe('late-delivery');
  });

  it('matches through elongation, hamza variants and diacritics', () => {
    const top = suggestReplies('انخصم المبلــــغ مرررتين ابي اِسْتِرداد', arabicCases());
    expect(top[0]?.id).toBe('double-charge');
    expect(suggestReplies('اريد استرداد المبلغ', arabicCases())[0]?.id).toBe('double-charge');
  });

  it('matches through clitics: والتطبيق and بالتطبيق find التطبيق', () => {
    expect(suggestReplies('مشكلة بالتطبيق، يغلق لوحده', arabicCases())[0]?.id).toBe('app-crash');
  });

  it('returns at most three suggestions, best first, and nothing unrelated', () => {
    const top = suggestReplies(
      'المنتج وصل مكسور، والمبلغ انخصم مرتين، والتطبيق يغلق، والطلب متأخر',
      arabicCases(),
    );
    expect(top).toHaveLength(3);
    expect(top[0]!.score).toBeGreaterThanOrEqual(top[1]!.score);
    expect(suggestReplies('مرحبا كيف الحال', arabicCases())).toEqual([]);
  });

  it('works for English with plural and tense variants', () => {
    const cases = [
      candidate('refund', 'refund for a cancelled order'),
      candidate('login', 'cannot log in to my account'),
    ];
    expect(suggestReplies('I cancelled my orders, where are the refunds?', cases)[0]?.id).toBe('refund');
  });

  it('indexes Arabic words without their article and common suffixes', () => {
    expect(indexTerms('والمنتجات بالتطبيق')).toEqual(['منتج', 'تطبيق']);
  });
});
