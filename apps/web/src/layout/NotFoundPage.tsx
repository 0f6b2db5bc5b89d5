import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../ui/states.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      message={t('states.notFound')}
      action={
        <Button component={Link} to="/inbox/mine" variant="light">
          {t('states.backToInbox')}
        </Button>
      }
    />
  );
}
