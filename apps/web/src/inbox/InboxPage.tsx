import { useTranslation } from 'react-i18next';

/** The case list of one view — to be built. */
export function InboxPage() {
  const { t } = useTranslation('inbox');
  return <h1>{t('title')}</h1>;
}
