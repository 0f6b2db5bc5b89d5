import { useTranslation } from 'react-i18next';

/** Administration: users, teams, fields, templates, workspace settings — to be built. Loaded on demand. */
export function AdminPage() {
  const { t } = useTranslation('admin');
  return <h1>{t('title')}</h1>;
}
