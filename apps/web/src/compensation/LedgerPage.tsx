import {
  Anchor,
  Badge,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ForbiddenState } from '../admin/AdminParts.tsx';
import { useTeams } from '../admin/admin-queries.ts';
import { useCurrentUser } from '../auth/session.ts';
import { useCategoryName } from '../cases/triage-queries.ts';
import { downloadText } from '../ui/download.ts';
import { useFormatters } from '../ui/format.ts';
import { EmptyState, ErrorState, LoadingState } from '../ui/states.tsx';
import { UserText } from '../ui/UserText.tsx';
import {
  type CompensationStatus,
  type LedgerFilters,
  type TotalsBy,
  useCompensationList,
  useCompensationTotals,
} from './compensation-queries.ts';
import { ledgerCsv } from './ledger-csv.ts';
import { COMPENSATION_COLOURS, useMoney } from './money.ts';

// Dates, references, amounts and statuses stay on one line; the reason wraps.
const NOWRAP = { whiteSpace: 'nowrap' } as const;
const STATUSES: CompensationStatus[] = ['given', 'pending_approval', 'approved', 'rejected', 'cancelled'];
const TOTALS: { by: TotalsBy; label: 'byCategory' | 'byProduct' | 'byTeam' | 'byMonth' }[] = [
  { by: 'category', label: 'byCategory' },
  { by: 'product', label: 'byProduct' },
  { by: 'team', label: 'byTeam' },
  { by: 'month', label: 'byMonth' },
];

// A day picked in the browser, as the instant it starts there (`to` is exclusive: the next day).
const startOfDay = (day: string, plusDays = 0) => {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + plusDays);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};

