import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../i18n/index.ts';
import type { CompensationStatus } from './compensation-queries.ts';

/** Types that carry an amount of money (as MONETARY_COMPENSATION_TYPES of the contracts, without loading zod). */
export const MONETARY_TYPES: ReadonlySet<string> = new Set([
  'refund',
  'discount',
  'voucher',
  'service_credit',
]);

/** Badge colours of a compensation's status (the status is always written beside it too). */
export const COMPENSATION_COLOURS: Record<CompensationStatus, string> = {
  pending_approval: 'orange',
  approved: 'teal',
  rejected: 'red',
  given: 'teal',
  cancelled: 'gray',
};

type Priced = { type: string; amount: number | null; currency: string | null };

/** Amounts in the user's language ("SAR 250.00", "250.00 ر.س.") and compensation in words. */
export function useMoney() {
  const { i18n, t } = useTranslation('compensation');
  const locale = localeOf(i18n.language);
  return useMemo(() => {
    const format = (amount: number, currency: string) => {
      try {
        return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
      } catch {
        // Not a code Intl knows: the number and the code as written.
        return t('amount', { amount: new Intl.NumberFormat(locale).format(amount), currency });
      }
    };
    const typeName = (type: string) => t(`type.${type as 'refund'}`, type);
    return {
      format,
      typeName,
      /** "Refund · SAR 300.00", or "Replacement" for compensation in kind. */
      describe: (item: Priced) =>
        item.amount !== null && item.currency
          ? `${typeName(item.type)} · ${format(item.amount, item.currency)}`
          : typeName(item.type),
      /** "SAR 250.00 · USD 10.00". */
      totals: (totals: { currency: string; total: number }[]) =>
        totals.map((line) => format(line.total, line.currency)).join(' · '),
    };
  }, [locale, t]);
}
