import { NavLink } from '@mantine/core';
import { can } from '@sada/core';
import { IconChartLine, IconFileAnalytics } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink } from 'react-router';
import { useCurrentUser } from '../auth/session.ts';

/** The navigation's links to the analytics and reports pages, for analysts, supervisors and admins. */
export function AnalyticsNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation(['analytics', 'reports']);
  const role = useCurrentUser().role;
  if (!can(role, 'analytics:read')) return null;
  return (
    <>
      <NavLink
        component={RouterLink}
        to="/analytics"
        label={t('analytics:nav')}
        leftSection={<IconChartLine size={16} aria-hidden />}
        onClick={onNavigate}
      />
      <NavLink
        component={RouterLink}
        to="/reports"
        label={t('reports:nav')}
        leftSection={<IconFileAnalytics size={16} aria-hidden />}
        onClick={onNavigate}
      />
    </>
  );
}