/** Every compensation given: filters, totals by category, product, team and month, the lines and a CSV. */
export function LedgerPage() {
  const { t } = useTranslation('compensation');
  const me = useCurrentUser();
  const canRead = me.role !== 'agent';
  const teams = useTeams();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [status, setStatus] = useState<CompensationStatus | null>('given');
  const range = { from: startOfDay(from), to: startOfDay(to, 1) };
  const filters: LedgerFilters = { ...range, teamId: teamId ?? undefined, status: status ?? undefined };
  if (!canRead) return <ForbiddenState />;
  return (
    <Stack p="md" gap="md" component="section" aria-labelledby="ledger-title">
      <div>
        <Title order={1} size="h2" id="ledger-title">
          {t('ledger.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('ledger.subtitle')}
        </Text>
      </div>
      <Group gap="sm" align="flex-end" role="search" aria-label={t('ledger.title')}>
        <TextInput
          type="date"
          label={t('ledger.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('ledger.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <Select
          label={t('ledger.team')}
          placeholder={t('ledger.anyTeam')}
          data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          value={teamId}
          onChange={setTeamId}
          clearable
          w={240}
        />
        <Select
          label={t('ledger.status')}
          placeholder={t('ledger.anyStatus')}
          data={STATUSES.map((value) => ({ value, label: t(`compensationStatus.${value}`) }))}
          value={status}
          onChange={(value) => setStatus(value as CompensationStatus | null)}
          clearable
          w={200}
        />
      </Group>
      <section aria-labelledby="ledger-totals-title">
        <Title order={2} size="h4" id="ledger-totals-title" mb="xs">
          {t('ledger.totals')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {TOTALS.map(({ by, label }) => (
            <TotalsTable key={by} by={by} title={t(`ledger.${label}`)} range={range} />
          ))}
        </SimpleGrid>
      </section>
      <LedgerLines filters={filters} />
    </Stack>
  );
}

function TotalsTable({
  by,
  title,
  range,
}: {
  by: TotalsBy;
  title: string;
  range: { from?: string; to?: string };
}) {
  const { t } = useTranslation('compensation');
  const money = useMoney();
  const categoryName = useCategoryName();
  const totals = useCompensationTotals(range, by);
  return (
    <div data-testid={`totals-${by}`}>
      <Title order={3} size="h5" mb={4}>
        {title}
      </Title>
      {totals.isPending && <LoadingState />}
      {totals.isError && <ErrorState error={totals.error} onRetry={() => void totals.refetch()} />}
      {totals.data && (
        <Table withTableBorder striped verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ledger.group')}</Table.Th>
              <Table.Th>{t('ledger.count')}</Table.Th>
              <Table.Th>{t('ledger.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {totals.data.rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={3}>
                  <Text size="sm" c="dimmed">
                    {t('ledger.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {totals.data.rows.map((row) => (
              <Table.Tr key={`${row.key}:${row.currency}`}>
                <Table.Td>
                  <UserText>
                    {row.key === null
                      ? t('ledger.none')
                      : by === 'category'
                        ? categoryName(row.key)
                        : row.label}
                  </UserText>
                </Table.Td>
                <Table.Td>{row.count}</Table.Td>
                <Table.Td>{money.format(row.total, row.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </div>
  );
}

function LedgerLines({ filters }: { filters: LedgerFilters }) {
  const { t } = useTranslation('compensation');
  const format = useFormatters();
  const money = useMoney();
  const categoryName = useCategoryName();
  const list = useCompensationList(filters);
  const items = list.data ?? [];
  return (
    <section aria-labelledby="ledger-lines-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="ledger-lines-title">
          {t('ledger.entries')}
        </Title>
        <Button
          variant="light"
          leftSection={<IconDownload size={16} aria-hidden />}
          disabled={items.length === 0}
          onClick={() => downloadText('compensation.csv', ledgerCsv(items))}
        >
          {t('ledger.download')}
        </Button>
      </Group>
      {list.isPending && <LoadingState />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && <EmptyState message={t('ledger.empty')} />}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={960}>
          <Table striped verticalSpacing="xs" data-testid="ledger-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ledger.date')}</Table.Th>
                <Table.Th>{t('ledger.case')}</Table.Th>
                <Table.Th>{t('ledger.customer')}</Table.Th>
                <Table.Th>{t('ledger.type')}</Table.Th>
                <Table.Th>{t('ledger.amount')}</Table.Th>
                <Table.Th>{t('ledger.status')}</Table.Th>
                <Table.Th>{t('ledger.reason')}</Table.Th>
                <Table.Th>{t('ledger.category')}</Table.Th>
                <Table.Th>{t('ledger.team')}</Table.Th>
                <Table.Th>{t('ledger.givenBy')}</Table.Th>
                <Table.Th>{t('ledger.approvedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id} data-reference={item.case.referenceNumber}>
                  <Table.Td style={NOWRAP}>{format.date(item.givenAt ?? item.requestedAt)}</Table.Td>
                  <Table.Td style={NOWRAP}>
                    <Anchor component={Link} to={`/cases/${item.case.referenceNumber}`} size="sm">
                      {item.case.referenceNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <UserText>{item.customer?.name ?? t('ledger.none')}</UserText>
                  </Table.Td>
                  <Table.Td>{money.typeName(item.type)}</Table.Td>
                  <Table.Td style={NOWRAP}>
                    {item.amount !== null && item.currency
                      ? money.format(item.amount, item.currency)
                      : t('ledger.none')}
                  </Table.Td>
                  <Table.Td style={NOWRAP}>
                    <Badge variant="light" c="dark.7" color={COMPENSATION_COLOURS[item.status]}>
                      {t(`compensationStatus.${item.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <UserText>{item.reason}</UserText>
                  </Table.Td>
                  <Table.Td>{item.category ? categoryName(item.category) : t('ledger.none')}</Table.Td>
                  <Table.Td>
                    <UserText>{item.team?.name ?? t('ledger.none')}</UserText>
                  </Table.Td>
                  <Table.Td>{item.requestedBy.name}</Table.Td>
                  <Table.Td>{item.decidedBy?.name ?? t('ledger.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
