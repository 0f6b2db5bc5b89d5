import { ActionIcon, Anchor, Button, Group, Paper, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconLink, IconUnlink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifySuccess } from '../inbox/notify.ts';
import { FormError } from '../ui/FormError.tsx';
import { useFormatters } from '../ui/format.ts';
import { ErrorState, LoadingState } from '../ui/states.tsx';
import { type Problem, useLinkCases, useSuggestions, useUnlinkCase } from './problem-queries.ts';

/** The cases linked to the problem, each unlinkable while the problem is open. */
export function LinkedCases({ problem, canWrite }: { problem: Problem; canWrite: boolean }) {
  const { t } = useTranslation(['problems', 'common']);
  const format = useFormatters();
  const unlink = useUnlinkCase(problem.id);
  const canUnlink = canWrite && problem.status !== 'closed';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="linked-title">
      <Title order={2} size="h4" id="linked-title" mb="sm">
        {t('cases.title')}{' '}
        <Text span c="dimmed" size="sm" data-testid="linked-count">
          ({t('cases.count', { count: problem.linkedCases })})
        </Text>
      </Title>
      <FormError error={unlink.error} />
      {problem.cases.length > 0 && (
        <Table striped data-testid="linked-cases">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.columns.reference')}</Table.Th>
              <Table.Th>{t('cases.columns.subject')}</Table.Th>
              <Table.Th>{t('cases.columns.customer')}</Table.Th>
              <Table.Th>{t('cases.columns.status')}</Table.Th>
              <Table.Th>{t('cases.columns.created')}</Table.Th>
              {canUnlink && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problem.cases.map((item) => (
              <Table.Tr key={item.referenceNumber}>
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${item.referenceNumber}`} size="sm">
                    <bdi dir="ltr">{item.referenceNumber}</bdi>
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <bdi>{item.subject}</bdi>
                </Table.Td>
                <Table.Td>{item.customerName ?? '—'}</Table.Td>
                <Table.Td>
                  {t(`common:status.${item.status}`, { defaultValue: item.status })}
                  {item.notifiedAt && (
                    <Text size="xs" c="dimmed">
                      {t('cases.notified', { date: format.date(item.notifiedAt) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{format.date(item.createdAt)}</Table.Td>
                {canUnlink && (
                  <Table.Td>
                    <Tooltip label={t('cases.unlink')}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('cases.unlinkCase', { reference: item.referenceNumber })}
                        loading={unlink.isPending && unlink.variables === item.referenceNumber}
                        onClick={() => unlink.mutate(item.referenceNumber)}
                      >
                        <IconUnlink size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** Recent cases in no problem that read like the linked ones: one click links one, or all. */
export function SuggestedCases({ problem }: { problem: Problem }) {
  const { t } = useTranslation('problems');
  const format = useFormatters();
  const suggestions = useSuggestions(problem.id, problem.status !== 'closed');
  const link = useLinkCases(problem.id);
  if (problem.status === 'closed') return null;
  const items = suggestions.data?.items ?? [];
  const linkCases = (references: string[]) =>
    link.mutate(references, { onSuccess: () => notifySuccess(t('suggestions.linked')) });
  const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="suggestions-title"
      data-testid="suggestions"
    >
      <Group justify="space-between" mb={4}>
        <Title order={2} size="h4" id="suggestions-title">
          {t('suggestions.title')}
        </Title>
        {items.length > 1 && (
          <Button
            size="xs"
            variant="light"
            loading={link.isPending}
            onClick={() => linkCases(items.map((item) => item.referenceNumber))}
          >
            {t('suggestions.linkAll', { count: items.length })}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('suggestions.intro')}
      </Text>
      <FormError error={link.error} />
      {suggestions.isPending ? (
        <LoadingState />
      ) : suggestions.isError ? (
        <ErrorState error={suggestions.error} onRetry={() => void suggestions.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('suggestions.none')}</Text>
      ) : (
        <Table data-testid="suggested-cases">
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.referenceNumber}>
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${item.referenceNumber}`} size="sm">
                    <bdi dir="ltr">{item.referenceNumber}</bdi>
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <bdi>{item.subject}</bdi>
                </Table.Td>
                <Table.Td>{format.date(item.createdAt)}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {t('suggestions.score')} {percent.format(item.score)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconLink size={14} aria-hidden />}
                    aria-label={t('suggestions.linkCase', { reference: item.referenceNumber })}
                    disabled={link.isPending}
                    onClick={() => linkCases([item.referenceNumber])}
                  >
                    {t('suggestions.link')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
