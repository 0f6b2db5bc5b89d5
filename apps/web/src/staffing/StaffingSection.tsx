import { Group, NumberInput, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../admin/admin-queries.ts';
import { type StaffingGrid, useStaffing } from '../admin/calendars/calendar-queries.ts';
import { arCalendars } from '../i18n/ar/calendars.ts';
import { enCalendars } from '../i18n/en/calendars.ts';
import { i18n } from '../i18n/index.ts';
import { ErrorState, LoadingState } from '../ui/states.tsx';

i18n.addResourceBundle('en', 'calendars', enCalendars);
i18n.addResourceBundle('ar', 'calendars', arCalendars);

const WEEK_CHOICES = ['1', '2', '4', '8', '12'];
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const DAYS = [0, 1, 2, 3, 4, 5, 6];

/**
 * The staffing hint for supervisors and admins: agents needed (Erlang C) against agents on shift, by
 * weekday (columns, Sunday first, so on the right in Arabic) and hour (rows).
 */
export function StaffingSection() {
  const { t } = useTranslation('calendars');
  const teams = useTeams();
  const [weeks, setWeeks] = useState('4');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [handleMinutes, setHandleMinutes] = useState<number>(10);
  const [debouncedMinutes] = useDebouncedValue(handleMinutes, 400);
  const staffing = useStaffing({ weeks: Number(weeks), teamId, handleMinutes: debouncedMinutes });

  return (
    <Stack gap="md" component="section" aria-labelledby="admin-staffing-title">
      <div>
        <Title order={2} size="h3" id="admin-staffing-title">
          {t('staffing.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('staffing.subtitle')}
        </Text>
      </div>
      <Group align="flex-end" gap="md">
        <Select
          label={t('staffing.weeks')}
          data={WEEK_CHOICES}
          value={weeks}
          onChange={(value) => value && setWeeks(value)}
          allowDeselect={false}
          w={140}
        />
        <Select
          label={t('staffing.team')}
          placeholder={t('staffing.allTeams')}
          data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          value={teamId}
          onChange={setTeamId}
          clearable
          w={220}
        />
        <NumberInput
          label={t('staffing.handleMinutes')}
          description={t('staffing.handleMinutesHint')}
          min={1}
          max={480}
          value={handleMinutes}
          onChange={(value) => typeof value === 'number' && value >= 1 && setHandleMinutes(value)}
          w={220}
        />
      </Group>
      {staffing.isPending ? (
        <LoadingState />
      ) : staffing.isError ? (
        <ErrorState error={staffing.error} onRetry={() => void staffing.refetch()} />
      ) : (
        <Heatmap grid={staffing.data} />
      )}
    </Stack>
  );
}

function Heatmap({ grid }: { grid: StaffingGrid }) {
  const { t } = useTranslation('calendars');
  const days = t('shortDays', { returnObjects: true }) as string[];
  const cellOf = (day: number, hour: number) => grid.cells[day * 24 + hour];
  const busiest = Math.max(1, ...grid.cells.map((cell) => cell.agentsNeeded));
  const hasCases = grid.cells.some((cell) => cell.arrivalsPerHour > 0);
  return (
    <Stack gap="xs">
      <Text size="sm">
        {t('staffing.summary', {
          timeZone: grid.timeZone,
          target: grid.targetMinutes,
          level: Math.round(grid.serviceLevel * 100),
        })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('staffing.legend')}
      </Text>
      {!hasCases && <Text size="sm">{t('staffing.noCases')}</Text>}
      <Paper withBorder style={{ overflowX: 'auto' }}>
        <Table
          aria-label={t('staffing.heatmapLabel')}
          verticalSpacing={2}
          horizontalSpacing={4}
          data-testid="staffing-heatmap"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staffing.hour')}</Table.Th>
              {DAYS.map((day) => (
                <Table.Th key={day} ta="center">
                  {days[day]}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {HOURS.map((hour) => (
              <Table.Tr key={hour}>
                <Table.Th scope="row" dir="ltr" fw={400}>
                  {`${String(hour).padStart(2, '0')}:00`}
                </Table.Th>
                {DAYS.map((day) => {
                  const cell = cellOf(day, hour);
                  if (!cell) return <Table.Td key={day} />;
                  const isShort = cell.agentsScheduled < cell.agentsNeeded;
                  const label = t('staffing.cell', {
                    needed: cell.agentsNeeded,
                    scheduled: cell.agentsScheduled,
                    arrivals: Math.round(cell.arrivalsPerHour * 10) / 10,
                  });
                  return (
                    <Table.Td
                      key={day}
                      ta="center"
                      title={isShort ? `${label} · ${t('staffing.understaffed')}` : label}
                      data-testid={`staffing-${day}-${hour}`}
                      data-short={isShort || undefined}
                      style={{
                        background: `rgba(230, 119, 0, ${(0.75 * cell.agentsNeeded) / busiest})`,
                        outline: isShort ? '2px solid var(--mantine-color-red-6)' : undefined,
                        outlineOffset: -2,
                        fontVariantNumeric: 'tabular-nums',
                      }}
                    >
                      <span dir="ltr">{`${cell.agentsNeeded} / ${cell.agentsScheduled}`}</span>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
