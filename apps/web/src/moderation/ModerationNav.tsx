import { Badge, NavLink, VisuallyHidden } from '@mantine/core';
import { IconShieldExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink } from 'react-router';
import { useCurrentUser } from '../auth/session.ts';
import { useModerationQueue } from './moderation-queries.ts';

/** The navigation's link to the moderation queue, with how many items wait, for supervisors and admins. */
export function ModerationNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation('moderation');
  const role = useCurrentUser().role;
  const canDecide = role === 'admin' || role === 'supervisor';
  const queue = useModerationQueue({ status: 'open', label: null }, { enabled: canDecide });
  const waiting = queue.data?.openCount ?? 0;
  if (!canDecide) return null;
  return (
    <NavLink
      component={RouterLink}
      to="/moderation"
      label={
        <>
          {t('nav.queue')}
          {waiting > 0 && <VisuallyHidden> ({t('nav.waiting', { count: waiting })})</VisuallyHidden>}
        </>
      }
      leftSection={<IconShieldExclamation size={16} aria-hidden />}
      rightSection={
        waiting > 0 && (
          <Badge size="sm" variant="filled" color="red.9" aria-hidden data-testid="moderation-count">
            {waiting}
          </Badge>
        )
      }
      onClick={onNavigate}
    />
  );
}
