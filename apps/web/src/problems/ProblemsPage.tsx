import { Anchor, Badge, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { can } from '@sada/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ForbiddenState } from '../admin/AdminParts.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { useFormatters } from '../ui/format.ts';
import { ErrorState, LoadingState } from '../ui/states.tsx';
import { useProblems } from './problem-queries.ts';

export const PROBLEM_STATUS_COLOURS = { open: 'red', investigating: 'yellow', closed: 'teal' } as const;

type StatusFilter = 'open' | 'investigating' | 'closed' | 'all';

/** The workspace's problems, the most recently changed first. */
export function ProblemsPage() {
  const { t } = useTranslation('problems');
  const format = useFormatters();
  const role = useCurrentUser().role;
  const [status, setStatus] = useState<StatusFilter>('all');
  const problems = useProblems(status === 'all' ? undefined : status);
  if (!can(role, 'problem:read')) return <ForbiddenState />;
  return (
    <Stack p="md" gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('list.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('list.intro')}
          </Text>
        </div>
        <SegmentedControl
          aria-label={t('list.status')}
          value={status}
          onChange={(value) => setStatus(value as StatusFilter)}
          data={[
            { value: 'all', label: t('list.all') },
            { value: 'open', label: t('status.open') },
            { value: 'investigating', label: t('status.investigating') },
            { value: 'closed', label: t('status.closed') },
          ]}
        />
      </Group>
      <Paper withBorder>
        {problems.isPending ? (
          <LoadingState />
        ) : problems.isError ? (
          <ErrorState error={problems.error} onRetry={() => void problems.refetch()} />
        ) : problems.data.items.length === 0 ? (
          <Text c="dimmed" p="md">
            {t('list.empty')}
          </Text>
        ) : (
          <Table striped highlightOnHover data-testid="problem-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.columns.title')}</Table.Th>
                <Table.Th>{t('list.columns.status')}</Table.Th>
                <Table.Th>{t('list.columns.owner')}</Table.Th>
                <Table.Th>{t('list.columns.cases')}</Table.Th>
                <Table.Th>{t('list.columns.actions')}</Table.Th>
                <Table.Th>{t('list.columns.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.data.items.map((problem) => (
                <Table.Tr key={problem.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/problems/${problem.id}`}>
                      <bdi>{problem.title}</bdi>
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={PROBLEM_STATUS_COLOURS[problem.status]} variant="light" c="dark.7">
                      {t(`status.${problem.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{problem.owner?.name ?? '—'}</Table.Td>
                  <Table.Td>{format.number(problem.linkedCases)}</Table.Td>
                  <Table.Td>{format.number(problem.openActions)}</Table.Td>
                  <Table.Td>{format.date(problem.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
