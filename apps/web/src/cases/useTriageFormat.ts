import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../i18n/index.ts';

/** Numbers of triage in the user's language: confidences as "87%", sentiment scores as "−0.82". */
export function useTriageFormat() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return useMemo(() => {
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const score = new Intl.NumberFormat(locale, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
      signDisplay: 'exceptZero',
    });
    return {
      percent: (value: number) => percent.format(value),
      score: (value: number) => score.format(value),
    };
  }, [locale]);
}
