import { Badge, Button, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import type { Priority } from '@sada/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/FormError.tsx';
import { UserText } from '../../ui/UserText.tsx';
import type { Team } from '../admin-queries.ts';
import { type RoutingDryRun, type RoutingRuleInput, useRoutingDryRun } from './routing-queries.ts';

type DryRunCase = RoutingDryRun['items'][number];

/** What a rule (as the form holds it, saved or not) would do to the workspace's latest cases. */
export function DryRunPanel({
  rule,
  teams,
}: {
  rule: Pick<RoutingRuleInput, 'conditions' | 'actions'>;
  teams: Team[];
}) {
  const { t } = useTranslation(['routing', 'common', 'case']);
  const dryRun = useRoutingDryRun();
  const [last, setLast] = useState<number | string>(50);
  const teamName = (id: string | null | undefined) => teams.find((team) => team.id === id)?.name ?? '—';
  const describe = (state: { teamId?: string | null; priority?: Priority; tags?: string[] }) =>
    [
      state.teamId !== undefined && teamName(state.teamId),
      state.priority && t(`common:priority.${state.priority}`),
      state.tags && state.tags.length > 0 && state.tags.join(t('case:listSeparator')),
    ]
      .filter(Boolean)
      .join(' · ');
  const run = () => dryRun.mutate({ rule: { ...rule }, last: typeof last === 'number' ? last : 50 });

  return (
    <Stack gap="xs" component="section" aria-labelledby="routing-dry-run-title" data-testid="routing-dry-run">
      <Title order={3} size="h5" id="routing-dry-run-title">
        {t('dryRun.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('dryRun.hint')}
      </Text>
      <Group align="flex-end" gap="sm">
        <NumberInput
          label={t('dryRun.last')}
          min={1}
          max={500}
          allowDecimal={false}
          value={last}
          onChange={setLast}
          maw={160}
        />
        <Button
          type="button"
          variant="light"
          leftSection={<IconPlayerPlay size={16} aria-hidden />}
          loading={dryRun.isPending}
          onClick={run}
        >
          {t('dryRun.run')}
        </Button>
      </Group>
      <FormError error={dryRun.error} />
      {dryRun.data && (
        <>
          <Text size="sm" role="status">
            {t('dryRun.result', {
              matched: dryRun.data.matchedCount,
              total: dryRun.data.items.length,
              changed: dryRun.data.changedCount,
            })}
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table striped withTableBorder data-testid="routing-dry-run-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dryRun.reference')}</Table.Th>
                  <Table.Th>{t('dryRun.subject')}</Table.Th>
                  <Table.Th>{t('dryRun.now')}</Table.Th>
                  <Table.Th>{t('dryRun.wouldChange')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {dryRun.data.items.map((item: DryRunCase) => (
                  <Table.Tr key={item.referenceNumber} data-matched={item.isMatched}>
                    <Table.Td dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                      {item.referenceNumber}
                    </Table.Td>
                    <Table.Td>
                      <UserText>{item.subject}</UserText>
                    </Table.Td>
                    <Table.Td>
                      <UserText>{describe(item)}</UserText>
                    </Table.Td>
                    <Table.Td>
                      {!item.isMatched ? (
                        <Text size="sm" c="dimmed">
                          {t('dryRun.noMatch')}
                        </Text>
                      ) : Object.keys(item.changes).length === 0 ? (
                        <Badge variant="light" color="gray">
                          {t('dryRun.noChange')}
                        </Badge>
                      ) : (
                        <UserText>{describe(item.changes)}</UserText>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
