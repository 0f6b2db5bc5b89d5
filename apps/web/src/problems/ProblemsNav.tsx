import { NavLink } from '@mantine/core';
import { can } from '@sada/core';
import { IconBulb } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink } from 'react-router';
import { useCurrentUser } from '../auth/session.ts';

/** The navigation's link to the problems, for those who may change them (agents see a case's problem on the case). */
export function ProblemsNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation('problems');
  const role = useCurrentUser().role;
  if (!can(role, 'problem:write')) return null;
  return (
    <NavLink
      component={RouterLink}
      to="/problems"
      label={t('nav')}
      leftSection={<IconBulb size={16} aria-hidden />}
      onClick={onNavigate}
    />
  );
}
