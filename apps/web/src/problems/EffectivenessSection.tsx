import { Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useFormatters } from '../ui/format.ts';
import { ErrorState, LoadingState } from '../ui/states.tsx';
import { useEffectiveness } from './problem-queries.ts';

/** The problem's complaints per week before and after the action date, with the rates side by side. */
export function EffectivenessSection({ problemId }: { problemId: string }) {
  const { t, i18n } = useTranslation('problems');
  const format = useFormatters();
  const report = useEffectiveness(problemId);
  const isRtl = i18n.dir() === 'rtl';
  const dayMonth = new Intl.DateTimeFormat(format.locale, { day: 'numeric', month: 'short' });
  const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 1 });
  const decimal = new Intl.NumberFormat(format.locale, { maximumFractionDigits: 2 });
  const data =
    report.data?.points.map((point) => ({
      label: dayMonth.format(new Date(point.t)),
      matching: point.matching,
      total: point.total,
    })) ?? [];
  const firstAfter = report.data?.points.findIndex((point) => point.isAfter) ?? -1;
  const actionLabel = firstAfter >= 0 ? data[firstAfter]?.label : undefined;
  const actionAt = report.data?.actionAt;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="effectiveness-title">
      <Title order={2} size="h4" id="effectiveness-title">
        {t('effectiveness.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {actionAt ? t('effectiveness.intro') : t('effectiveness.noAction')}
      </Text>
      {report.isPending ? (
        <LoadingState />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          <div
            role="img"
            aria-label={t('effectiveness.chartLabel', { date: actionAt ? format.date(actionAt) : '—' })}
            style={{ width: '100%', height: 260 }}
            // The chart lays its own text out; time runs right to left through the reversed axis.
            dir="ltr"
            data-testid="effectiveness-chart"
          >
            <ResponsiveContainer>
              <ComposedChart data={data} margin={{ top: 24, right: 16, bottom: 8, left: 16 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" reversed={isRtl} />
                <YAxis allowDecimals={false} orientation={isRtl ? 'right' : 'left'} />
                <Tooltip />
                <Legend />
                <Bar
                  dataKey="matching"
                  name={t('effectiveness.matching')}
                  fill="#c92a2a"
                  isAnimationActive={false}
                />
                <Line
                  type="linear"
                  dataKey="total"
                  name={t('effectiveness.total')}
                  stroke="#868e96"
                  strokeDasharray="4 4"
                  dot={false}
                  isAnimationActive={false}
                />
                {actionLabel && (
                  <ReferenceLine
                    x={actionLabel}
                    stroke="#1971c2"
                    strokeWidth={2}
                    label={{ value: t('effectiveness.actionLine'), position: 'top', fill: '#1971c2' }}
                  />
                )}
              </ComposedChart>
            </ResponsiveContainer>
          </div>
          {report.data.before && report.data.after && (
            <SimpleGrid cols={3} mt="sm" data-testid="effectiveness-figures">
              {(['before', 'after'] as const).map((side) => {
                const rate = report.data[side]!;
                return (
                  <div key={side} data-testid={`effectiveness-${side}`}>
                    <Text size="sm" fw={600}>
                      {t(`effectiveness.${side}`)} ({t('effectiveness.weeks', { count: rate.weeks })})
                    </Text>
                    <Text size="sm">
                      {rate.perWeek === null
                        ? t('effectiveness.noFullWeek')
                        : t('effectiveness.perWeek', { value: decimal.format(rate.perWeek) })}
                    </Text>
                    {rate.share !== null && (
                      <Text size="xs" c="dimmed">
                        {t('effectiveness.share', { value: percent.format(rate.share) })}
                      </Text>
                    )}
                  </div>
                );
              })}
              <Group gap={4} align="flex-start" data-testid="effectiveness-change">
                <Text size="sm" fw={600}>
                  {t('effectiveness.change')}:
                </Text>
                <Text
                  size="sm"
                  c={report.data.change !== null && report.data.change < 0 ? 'teal.9' : 'red.9'}
                >
                  <bdi dir="ltr">
                    {report.data.change === null ? '—' : percent.format(report.data.change)}
                  </bdi>
                </Text>
              </Group>
            </SimpleGrid>
          )}
        </>
      )}
    </Paper>
  );
}
