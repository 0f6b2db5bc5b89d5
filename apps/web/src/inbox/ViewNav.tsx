import { ActionIcon, Badge, Group, Menu, NavLink, Text } from '@mantine/core';
import { can } from '@sada/core';
import {
  IconAlarm,
  IconCircleCheck,
  IconClock,
  IconDots,
  IconInbox,
  IconListDetails,
  IconPlus,
  IconStack2,
  IconUserCircle,
  IconUserOff,
  IconUsersGroup,
} from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { useCurrentUser } from '../auth/session.ts';
import { useFormatters } from '../ui/format.ts';
import { UserText } from '../ui/UserText.tsx';
import { useTrackCaseChanges } from './case-changes.ts';
import { type SavedView, useCurrentInbox, useSavedViews, useViewCounts } from './inbox-data.ts';
import { BUILT_IN_KEYS, type BuiltInKey } from './inbox-filters.ts';

const SavedViewModal = lazy(() =>
  import('./SavedViewModal.tsx').then((module) => ({ default: module.SavedViewModal })),
);

const ICONS: Record<BuiltInKey, typeof IconInbox> = {
  mine: IconUserCircle,
  unassigned: IconUserOff,
  open: IconInbox,
  breaching: IconAlarm,
  pending: IconClock,
  resolved: IconCircleCheck,
  all: IconStack2,
};

/** The inbox views with their live counters, then the saved views (create, edit, delete). */
export function ViewNav({ onNavigate }: { onNavigate?: () => void }) {
  useTrackCaseChanges();
  const { t } = useTranslation(['inbox', 'common']);
  const user = useCurrentUser();
  const location = useLocation();
  const counts = useViewCounts();
  const saved = useSavedViews();
  const current = useCurrentInbox();
  const [editing, setEditing] = useState<{ view?: SavedView; isDeleting?: boolean } | undefined>();
  const canShare = can(user.role, 'view:share');

  const link = (key: string, label: React.ReactNode, icon: React.ReactNode) => {
    const count = counts.data?.[key];
    return (
      <NavLink
        key={key}
        component={RouterLink}
        to={`/inbox/${key}`}
        label={label}
        leftSection={icon}
        active={location.pathname === `/inbox/${key}`}
        rightSection={count !== undefined ? <Counter count={count} /> : undefined}
        onClick={onNavigate}
        data-view={key}
      />
    );
  };

  return (
    <div>
      <SectionLabel>{t('common:nav.views')}</SectionLabel>
      {BUILT_IN_KEYS.map((key) => {
        const Icon = ICONS[key];
        return link(key, t(`views.${key}`), <Icon size={16} aria-hidden />);
      })}
      <Group justify="space-between" wrap="nowrap" mt="md" pe={4}>
        <SectionLabel>{t('common:nav.savedViews')}</SectionLabel>
        <ActionIcon
          variant="subtle"
          color="dark"
          size="sm"
          aria-label={t('nav.newView')}
          title={t('nav.newView')}
          onClick={() => setEditing({})}
          data-testid="new-view"
        >
          <IconPlus size={14} aria-hidden />
        </ActionIcon>
      </Group>
      {saved.isError && (
        <Text size="xs" c="red.9" px="sm">
          {t('nav.savedUnavailable')}
        </Text>
      )}
      {saved.data?.map((view) => (
        <Group key={view.id} gap={0} wrap="nowrap">
          <div style={{ flex: 1, minWidth: 0 }}>
            {link(
              view.id,
              <UserText>{view.name}</UserText>,
              view.isShared ? (
                <IconUsersGroup size={16} aria-label={t('nav.shared')} role="img" />
              ) : (
                <IconListDetails size={16} aria-hidden />
              ),
            )}
          </div>
          {(!view.isShared || canShare) && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  color="dark"
                  size="sm"
                  aria-label={t('nav.viewActions', { name: view.name })}
                >
                  <IconDots size={14} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => setEditing({ view })}>{t('savedView.edit')}</Menu.Item>
                <Menu.Item color="red.9" onClick={() => setEditing({ view, isDeleting: true })}>
                  {t('savedView.delete')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      ))}
      {editing && (
        <Suspense fallback={null}>
          <SavedViewModal
            view={editing.view}
            isDeleting={editing.isDeleting}
            filters={current?.filters ?? {}}
            onClose={() => setEditing(undefined)}
          />
        </Suspense>
      )}
    </div>
  );
}

function SectionLabel({ children }: { children: React.ReactNode }) {
  return (
    <Text size="xs" fw={700} c="gray.7" px="sm" py={4} component="div">
      {children}
    </Text>
  );
}

function Counter({ count }: { count: number }) {
  const format = useFormatters();
  return (
    <Badge size="sm" variant="default" radius="sm" fw={600} data-testid="view-count">
      {format.number(count)}
    </Badge>
  );
}
