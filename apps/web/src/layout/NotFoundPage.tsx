import { useTranslation } from 'react-i18next';
import { EmptyStateWithLink } from '../ui/EmptyStateWithLink.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyStateWithLink
      message={t('states.notFound')}
      to="/inbox/mine"
      label={t('states.backToInbox')}
      variant="light"
    />
  );
}
