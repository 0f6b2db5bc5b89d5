import { Button, Group, Stack, Title } from '@mantine/core';
import {
  IconAlarm,
  IconBroadcast,
  IconCalendarTime,
  IconCash,
  IconChartGridDots,
  IconForms,
  IconMoodSmile,
  IconRoute,
  IconSettings,
  IconSparkles,
  IconTemplate,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, NavLink as RouterLink, Routes, useLocation } from 'react-router';
import { useCurrentUser } from '../auth/session.ts';
import { arAdmin } from '../i18n/ar/admin.ts';
import { enAdmin } from '../i18n/en/admin.ts';
import { i18n } from '../i18n/index.ts';
import { NotFoundPage } from '../layout/NotFoundPage.tsx';
import { LoadingState } from '../ui/states.tsx';
import { ForbiddenState } from './AdminParts.tsx';
import { FieldsSection } from './FieldsSection.tsx';
import { TeamsSection } from './TeamsSection.tsx';
import { TemplatesSection } from './TemplatesSection.tsx';
import { TriageSection } from './TriageSection.tsx';
import { UsersSection } from './UsersSection.tsx';
import { WorkspaceSection } from './WorkspaceSection.tsx';

// The admin strings travel with the admin pages, so the initial bundle does not carry them.
i18n.addResourceBundle('en', 'admin', enAdmin);
i18n.addResourceBundle('ar', 'admin', arAdmin);

// The channels' settings are the largest section and only admins open them: a chunk of their own.
const ChannelsSection = lazy(() =>
  import('./ChannelsSection.tsx').then((module) => ({ default: module.ChannelsSection })),
);

// Routing rules: their editor and dry run, loaded when opened.
const RoutingSection = lazy(() =>
  import('./RoutingSection.tsx').then((module) => ({ default: module.RoutingSection })),
);

// Business hours and the staffing heatmap: chunks of their own too.
const CalendarsSection = lazy(() =>
  import('./CalendarsSection.tsx').then((module) => ({ default: module.CalendarsSection })),
);
const SlaSection = lazy(() => import('./SlaSection.tsx').then((module) => ({ default: module.SlaSection })));
const PolicySection = lazy(() =>
  import('../compensation/PolicySection.tsx').then((m) => ({ default: m.PolicySection })),
);
const SurveySection = lazy(() =>
  import('../surveys/SurveySection.tsx').then((m) => ({ default: m.SurveySection })),
);
const StaffingSection = lazy(() =>
  import('../staffing/StaffingSection.tsx').then((module) => ({ default: module.StaffingSection })),
);

const SECTIONS = [
  { path: 'users', icon: IconUsers, isAdminOnly: false },
  { path: 'teams', icon: IconUsersGroup, isAdminOnly: false },
  { path: 'fields', icon: IconForms, isAdminOnly: false },
  { path: 'templates', icon: IconTemplate, isAdminOnly: false },
  { path: 'triage', icon: IconSparkles, isAdminOnly: false },
  { path: 'channels', icon: IconBroadcast, isAdminOnly: true },
  { path: 'calendars', icon: IconCalendarTime, isAdminOnly: false },
  { path: 'staffing', icon: IconChartGridDots, isAdminOnly: false },
  { path: 'routing', icon: IconRoute, isAdminOnly: false },
  { path: 'sla', icon: IconAlarm, isAdminOnly: false },
  { path: 'compensation', icon: IconCash, isAdminOnly: false },
  { path: 'surveys', icon: IconMoodSmile, isAdminOnly: false },
  { path: 'workspace', icon: IconSettings, isAdminOnly: false },
] as const;

/**
 * Administration under /admin: users, teams, custom fields, reply templates, triage, channels and
 * workspace settings. Admins change everything; supervisors manage templates and read the rest
 * (channels are for admins only). Loaded on demand.
 */
export function AdminPage() {
  const { t } = useTranslation('admin');
  const user = useCurrentUser();
  const location = useLocation();
  if (user.role !== 'admin' && user.role !== 'supervisor') return <ForbiddenState />;

  const current = location.pathname.split('/')[2];
  // Supervisors land where they can change something.
  const landing = user.role === 'admin' ? 'users' : 'templates';
  return (
    <Stack p="md" gap="md">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <nav aria-label={t('sections.label')}>
        <Group gap="xs">
          {SECTIONS.filter((section) => !section.isAdminOnly || user.role === 'admin').map(
            ({ path, icon: Icon }) => (
              <Button
                key={path}
                component={RouterLink}
                to={`/admin/${path}`}
                variant={current === path ? 'light' : 'subtle'}
                color={current === path ? undefined : 'gray'}
                leftSection={<Icon size={16} aria-hidden />}
              >
                {t(`sections.${path}`)}
              </Button>
            ),
          )}
        </Group>
      </nav>
      <Routes>
        <Route index element={<Navigate to={landing} replace />} />
        <Route path="users" element={<UsersSection />} />
        <Route path="teams" element={<TeamsSection />} />
        <Route path="fields" element={<FieldsSection />} />
        <Route path="templates" element={<TemplatesSection />} />
        <Route path="triage" element={<TriageSection />} />
        <Route
          path="channels"
          element={
            <Suspense fallback={<LoadingState />}>
              <ChannelsSection />
            </Suspense>
          }
        />
        <Route
          path="routing"
          element={
            <Suspense fallback={<LoadingState />}>
              <RoutingSection />
            </Suspense>
          }
        />
        <Route
          path="calendars"
          element={
            <Suspense fallback={<LoadingState />}>
              <CalendarsSection />
            </Suspense>
          }
        />
        <Route
          path="staffing"
          element={
            <Suspense fallback={<LoadingState />}>
              <StaffingSection />
            </Suspense>
          }
        />
        <Route
          path="sla"
          element={
            <Suspense fallback={<LoadingState />}>
              <SlaSection />
            </Suspense>
          }
        />
        <Route
          path="compensation"
          element={
            <Suspense fallback={<LoadingState />}>
              <PolicySection />
            </Suspense>
          }
        />
        <Route
          path="surveys"
          element={
            <Suspense fallback={<LoadingState />}>
              <SurveySection />
            </Suspense>
          }
        />
        <Route path="workspace" element={<WorkspaceSection />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Stack>
  );
}
