import {
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { CHANNELS, can } from '@sada/core';
import { IconDownload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  CartesianGrid,
  type DotItemDotProps,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ForbiddenState } from '../admin/AdminParts.tsx';
import { toQueryString } from '../api/client.ts';
import { useCurrentUser } from '../auth/session.ts';
import { useCategoryName, useTriageSettings } from '../cases/triage-queries.ts';
import { useTeams } from '../cases/useWorkspaceLists.ts';
import { CreateProblemFromIssue } from '../problems/CreateProblemButton.tsx';
import { downloadCsv } from '../ui/download.ts';
import { useFormatters } from '../ui/format.ts';
import { ErrorState, LoadingState } from '../ui/states.tsx';
import { AlertSubscriptions } from './AlertSubscriptions.tsx';
import {
  filtersOf,
  type HandlingDimension,
  type Range,
  useBacklog,
  useEmergingIssues,
  useFieldValues,
  useHandling,
  useHeatmap,
  useSpikeAlerts,
  useVolume,
  type VolumeDimension,
} from './analytics-queries.ts';

const DAY_MS = 86_400_000;
const RANGES = { last7: 7, last30: 30, last90: 90, last365: 365 } as const;
type RangeKey = keyof typeof RANGES;
const VOLUME_DIMENSIONS: readonly VolumeDimension[] = [
  'category',
  'channel',
  'kind',
  'sentiment',
  'product',
  'region',
  'team',
];
const HANDLING_DIMENSIONS: readonly HandlingDimension[] = ['team', 'agent', 'channel'];
/** Series drawn as lines; the rest are summed into "Other" so the chart stays readable. */
const MAX_LINES = 6;
const COLOURS = ['#1c7ed6', '#e8590c', '#2b8a3e', '#c2255c', '#6741d9', '#087f5b', '#868e96'];
/** The inbox's filter for each field the chart and the tables split by. */
const INBOX_FILTER: Record<VolumeDimension | HandlingDimension, string> = {
  category: 'category',
  channel: 'channel',
  kind: 'kind',
  product: 'product',
  region: 'region',
  sentiment: 'sentiment',
  team: 'team',
  agent: 'assignee',
};

/** The inbox filter selecting the cases of some keys of a field: `none` names "not set" (null). */
function inboxFilterOf(by: VolumeDimension | HandlingDimension, keys: (string | null)[]) {
  return { [INBOX_FILTER[by]]: keys.map((key) => key ?? 'none') };
}

type PageFilters = Required<Pick<Range, 'team' | 'channel' | 'category' | 'product' | 'region'>>;

/** The last N days up to the next midnight (UTC), so a day's figures stay put while it lasts. */
function rangeOf(key: RangeKey): Range {
  const to = new Date(Math.ceil(Date.now() / DAY_MS) * DAY_MS);
  return { from: new Date(to.getTime() - RANGES[key] * DAY_MS).toISOString(), to: to.toISOString() };
}

/** The inbox's "all cases" list narrowed to the page's filters, a field's value and a creation range. */
function inboxHref(filters: Record<string, string | string[] | undefined>, from: string, to: string) {
  // The case list's creation filter is inclusive: a millisecond before the exclusive end.
  const createdTo = new Date(new Date(to).getTime() - 1).toISOString();
  return `/inbox/all${toQueryString({ ...filters, createdFrom: from, createdTo })}`;
}

/** Complaint volume over time and how cases were handled, with drill-down to the inbox and CSV. */
export function AnalyticsPage() {
  const { t, i18n } = useTranslation('analytics');
  const role = useCurrentUser().role;
  const [rangeKey, setRangeKey] = useState<RangeKey>('last30');
  const [filters, setFilters] = useState<PageFilters>({
    team: [],
    channel: [],
    category: [],
    product: [],
    region: [],
  });
  const range = useMemo<Range>(() => ({ ...rangeOf(rangeKey), ...filters }), [rangeKey, filters]);
  if (!can(role, 'analytics:read')) return <ForbiddenState />;
  return (
    <Stack p="md" gap="lg" maw={1400}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('intro')}
          </Text>
        </Stack>
        <Group align="flex-end">
          <Select
            label={t('range.label')}
            allowDeselect={false}
            value={rangeKey}
            onChange={(value) => value && setRangeKey(value as RangeKey)}
            data={(Object.keys(RANGES) as RangeKey[]).map((key) => ({
              value: key,
              label: t(`range.${key}`),
            }))}
          />
          <ScopeFilters value={filters} onChange={setFilters} range={range} />
          <Button
            component="a"
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            href={`/api/cases/export.csv${toQueryString({
              ...filtersOf(range),
              createdFrom: range.from,
              createdTo: new Date(new Date(range.to).getTime() - 1).toISOString(),
              lang: i18n.language === 'en' ? 'en' : 'ar',
            })}`}
            download
          >
            {t('exportCases')}
          </Button>
        </Group>
      </Group>
      <AlertsSection />
      <IssuesSection range={range} />
      <VolumeSection range={range} />
      <HandlingSection range={range} />
      <BacklogSection range={range} />
      <HeatmapSection range={range} />
    </Stack>
  );
}

