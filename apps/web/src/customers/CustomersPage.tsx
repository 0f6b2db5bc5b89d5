import { useTranslation } from 'react-i18next';

/** Customer search — to be built. */
export function CustomersPage() {
  const { t } = useTranslation('customer');
  return <h1>{t('title')}</h1>;
}
