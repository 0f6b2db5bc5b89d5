import { NavLink } from '@mantine/core';
import { IconStars } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink } from 'react-router';
import { useCurrentUser } from '../auth/session.ts';

/** The navigation's link to the success stories, for supervisors and admins. */
export function StoriesNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation('stories');
  const role = useCurrentUser().role;
  if (role !== 'admin' && role !== 'supervisor') return null;
  return (
    <NavLink
      component={RouterLink}
      to="/stories"
      label={t('nav.stories')}
      leftSection={<IconStars size={16} aria-hidden />}
      onClick={onNavigate}
    />
  );
}
