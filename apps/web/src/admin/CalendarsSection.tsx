import { Badge, Button, Grid, Group, NavLink, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can } from '@sada/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../auth/session.ts';
import { arCalendars } from '../i18n/ar/calendars.ts';
import { enCalendars } from '../i18n/en/calendars.ts';
import { i18n } from '../i18n/index.ts';
import { FormError } from '../ui/FormError.tsx';
import { EmptyState, ErrorState, LoadingState } from '../ui/states.tsx';
import { UserText } from '../ui/UserText.tsx';
import { ReadOnlyNote } from './AdminParts.tsx';
import { CalendarEditor } from './calendars/CalendarEditor.tsx';
import { type CalendarList, useCalendars, useChooseCalendar } from './calendars/calendar-queries.ts';

// Like the other admin strings, these travel with the admin pages, outside the initial bundle.
i18n.addResourceBundle('en', 'calendars', enCalendars);
i18n.addResourceBundle('ar', 'calendars', arCalendars);

const NEW = 'new';
const ALWAYS_OPEN = 'always-open';

/**
 * Business hours: which calendar the workspace and each team follow, the calendars on one side and
 * the open one on the other (?calendar=…). Admins change them; supervisors read them.
 */
export function CalendarsSection() {
  const { t } = useTranslation('calendars');
  const me = useCurrentUser();
  const calendars = useCalendars();
  const canWrite = can(me.role, 'workspace:admin');
  const [searchParams, setSearchParams] = useSearchParams();
  const openId = searchParams.get('calendar');
  const open = (id: string | null) => setSearchParams(id ? { calendar: id } : {}, { replace: true });

  if (calendars.isPending) return <LoadingState />;
  if (calendars.isError)
    return <ErrorState error={calendars.error} onRetry={() => void calendars.refetch()} />;
  const items = calendars.data.items;
  const selected = items.find((calendar) => calendar.id === openId);

  return (
    <Stack gap="md" component="section" aria-labelledby="admin-calendars-title">
      <Group justify="space-between">
        <div>
          <Title order={2} size="h3" id="admin-calendars-title">
            {t('title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('subtitle')}
          </Text>
        </div>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open(NEW)}>
            {t('add')}
          </Button>
        )}
      </Group>
      {!canWrite && <ReadOnlyNote>{t('adminOnly')}</ReadOnlyNote>}
      <CalendarChoice list={calendars.data} canWrite={canWrite} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          {items.length === 0 ? (
            <EmptyState message={t('empty')} />
          ) : (
            <Paper withBorder p={4} component="nav" aria-label={t('listLabel')}>
              {items.map((calendar) => (
                <NavLink
                  key={calendar.id}
                  component="button"
                  type="button"
                  label={<UserText>{calendar.name}</UserText>}
                  description={<span dir="ltr">{calendar.timeZone}</span>}
                  rightSection={
                    calendar.isAlwaysOpen ? <Badge size="xs">{t('alwaysOpenBadge')}</Badge> : null
                  }
                  active={calendar.id === openId}
                  aria-current={calendar.id === openId ? 'true' : undefined}
                  onClick={() => open(calendar.id)}
                />
              ))}
            </Paper>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {openId === NEW && canWrite ? (
            <CalendarEditor
              key={NEW}
              calendar={null}
              defaultTimeZone={me.workspace.timeZone}
              canWrite
              onSaved={open}
              onClosed={() => open(null)}
            />
          ) : selected ? (
            <CalendarEditor
              key={`${selected.id}:${selected.updatedAt}`}
              calendar={selected}
              defaultTimeZone={selected.timeZone}
              canWrite={canWrite}
              onSaved={open}
              onClosed={() => open(null)}
            />
          ) : (
            <EmptyState message={openId ? t('notFound') : t('pick')} />
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The workspace's calendar and each team's, saved as soon as one is picked. */
function CalendarChoice({ list, canWrite }: { list: CalendarList; canWrite: boolean }) {
  const { t } = useTranslation('calendars');
  const choose = useChooseCalendar();
  const calendarOptions = list.items.map((calendar) => ({ value: calendar.id, label: calendar.name }));
  const pick = (teamId: string | null, value: string | null) =>
    choose.mutate(
      { teamId, calendarId: value === ALWAYS_OPEN || value === null ? null : value },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('choice.saved') }) },
    );
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('choice.title')}
        </Title>
        <Select
          label={t('choice.workspace')}
          description={t('choice.workspaceHint')}
          data={[{ value: ALWAYS_OPEN, label: t('choice.alwaysOpen') }, ...calendarOptions]}
          value={list.workspaceCalendarId ?? ALWAYS_OPEN}
          onChange={(value) => pick(null, value)}
          allowDeselect={false}
          readOnly={!canWrite}
          maw={360}
        />
        {list.teams.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('choice.noTeams')}
          </Text>
        ) : (
          <Table withTableBorder maw={600}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('choice.team')}</Table.Th>
                <Table.Th>{t('choice.teamCalendar')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.teams.map((team) => (
                <Table.Tr key={team.id}>
                  <Table.Td>
                    <UserText>{team.name}</UserText>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={`${t('choice.teamCalendar')}: ${team.name}`}
                      data={[{ value: ALWAYS_OPEN, label: t('choice.followsWorkspace') }, ...calendarOptions]}
                      value={team.calendarId ?? ALWAYS_OPEN}
                      onChange={(value) => pick(team.id, value)}
                      allowDeselect={false}
                      readOnly={!canWrite}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <FormError error={choose.error} />
      </Stack>
    </Paper>
  );
}
