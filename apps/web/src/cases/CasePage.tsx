import { useTranslation } from 'react-i18next';

/** One case: conversation, composer, fields, timeline and the customer panel — to be built. */
export function CasePage() {
  const { t } = useTranslation('case');
  return <h1>{t('title')}</h1>;
}
