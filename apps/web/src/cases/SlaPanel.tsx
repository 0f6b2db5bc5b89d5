import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { SlaStatus } from '@sada/core';
import { useTranslation } from 'react-i18next';
import { slaDuration } from '../inbox/CaseRow.tsx';
import { useFormatters } from '../ui/format.ts';
import type { CaseDetail } from './case-types.ts';

const STATUS_COLOURS: Record<SlaStatus, string> = {
  running: 'blue',
  paused: 'gray',
  met: 'teal',
  breached: 'red',
};

/**
 * The case's SLA clocks: each target with its due time, whether it was met or breached, and by how
 * much (business time on the policy's calendar). Loaded with the case page's side panel.
 */
export function SlaPanel({ caseDetail }: { caseDetail: CaseDetail }) {
  const { t } = useTranslation('sla');
  const format = useFormatters();
  if (caseDetail.sla.length === 0) return null;
  const units = {
    d: (count: number) => t('units.d', { count }),
    h: (count: number) => t('units.h', { count }),
    m: (count: number) => t('units.m', { count }),
  };
  const duration = (seconds: number) => slaDuration(seconds, units);
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="case-sla-title" data-testid="sla-panel">
      <Title order={2} size="h5" id="case-sla-title" mb="xs">
        {t('panel.title')}
      </Title>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {caseDetail.sla.map((clock) => {
          const standing =
            clock.status === 'met'
              ? clock.secondsLeft
                ? t('panel.metBy', { time: duration(clock.secondsLeft) })
                : t('panel.metOnTime')
              : clock.status === 'breached'
                ? t('panel.overBy', { time: duration(clock.secondsOver ?? 0) })
                : t('panel.leftBy', { time: duration(clock.secondsLeft ?? 0) });
          return (
            <li key={clock.target} data-sla-target={clock.target} data-sla-status={clock.status}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" fw={600}>
                  {t(`target.${clock.target}`)}
                </Text>
                <Badge variant="light" color={STATUS_COLOURS[clock.status]}>
                  {t(`status.${clock.status}`)}
                </Badge>
              </Group>
              <Text size="xs">
                {clock.dueAt ? t('panel.due', { date: format.dateTime(clock.dueAt) }) : t('panel.pausedDue')}
              </Text>
              <Text size="xs" c={clock.status === 'breached' ? 'red.9' : undefined}>
                {standing}
                {clock.escalationLevel > 0 &&
                  ` · ${clock.escalationLevel === 2 ? t('panel.escalated') : t('panel.warned')}`}
              </Text>
            </li>
          );
        })}
      </Stack>
      <Text size="xs" c="dimmed" mt="xs">
        {t('panel.businessTime')}
      </Text>
    </Paper>
  );
}
