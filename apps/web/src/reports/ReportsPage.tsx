import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can } from '@sada/core';
import { IconDownload, IconFileAnalytics } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ForbiddenState } from '../admin/AdminParts.tsx';
import { ApiError, errorMessage } from '../api/client.ts';
import { useCurrentUser } from '../auth/session.ts';
import { useFormatters } from '../ui/format.ts';
import { ErrorState, LoadingState } from '../ui/states.tsx';
import { ReportSubscribers } from './ReportSubscribers.tsx';
import {
  type ReportItem,
  useCreateReport,
  useReportSubscription,
  useReports,
  useUpdateReportSubscription,
} from './report-queries.ts';
import { dayIn, reportRange } from './report-range.ts';

/** The workspace's reports: download them, make one for a range, and choose which come by e-mail. */
export function ReportsPage() {
  const { t } = useTranslation('reports');
  const user = useCurrentUser();
  if (!can(user.role, 'analytics:read')) return <ForbiddenState />;
  return (
    <Stack p="md" gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('intro')}
        </Text>
      </Stack>
      <Group align="stretch" grow wrap="wrap">
        <GenerateForm timeZone={user.workspace.timeZone} />
        <SubscriptionToggles />
      </Group>
      {can(user.role, 'user:manage') && <ReportSubscribers />}
      <ReportList timeZone={user.workspace.timeZone} />
    </Stack>
  );
}

function GenerateForm({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation('reports');
  const today = dayIn(timeZone, new Date());
  const [first, setFirst] = useState(() => dayIn(timeZone, new Date(Date.now() - 7 * 86_400_000)));
  const [last, setLast] = useState(() => dayIn(timeZone, new Date(Date.now() - 86_400_000)));
  const [isMade, setIsMade] = useState(false);
  const create = useCreateReport();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setIsMade(false);
    if (!first || !last) return;
    create.mutate(reportRange(timeZone, first, last), { onSuccess: () => setIsMade(true) });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="report-generate-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="report-generate-title">
          {t('generate.title')}
        </Title>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            type="date"
            label={t('generate.from')}
            value={first}
            max={today}
            required
            onChange={(event) => setFirst(event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('generate.to')}
            value={last}
            max={today}
            required
            onChange={(event) => setLast(event.currentTarget.value)}
          />
          <Button
            type="submit"
            loading={create.isPending}
            leftSection={<IconFileAnalytics size={16} aria-hidden />}
          >
            {t('generate.submit')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('generate.help', { timeZone })}
        </Text>
        {create.isError && (
          <Alert color="red" role="alert">
            {create.error instanceof ApiError
              ? (create.error.fields[0]?.message ?? create.error.message)
              : errorMessage(create.error)}
          </Alert>
        )}
        {isMade && (
          <Alert color="green" role="status">
            {t('generate.made')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function SubscriptionToggles() {
  const { t } = useTranslation('reports');
  const subscription = useReportSubscription();
  const update = useUpdateReportSubscription();
  if (subscription.isPending) return <LoadingState />;
  if (subscription.isError)
    return <ErrorState error={subscription.error} onRetry={() => void subscription.refetch()} />;
  // Shows the change at once, while it is being saved.
  const current = update.isPending ? update.variables : subscription.data;
  const change = (next: typeof current) =>
    update.mutate(next, {
      onSuccess: () => notifications.show({ message: t('subscription.saved') }),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
    });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('subscription.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('subscription.help')}
        </Text>
        <Switch
          label={t('subscription.weekly')}
          checked={current.weekly}
          disabled={update.isPending}
          onChange={(event) => change({ ...current, weekly: event.currentTarget.checked })}
        />
        <Switch
          label={t('subscription.monthly')}
          checked={current.monthly}
          disabled={update.isPending}
          onChange={(event) => change({ ...current, monthly: event.currentTarget.checked })}
        />
      </Stack>
    </Paper>
  );
}

function ReportList({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation('reports');
  const format = useFormatters();
  const reports = useReports();
  if (reports.isPending) return <LoadingState />;
  // A failed further page keeps the pages already shown; only a failed first page replaces the list.
  if (!reports.data) return <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />;
  const items = reports.data.pages.flatMap((page) => page.items);
  const periodOf = (report: ReportItem) =>
    `${format.date(dayStart(report.periodStart, timeZone))} – ${format.date(dayStart(new Date(new Date(report.periodEnd).getTime() - 1).toISOString(), timeZone))}`;
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('list.title')}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{t('list.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.period')}</Table.Th>
                <Table.Th>{t('list.kind')}</Table.Th>
                <Table.Th>{t('list.created')}</Table.Th>
                <Table.Th>{t('list.pages')}</Table.Th>
                <Table.Th>{t('list.files')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((report) => {
                const period = periodOf(report);
                return (
                  <Table.Tr key={report.id}>
                    <Table.Td>{period}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={report.kind === 'on-demand' ? 'gray' : 'blue'}>
                        {t(`kind.${report.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{format.dateTime(report.createdAt)}</Table.Td>
                    <Table.Td>{t('list.pageCount', { count: report.pages })}</Table.Td>
                    <Table.Td>
                      <Group gap="md" wrap="nowrap">
                        <Anchor href={report.pdfUrl} download aria-label={t('list.downloadPdf', { period })}>
                          <Group gap={4} wrap="nowrap">
                            <IconDownload size={14} aria-hidden />
                            {t('list.pdf')}
                          </Group>
                        </Anchor>
                        <Anchor href={report.csvUrl} download aria-label={t('list.downloadCsv', { period })}>
                          <Group gap={4} wrap="nowrap">
                            <IconDownload size={14} aria-hidden />
                            {t('list.csv')}
                          </Group>
                        </Anchor>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {reports.isFetchNextPageError && (
        <Alert color="red" role="alert">
          {errorMessage(reports.error)}
        </Alert>
      )}
      {reports.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={reports.isFetchingNextPage}
            onClick={() => void reports.fetchNextPage()}
          >
            {t('list.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Noon of the instant's day in the workspace's zone: a date formatter in any zone shows that day. */
function dayStart(instant: string, timeZone: string): Date {
  return new Date(`${dayIn(timeZone, instant)}T12:00:00Z`);
}
