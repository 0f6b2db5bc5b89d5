import { useTranslation } from 'react-i18next';

/** One customer with identities, cases and notes — to be built. */
export function CustomerPage() {
  const { t } = useTranslation('customer');
  return <h1>{t('title')}</h1>;
}