function useKeyLabel() {
  const { t } = useTranslation(['analytics', 'common']);
  const categoryName = useCategoryName();
  return (by: VolumeDimension | HandlingDimension, key: string | null, label: string | null) => {
    if (key === null) return t('analytics:notSet');
    if (by === 'category') return categoryName(key);
    if (by === 'channel') return t(`common:channel.${key}`, { defaultValue: key });
    if (by === 'kind') return t(`common:kind.${key}`, { defaultValue: key });
    if (by === 'sentiment') return t(`common:sentiment.${key}`, { defaultValue: key });
    return label ?? key;
  };
}

function VolumeSection({ range }: { range: Range }) {
  const { t, i18n } = useTranslation('analytics');
  const navigate = useNavigate();
  const format = useFormatters();
  const keyLabel = useKeyLabel();
  const [by, setBy] = useState<VolumeDimension>('category');
  const [interval, setInterval] = useState<'day' | 'week'>('day');
  const volume = useVolume(range, by, interval);
  const isRtl = i18n.dir() === 'rtl';
  const shown = volume.data?.series.slice(0, MAX_LINES) ?? [];
  const rest = volume.data?.series.slice(MAX_LINES) ?? [];
  const lines = [
    ...shown.map((series) => ({
      id: String(series.key),
      name: keyLabel(by, series.key, series.label),
      series: [series],
    })),
    ...(rest.length > 0 ? [{ id: '__other', name: t('volume.other'), series: rest }] : []),
  ];
  const buckets = volume.data?.series[0]?.points.map((point) => point.t) ?? [];
  const dayMonth = new Intl.DateTimeFormat(format.locale, { day: 'numeric', month: 'short' });
  const data = buckets.map((start, index) => ({
    start,
    label: dayMonth.format(new Date(start)),
    ...Object.fromEntries(
      lines.map((line) => [
        line.id,
        line.series.reduce((sum, series) => sum + (series.points[index]?.count ?? 0), 0),
      ]),
    ),
  }));
  // A point counts the cases of its bucket within the range: the first week may start before it.
  const pointHref = (filter: Record<string, string[]>, index: number) => {
    const start = buckets[index]!;
    const from = Date.parse(start) < Date.parse(range.from) ? range.from : start;
    return inboxHref({ ...filtersOf(range), ...filter }, from, buckets[index + 1] ?? range.to);
  };
  // Each point opens the cases of its line (the "Other" line: all of its series) and its bucket.
  const pointDot = (line: (typeof lines)[number], colour: string) => {
    const filter = inboxFilterOf(
      by,
      line.series.map((series) => series.key),
    );
    return ({ cx, cy, index, value }: DotItemDotProps) =>
      cx === undefined || cy === undefined || !buckets[index] ? null : (
        // biome-ignore lint/a11y/noStaticElementInteractions: a pointer's shortcut; from the keyboard, the series table below opens the same cases for the range and the inbox narrows the dates
        <circle
          key={`${line.id}-${index}`}
          cx={cx}
          cy={cy}
          r={3}
          fill={colour}
          data-series={line.id}
          data-t={buckets[index]}
          data-count={value}
          style={{ cursor: 'pointer' }}
          onClick={() => void navigate(pointHref(filter, index))}
        />
      );
  };
  const exportTable = () => {
    downloadCsv(
      `volume-${by}-${interval}.csv`,
      [t(`by.${by}`), ...buckets, t('volume.total')],
      (volume.data?.series ?? []).map((series) => [
        keyLabel(by, series.key, series.label),
        ...series.points.map((point) => point.count),
        series.total,
      ]),
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="volume-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="volume-title">
          {t('volume.title')}
        </Title>
        <Group align="flex-end">
          <Select
            label={t('volume.by')}
            allowDeselect={false}
            value={by}
            onChange={(value) => value && setBy(value as VolumeDimension)}
            data={VOLUME_DIMENSIONS.map((value) => ({ value, label: t(`by.${value}`) }))}
          />
          <SegmentedControl
            aria-label={t('volume.interval')}
            value={interval}
            onChange={(value) => setInterval(value as 'day' | 'week')}
            data={[
              { value: 'day', label: t('volume.day') },
              { value: 'week', label: t('volume.week') },
            ]}
          />
          <Button variant="default" onClick={exportTable} disabled={!volume.data}>
            {t('exportTable')}
          </Button>
        </Group>
      </Group>
      {volume.isPending ? (
        <LoadingState />
      ) : volume.isError ? (
        <ErrorState error={volume.error} onRetry={() => void volume.refetch()} />
      ) : volume.data.series.length === 0 ? (
        <Text c="dimmed">{t('volume.empty')}</Text>
      ) : (
        <>
          <div
            role="img"
            aria-label={t('volume.chartLabel', { interval: t(`volume.${interval}`), by: t(`by.${by}`) })}
            style={{ width: '100%', height: 320 }}
            // The chart lays its own text out; time runs right to left through the reversed axis.
            dir="ltr"
            data-testid="volume-chart"
          >
            <ResponsiveContainer>
              <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" reversed={isRtl} />
                <YAxis allowDecimals={false} orientation={isRtl ? 'right' : 'left'} />
                <Tooltip />
                <Legend />
                {lines.map((line, index) => (
                  <Line
                    key={line.id}
                    type="monotone"
                    dataKey={line.id}
                    name={line.name}
                    stroke={COLOURS[index % COLOURS.length]}
                    strokeWidth={2}
                    dot={pointDot(line, COLOURS[index % COLOURS.length]!)}
                    // The hovered point's ring lets clicks through to the point beneath it.
                    activeDot={{ r: 5, pointerEvents: 'none' }}
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
          <Table mt="md" striped withTableBorder data-testid="volume-series">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`by.${by}`)}</Table.Th>
                <Table.Th>{t('volume.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {volume.data.series.map((series) => {
                const filter = inboxFilterOf(by, [series.key]);
                const name = keyLabel(by, series.key, series.label);
                return (
                  <Table.Tr key={String(series.key)} data-key={series.key ?? ''}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={inboxHref({ ...filtersOf(range), ...filter }, range.from, range.to)}
                      >
                        <bdi>{name}</bdi>
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{format.number(series.total)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Paper>
  );
}

function useDuration() {
  const locale = useFormatters().locale;
  return (seconds: number | null) => {
    if (seconds === null) return '—';
    const [unit, size] =
      seconds < 3600
        ? (['minute', 60] as const)
        : seconds < 172_800
          ? (['hour', 3600] as const)
          : (['day', 86_400] as const);
    return new Intl.NumberFormat(locale, {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    }).format(seconds / size);
  };
}

function HandlingSection({ range }: { range: Range }) {
  const { t } = useTranslation('analytics');
  const format = useFormatters();
  const duration = useDuration();
  const keyLabel = useKeyLabel();
  const [by, setBy] = useState<HandlingDimension>('team');
  const handling = useHandling(range, by);
  const percent = (value: number | null) =>
    value === null
      ? t('handling.none')
      : new Intl.NumberFormat(format.locale, { style: 'percent' }).format(value);
  const money = (items: { currency: string; amount: number }[]) =>
    items.length === 0
      ? t('handling.none')
      : items
          .map((item) =>
            new Intl.NumberFormat(format.locale, { style: 'currency', currency: item.currency }).format(
              item.amount,
            ),
          )
          .join(' · ');
  type Row = NonNullable<typeof handling.data>['total'];
  const cells = (row: Row) => [
    format.number(row.cases),
    format.number(row.open),
    `${duration(row.firstResponse.median)} / ${duration(row.firstResponse.p90)}`,
    `${duration(row.resolution.median)} / ${duration(row.resolution.p90)}`,
    percent(row.reopenRate),
    percent(row.sla.compliance),
    row.csat.average === null
      ? t('handling.none')
      : `${percent(row.csat.score)} (${row.csat.average.toFixed(1)})`,
    row.nps.score === null ? t('handling.none') : format.number(row.nps.score),
    money(row.compensation),
    // Accepted invitations as a share of those no longer waiting, then the two counts.
    row.privateMove.rate === null
      ? t('handling.none')
      : `${percent(row.privateMove.rate)} (${format.number(row.privateMove.accepted)}/${format.number(
          row.privateMove.invited - row.privateMove.waiting,
        )})`,
  ];
  const columns = [
    t('handling.cases'),
    t('handling.open'),
    t('handling.firstResponse'),
    t('handling.resolution'),
    t('handling.reopenRate'),
    t('handling.sla'),
    t('handling.csat'),
    t('handling.nps'),
    t('handling.compensation'),
    t('handling.privateMove'),
  ];
  const exportTable = () => {
    if (!handling.data) return;
    const line = (name: string, row: Row) => [
      name,
      row.cases,
      row.open,
      row.firstResponse.median,
      row.firstResponse.p90,
      row.resolution.median,
      row.resolution.p90,
      row.reopenRate,
      row.sla.compliance,
      row.csat.average,
      row.csat.score,
      row.nps.score,
      row.compensation.map((item) => `${item.amount} ${item.currency}`).join('; '),
      row.privateMove.invited,
      row.privateMove.accepted,
      row.privateMove.waiting,
      row.privateMove.rate,
    ];
    const header = [
      t(`by.${by}`),
      'cases',
      'open',
      'first_response_median_s',
      'first_response_p90_s',
      'resolution_median_s',
      'resolution_p90_s',
      'reopen_rate',
      'sla_compliance',
      'csat_average',
      'csat_score',
      'nps',
      'compensation',
      'private_invited',
      'private_accepted',
      'private_waiting',
      'private_acceptance_rate',
    ];
    downloadCsv(`handling-${by}.csv`, header, [
      ...handling.data.rows.map((row) => line(keyLabel(by, row.key, row.label), row)),
      line(t('handling.total'), handling.data.total),
    ]);
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="handling-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="handling-title">
          {t('handling.title')}
        </Title>
        <Group align="flex-end">
          <SegmentedControl
            aria-label={t('handling.by')}
            value={by}
            onChange={(value) => setBy(value as HandlingDimension)}
            data={HANDLING_DIMENSIONS.map((value) => ({ value, label: t(`by.${value}`) }))}
          />
          <Button variant="default" onClick={exportTable} disabled={!handling.data}>
            {t('exportTable')}
          </Button>
        </Group>
      </Group>
      {handling.isPending ? (
        <LoadingState />
      ) : handling.isError ? (
        <ErrorState error={handling.error} onRetry={() => void handling.refetch()} />
      ) : handling.data.total.cases === 0 ? (
        <Text c="dimmed">{t('handling.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped withTableBorder data-testid="handling-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`by.${by}`)}</Table.Th>
                {columns.map((column) => (
                  <Table.Th key={column}>{column}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {handling.data.rows.map((row) => {
                const filter = inboxFilterOf(by, [row.key]);
                const name = keyLabel(by, row.key, row.label);
                return (
                  <Table.Tr key={String(row.key)} data-key={row.key ?? ''}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={inboxHref({ ...filtersOf(range), ...filter }, range.from, range.to)}
                      >
                        <bdi>{name}</bdi>
                      </Anchor>
                    </Table.Td>
                    {cells(row).map((cell, index) => (
                      <Table.Td key={columns[index]}>{cell}</Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
              <Table.Tr fw={700} data-key="total">
                <Table.Td>{t('handling.total')}</Table.Td>
                {cells(handling.data.total).map((cell, index) => (
                  <Table.Td key={columns[index]}>{cell}</Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** Sunday 4 January 2026 and the six days after it: weekday names in the reader's language. */
const weekdayNames = (locale: string) =>
  Array.from({ length: 7 }, (_, day) =>
    new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2026, 0, 4 + day)),
    ),
  );

/**
 * A cell's shade by its share of the busiest hour, and its text black or white, whichever keeps a
 * contrast of 4.5:1 on that shade (the switch where both do).
 */
function heatStyle(count: number, max: number) {
  if (count === 0) return undefined;
  const alpha = 0.15 + 0.85 * (count / max);
  return { background: `rgba(16, 70, 140, ${alpha})`, color: alpha >= 0.75 ? 'white' : 'black' };
}

function HeatmapSection({ range }: { range: Range }) {
  const { t } = useTranslation('analytics');
  const format = useFormatters();
  const heatmap = useHeatmap(range);
  const days = weekdayNames(format.locale);
  const hours = Array.from({ length: 24 }, (_, hour) => hour);
  const max = Math.max(1, ...(heatmap.data?.counts.flat() ?? [0]));
  const cellHref = (weekday: number, hour: number) =>
    inboxHref(
      { ...filtersOf(range), weekday: [String(weekday)], hour: [String(hour)] },
      range.from,
      range.to,
    );
  const exportTable = () => {
    if (!heatmap.data) return;
    downloadCsv(
      'peak-hours.csv',
      [t('heatmap.weekday'), ...hours.map(String)],
      heatmap.data.counts.map((counts, day) => [days[day], ...counts]),
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="heatmap-title">
      <Group justify="space-between" mb="sm">
        <Stack gap={2}>
          <Title order={2} size="h3" id="heatmap-title">
            {t('heatmap.title')}
          </Title>
          {heatmap.data && (
            <Text size="sm" c="dimmed">
              {t('heatmap.intro', { zone: heatmap.data.timeZone })}
            </Text>
          )}
        </Stack>
        <Button variant="default" onClick={exportTable} disabled={!heatmap.data}>
          {t('exportTable')}
        </Button>
      </Group>
      {heatmap.isPending ? (
        <LoadingState />
      ) : heatmap.isError ? (
        <ErrorState error={heatmap.error} onRetry={() => void heatmap.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder verticalSpacing={2} horizontalSpacing={2} fz="xs" data-testid="heatmap">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('heatmap.weekday')}</Table.Th>
                {hours.map((hour) => (
                  <Table.Th key={hour} ta="center">
                    {format.number(hour)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {heatmap.data.counts.map((counts, day) => (
                <Table.Tr key={days[day]}>
                  <Table.Th scope="row">{days[day]}</Table.Th>
                  {counts.map((count, hour) => {
                    const name = t('heatmap.cell', {
                      count,
                      day: days[day],
                      hour: String(hour).padStart(2, '0'),
                    });
                    return (
                      <Table.Td
                        // biome-ignore lint/suspicious/noArrayIndexKey: the hour is the cell's identity
                        key={hour}
                        ta="center"
                        title={name}
                        data-weekday={day}
                        data-hour={hour}
                        style={heatStyle(count, max)}
                      >
                        {count > 0 && (
                          // A cell opens its cases: the page's range and filters, that weekday and hour.
                          <Anchor
                            component={Link}
                            to={cellHref(day, hour)}
                            aria-label={name}
                            c="inherit"
                            display="block"
                          >
                            {format.number(count)}
                          </Anchor>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** The cases still waiting now, by how long ago they arrived: the ones a lead should look at first. */
function BacklogSection({ range }: { range: Range }) {
  const { t } = useTranslation(['analytics', 'common']);
  const format = useFormatters();
  const backlog = useBacklog(range);
  const bandName = (
    underDays: number | null,
    index: number,
    all: readonly { underDays: number | null }[],
  ) => {
    if (underDays === null) return t('backlog.older', { count: all[index - 1]?.underDays ?? 0 });
    return t('backlog.under', { count: underDays });
  };
  // A count opens its cases: the statuses, created within the band's ages as of the figures' time.
  const bandCell = (count: number, statuses: string[], index: number) => {
    if (!backlog.data || count === 0) return format.number(count);
    const asOf = Date.parse(backlog.data.asOf);
    const under = backlog.data.bands[index]?.underDays ?? null;
    const atLeast = backlog.data.bands[index - 1]?.underDays ?? 0;
    const created = {
      createdFrom: under === null ? undefined : new Date(asOf - under * DAY_MS + 1).toISOString(),
      createdTo: new Date(asOf - atLeast * DAY_MS - (atLeast === 0 ? 1 : 0)).toISOString(),
    };
    return (
      <Anchor
        component={Link}
        to={`/inbox/all${toQueryString({ ...filtersOf(range), status: statuses, ...created })}`}
      >
        {format.number(count)}
      </Anchor>
    );
  };
  const exportTable = () => {
    if (!backlog.data) return;
    downloadCsv(
      'backlog.csv',
      [
        t('backlog.band'),
        t('common:status.new'),
        t('common:status.open'),
        t('common:status.pending'),
        t('handling.cases'),
      ],
      [
        ...backlog.data.bands.map((band, index, all) => [
          bandName(band.underDays, index, all),
          band.new,
          band.open,
          band.pending,
          band.total,
        ]),
        [t('backlog.total'), '', '', '', backlog.data.total],
      ],
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="backlog-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="backlog-title">
          {t('backlog.title')}
        </Title>
        <Button variant="default" onClick={exportTable} disabled={!backlog.data}>
          {t('exportTable')}
        </Button>
      </Group>
      {backlog.isPending ? (
        <LoadingState />
      ) : backlog.isError ? (
        <ErrorState error={backlog.error} onRetry={() => void backlog.refetch()} />
      ) : (
        <Table striped withTableBorder data-testid="backlog-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backlog.band')}</Table.Th>
              <Table.Th>{t('common:status.new')}</Table.Th>
              <Table.Th>{t('common:status.open')}</Table.Th>
              <Table.Th>{t('common:status.pending')}</Table.Th>
              <Table.Th>{t('handling.cases')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backlog.data.bands.map((band, index, all) => (
              <Table.Tr key={String(band.underDays)} data-band={band.underDays ?? 'older'}>
                <Table.Th scope="row">{bandName(band.underDays, index, all)}</Table.Th>
                <Table.Td>{bandCell(band.new, ['new'], index)}</Table.Td>
                <Table.Td>{bandCell(band.open, ['open'], index)}</Table.Td>
                <Table.Td>{bandCell(band.pending, ['pending'], index)}</Table.Td>
                <Table.Td>{bandCell(band.total, ['new', 'open', 'pending'], index)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700} data-key="total">
              <Table.Th scope="row">{t('backlog.total')}</Table.Th>
              <Table.Td colSpan={3} />
              <Table.Td>{format.number(backlog.data.total)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** Spikes of negative complaints the watch raised, newest first, each opening its hour's cases. */
function AlertsSection() {
  const { t } = useTranslation(['analytics', 'common']);
  const format = useFormatters();
  const keyLabel = useKeyLabel();
  const alerts = useSpikeAlerts();
  const exportTable = () => {
    if (!alerts.data) return;
    downloadCsv(
      'early-warnings.csv',
      [
        t('alerts.hourStart'),
        t('alerts.hourEnd'),
        t('alerts.field'),
        t('alerts.value'),
        t('alerts.count'),
        t('alerts.usual'),
        t('alerts.examples'),
      ],
      alerts.data.items.map((alert) => [
        alert.windowStart,
        alert.windowEnd,
        t(`by.${alert.dimension}`),
        keyLabel(alert.dimension, alert.key, null),
        alert.count,
        Math.round(alert.usual * 10) / 10,
        alert.examples.map((example) => example.referenceNumber).join(' '),
      ]),
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="alerts-title" data-testid="spike-alerts">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="alerts-title">
          {t('alerts.title')}
        </Title>
        <Button variant="default" onClick={exportTable} disabled={!alerts.data?.items.length}>
          {t('exportTable')}
        </Button>
      </Group>
      <AlertSubscriptions />
      {alerts.isPending ? (
        <LoadingState />
      ) : alerts.isError ? (
        <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : alerts.data.items.length === 0 ? (
        <Text c="dimmed">{t('alerts.none')}</Text>
      ) : (
        <Stack gap="sm">
          {alerts.data.items.map((alert) => {
            // An alert counts the negative cases of its hour.
            const filter = { ...inboxFilterOf(alert.dimension, [alert.key]), sentiment: ['negative'] };
            return (
              <Paper key={alert.id} withBorder p="sm" bg="orange.0" data-testid="spike-alert">
                <Text fw={700}>
                  {t('alerts.headline', {
                    count: alert.count,
                    what: `${t(`by.${alert.dimension}`)}: \u2068${keyLabel(alert.dimension, alert.key, null)}\u2069`,
                    usual: format.number(Math.round(alert.usual * 10) / 10),
                  })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('alerts.when', {
                    start: format.dateTime(alert.windowStart),
                    end: format.dateTime(alert.windowEnd),
                  })}
                </Text>
                <Group gap="sm" mt={4}>
                  <CaseExamples examples={alert.examples} />
                  <Anchor
                    component={Link}
                    size="sm"
                    to={inboxHref(filter, alert.windowStart, alert.windowEnd)}
                  >
                    {t('alerts.open')}
                  </Anchor>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}

/** The page's filters: teams, channels, categories, products and regions, as the case list takes them. */
function ScopeFilters({
  value,
  onChange,
  range,
}: {
  value: PageFilters;
  onChange: (value: PageFilters) => void;
  range: Range;
}) {
  const { t } = useTranslation(['analytics', 'common']);
  const teams = useTeams();
  const triage = useTriageSettings();
  const categoryName = useCategoryName();
  const products = useFieldValues('product', range);
  const regions = useFieldValues('region', range);
  // The values present in the range, and any chosen before the range changed.
  const present = (values: { value: string }[] | undefined, chosen: string[]) =>
    [...new Set([...(values ?? []).map((item) => item.value), ...chosen])].map((item) => ({
      value: item,
      label: item,
    }));
  const field = (key: keyof PageFilters, data: { value: string; label: string }[]) => (
    <MultiSelect
      label={t(`by.${key}`)}
      placeholder={t('filters.all')}
      data={data}
      value={value[key]}
      onChange={(values) => onChange({ ...value, [key]: values })}
      clearable
      searchable
      maw={240}
      data-testid={`scope-${key}`}
    />
  );
  return (
    <>
      {field(
        'team',
        (teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
      )}
      {field(
        'channel',
        CHANNELS.map((channel) => ({ value: channel, label: t(`common:channel.${channel}`) })),
      )}
      {field(
        'category',
        (triage.data?.categories ?? []).map((category) => ({
          value: category.id,
          label: categoryName(category.id),
        })),
      )}
      {field('product', present(products.data?.items, value.product))}
      {field('region', present(regions.data?.items, value.region))}
    </>
  );
}

const TREND_COLOURS = { rising: 'red', steady: 'gray', falling: 'teal' } as const;

/** What the complaints of the range are about: groups of similar texts, biggest first. */
function IssuesSection({ range }: { range: Range }) {
  const { t } = useTranslation('analytics');
  const issues = useEmergingIssues(range);
  const exportTable = () => {
    if (!issues.data) return;
    downloadCsv(
      'emerging-issues.csv',
      [t('issues.terms'), t('issues.cases'), t('issues.trendColumn'), t('issues.examples')],
      issues.data.issues.map((issue) => [
        issue.terms.join(' '),
        issue.size,
        t(`issues.trend.${issue.trend}`),
        issue.examples.map((example) => example.referenceNumber).join(' '),
      ]),
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="issues-title" data-testid="emerging-issues">
      <Group justify="space-between">
        <Title order={2} size="h3" id="issues-title">
          {t('issues.title')}
        </Title>
        <Button variant="default" onClick={exportTable} disabled={!issues.data?.issues.length}>
          {t('exportTable')}
        </Button>
      </Group>
      {issues.data && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('issues.intro', { count: issues.data.cases })}
        </Text>
      )}
      {issues.isPending ? (
        <LoadingState />
      ) : issues.isError ? (
        <ErrorState error={issues.error} onRetry={() => void issues.refetch()} />
      ) : issues.data.issues.length === 0 ? (
        <Text c="dimmed">{t('issues.none')}</Text>
      ) : (
        <Stack gap="sm">
          {issues.data.issues.map((issue) => (
            <Paper key={issue.terms.join(' ')} withBorder p="sm" data-testid="emerging-issue">
              <Group justify="space-between" gap="xs">
                <Group gap={6}>
                  {issue.terms.map((term) => (
                    <Badge key={term} variant="light" c="dark.7">
                      <bdi>{term}</bdi>
                    </Badge>
                  ))}
                </Group>
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {t('issues.size', { count: issue.size })}
                  </Text>
                  <Badge color={TREND_COLOURS[issue.trend]} variant="light" c="dark.7">
                    {t(`issues.trend.${issue.trend}`)}
                  </Badge>
                  <CreateProblemFromIssue range={range} issue={issue} />
                </Group>
              </Group>
              <Group gap="sm" mt={4}>
                <CaseExamples examples={issue.examples} />
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** Example cases of an alert or an issue, each opening its case. */
function CaseExamples({ examples }: { examples: { referenceNumber: string; subject: string }[] }) {
  return examples.map((example) => (
    <Anchor key={example.referenceNumber} component={Link} to={`/cases/${example.referenceNumber}`} size="sm">
      <bdi>{example.referenceNumber}</bdi> · <bdi>{example.subject}</bdi>
    </Anchor>
  ));
}
