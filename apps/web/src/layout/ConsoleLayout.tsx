import {
  AppShell,
  Badge,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconChevronDown, IconSettings, IconUsers } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, NavLink as RouterLink, useNavigate } from 'react-router';
import { AnalyticsNav } from '../analytics/AnalyticsNav.tsx';
import { useCurrentUser, useLogout } from '../auth/session.ts';
import { CompensationNav } from '../compensation/CompensationNav.tsx';
import { InboxSearch } from '../inbox/InboxSearch.tsx';
import { ViewNav } from '../inbox/ViewNav.tsx';
import { useLive } from '../live/LiveProvider.tsx';
import { ModerationNav } from '../moderation/ModerationNav.tsx';
import { ProblemsNav } from '../problems/ProblemsNav.tsx';
import { StoriesNav } from '../stories/StoriesNav.tsx';
import { LoadingState } from '../ui/states.tsx';
import { AvailabilitySwitch } from './AvailabilitySwitch.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NotificationsBell } from './NotificationsBell.tsx';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';

/** The signed-in frame: header, navigation with the inbox views, and the page. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const live = useLive();
  const [isNavOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const [isHelpOpen, { open: openHelp, close: closeHelp }] = useDisclosure(false);
  useHotkeys([['shift+?', openHelp]]);
  const isAdminArea = user.role === 'admin' || user.role === 'supervisor';

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
      padding={0}
    >
      <a href="#main" className="sada-skip-link">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={isNavOpen}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.openMenu')}
            />
            <Text fw={700} size="lg" component="span">
              {t('appName')}
            </Text>
            <Badge
              variant="dot"
              color={live.status === 'open' ? 'teal' : live.status === 'connecting' ? 'yellow' : 'red'}
              title={live.status === 'closed' ? t('live.offline') : undefined}
              data-testid="live-status"
              data-status={live.status}
            >
              {live.status === 'open' ? t('live.connected') : t('live.reconnecting')}
            </Badge>
          </Group>
          <InboxSearch />
          <Group gap="xs" wrap="nowrap">
            <AvailabilitySwitch />
            <NotificationsBell />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                {/* The visible name is part of the button's name, as speech users say what they see. */}
                <UnstyledButton data-testid="user-menu">
                  <Group gap={4} wrap="nowrap">
                    <VisuallyHidden>{t('user.menu')}: </VisuallyHidden>
                    <Text size="sm" fw={500}>
                      {user.name}
                    </Text>
                    <IconChevronDown size={14} aria-hidden />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  {t('user.role')}: {t(`role.${user.role}`)}
                </Menu.Label>
                <Menu.Item closeMenuOnClick={false} component="div">
                  <LanguageSwitch />
                </Menu.Item>
                <Menu.Item onClick={openHelp}>{t('shortcuts.title')}</Menu.Item>
                <Menu.Divider />
                <Menu.Item
                  color="red"
                  onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}
                >
                  {t('user.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.mainNavigation')}>
        <AppShell.Section grow component={ScrollArea}>
          <ViewNav onNavigate={closeNav} />
        </AppShell.Section>
        <AppShell.Section>
          <NavLink
            component={RouterLink}
            to="/customers"
            label={t('nav.customers')}
            leftSection={<IconUsers size={16} aria-hidden />}
            onClick={closeNav}
          />
          <CompensationNav onNavigate={closeNav} />
          <ModerationNav onNavigate={closeNav} />
          <StoriesNav onNavigate={closeNav} />
          <AnalyticsNav onNavigate={closeNav} />
          <ProblemsNav onNavigate={closeNav} />
          {isAdminArea && (
            <NavLink
              component={RouterLink}
              to="/admin"
              label={t('nav.admin')}
              leftSection={<IconSettings size={16} aria-hidden />}
              onClick={closeNav}
            />
          )}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <ShortcutsHelp opened={isHelpOpen} onClose={closeHelp} />
    </AppShell>
  );
}
