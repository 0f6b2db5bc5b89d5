import { Button, Checkbox, Group, NumberInput, Stack, Table, TagsInput, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can } from '@sada/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminList, ForbiddenState, ReadOnlyNote } from '../admin/AdminParts.tsx';
import { type Team, useTeams } from '../admin/admin-queries.ts';
import { useCurrentUser } from '../auth/session.ts';
import { enCompensation } from '../i18n/en/compensation.ts';
import { FormError } from '../ui/FormError.tsx';
import {
  type Amounts,
  type CompensationPolicy,
  useCompensationPolicy,
  useUpdateCompensationPolicy,
} from './compensation-queries.ts';

const ALL_TYPES = Object.keys(enCompensation.type);
// Admins have no limit; analysts give nothing.
const LIMITED_ROLES = ['agent', 'supervisor'] as const;

/** Admin → Compensation policy: enabled types, currencies, limits per role and monthly team budgets. */
export function PolicySection() {
  const { t } = useTranslation('compensation');
  const me = useCurrentUser();
  const policy = useCompensationPolicy();
  const teams = useTeams();
  if (me.role !== 'admin' && me.role !== 'supervisor') return <ForbiddenState />;
  const canManage = can(me.role, 'workspace:admin');
  return (
    <Stack gap="md" component="section" aria-labelledby="admin-compensation-title" maw={1040}>
      <div>
        <Title order={2} size="h3" id="admin-compensation-title">
          {t('policy.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('policy.subtitle')}
        </Text>
      </div>
      {!canManage && <ReadOnlyNote>{t('policy.readOnly')}</ReadOnlyNote>}
      <AdminList queries={[policy, teams]} items={policy.data ? [policy.data] : undefined} emptyMessage="">
        {([current]) =>
          current && <PolicyForm policy={current} teams={teams.data ?? []} canManage={canManage} />
        }
      </AdminList>
    </Stack>
  );
}

type AmountDrafts = Record<string, Record<string, number | ''>>;
const draftOf = (amounts: Record<string, Amounts | undefined>): AmountDrafts =>
  Object.fromEntries(Object.entries(amounts).map(([key, values]) => [key, { ...values }]));
// Empty cells are left out: "no limit set" means nothing without approval, "no budget" means none.
const amountsOf = (drafts: AmountDrafts, currencies: string[]): Record<string, Amounts> =>
  Object.fromEntries(
    Object.entries(drafts)
      .map(([key, values]) => [
        key,
        Object.fromEntries(
          currencies.flatMap((currency) => {
            const value = values[currency];
            return value === undefined || value === '' ? [] : [[currency, value]];
          }),
        ),
      ])
      .filter(([, values]) => Object.keys(values as Amounts).length > 0),
  );

function PolicyForm({
  policy,
  teams,
  canManage,
}: {
  policy: CompensationPolicy;
  teams: Team[];
  canManage: boolean;
}) {
  const { t } = useTranslation(['compensation', 'common']);
  const update = useUpdateCompensationPolicy();
  const [types, setTypes] = useState(policy.types);
  const [currencies, setCurrencies] = useState(policy.currencies);
  const [limits, setLimits] = useState(() => draftOf(policy.limits));
  const [budgets, setBudgets] = useState(() => draftOf(policy.teamBudgets));
  const setCell = (setter: typeof setLimits, key: string, currency: string) => (value: number | string) =>
    setter((current) => ({
      ...current,
      [key]: { ...current[key], [currency]: typeof value === 'number' ? value : '' },
    }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const roleLimits = amountsOf(limits, currencies);
    update.mutate(
      {
        types,
        currencies,
        limits: { agent: roleLimits.agent ?? {}, supervisor: roleLimits.supervisor ?? {} },
        teamBudgets: amountsOf(budgets, currencies),
      },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('policy.saved') }) },
    );
  };

  const amountTable = (
    rows: { key: string; name: string }[],
    drafts: AmountDrafts,
    setter: typeof setLimits,
    header: string,
    labelOf: (name: string, currency: string) => string,
  ) => (
    <Table.ScrollContainer minWidth={360}>
      <Table verticalSpacing={4} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{header}</Table.Th>
            {currencies.map((currency) => (
              <Table.Th key={currency}>{currency}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>{row.name}</Table.Td>
              {currencies.map((currency) => (
                <Table.Td key={currency}>
                  <NumberInput
                    aria-label={labelOf(row.name, currency)}
                    value={drafts[row.key]?.[currency] ?? ''}
                    onChange={setCell(setter, row.key, currency)}
                    min={0}
                    decimalScale={2}
                    disabled={!canManage}
                    w={140}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Checkbox.Group
          label={t('policy.types')}
          value={types}
          onChange={setTypes}
          data-testid="policy-types"
        >
          <Group gap="md" mt={6}>
            {ALL_TYPES.map((type) => (
              <Checkbox key={type} value={type} label={t(`type.${type as 'refund'}`)} disabled={!canManage} />
            ))}
          </Group>
        </Checkbox.Group>
        <TagsInput
          label={t('policy.currencies')}
          description={t('policy.currenciesHint')}
          value={currencies}
          onChange={(values) => setCurrencies(values.map((value) => value.trim().toUpperCase()))}
          disabled={!canManage}
          maw={420}
        />
        <div>
          <Text size="sm" fw={500}>
            {t('policy.limits')}
          </Text>
          <Text size="xs" c="dimmed" mb={4}>
            {t('policy.limitsHint')}
          </Text>
          {amountTable(
            LIMITED_ROLES.map((role) => ({ key: role, name: t(`common:role.${role}`) })),
            limits,
            setLimits,
            t('policy.role'),
            (role, currency) => t('policy.limitFor', { role, currency }),
          )}
        </div>
        <div>
          <Text size="sm" fw={500}>
            {t('policy.budgets')}
          </Text>
          <Text size="xs" c="dimmed" mb={4}>
            {t('policy.budgetsHint')}
          </Text>
          {amountTable(
            teams.map((team) => ({ key: team.id, name: team.name })),
            budgets,
            setBudgets,
            t('policy.team'),
            (team, currency) => t('policy.budgetFor', { team, currency }),
          )}
        </div>
        <FormError error={update.error} />
        {canManage && (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {t('common:actions.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
