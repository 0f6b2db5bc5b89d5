import { Badge, NavLink, VisuallyHidden } from '@mantine/core';
import { IconCash, IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink } from 'react-router';
import { useCurrentUser } from '../auth/session.ts';
import { usePendingCompensation } from './compensation-queries.ts';

/** The navigation's links to approvals (with how many wait) and the compensation ledger, for those who use them. */
export function CompensationNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation('compensation');
  const role = useCurrentUser().role;
  const canApprove = role === 'admin' || role === 'supervisor';
  const pending = usePendingCompensation({ enabled: canApprove });
  const waiting = pending.data?.length ?? 0;
  if (role === 'agent') return null;
  return (
    <>
      {canApprove && (
        <NavLink
          component={RouterLink}
          to="/approvals"
          label={
            <>
              {t('nav.approvals')}
              {waiting > 0 && (
                <VisuallyHidden> ({t('nav.approvalsWaiting', { count: waiting })})</VisuallyHidden>
              )}
            </>
          }
          leftSection={<IconChecklist size={16} aria-hidden />}
          rightSection={
            waiting > 0 && (
              <Badge size="sm" variant="filled" color="orange.9" aria-hidden data-testid="approvals-count">
                {waiting}
              </Badge>
            )
          }
          onClick={onNavigate}
        />
      )}
      <NavLink
        component={RouterLink}
        to="/compensation"
        label={t('nav.ledger')}
        leftSection={<IconCash size={16} aria-hidden />}
        onClick={onNavigate}
      />
    </>
  );
}
