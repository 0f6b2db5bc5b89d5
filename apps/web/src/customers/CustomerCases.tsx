import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusBadge } from '../cases/StatusBadge.tsx';
import { useFormatters } from '../ui/format.ts';
import { ErrorState, LoadingState } from '../ui/states.tsx';
import { UserText } from '../ui/UserText.tsx';
import { CUSTOMER_CASES_LIMIT, useCustomerCases } from './customer-queries.ts';
import { Address } from './IdentityList.tsx';

/**
 * A customer's cases, newest first, each with its status as the outcome. Beside a case, the case on
 * screen is left out (`excludeReference`): the list answers "has this happened before?".
 */
export function CustomerCases({
  customerId,
  excludeReference,
  emptyMessage,
}: {
  customerId: string;
  excludeReference?: string | undefined;
  emptyMessage: string;
}) {
  const { t } = useTranslation('customer');
  const format = useFormatters();
  const cases = useCustomerCases(customerId);

  if (cases.isPending) return <LoadingState />;
  if (cases.isError) return <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />;
  const items = cases.data.items.filter((item) => item.referenceNumber !== excludeReference);
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {emptyMessage}
      </Text>
    );
  }
  return (
    <Stack
      gap={6}
      component="ul"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
      data-testid="customer-cases"
    >
      {items.map((item) => (
        <li key={item.id}>
          <Group gap={6} wrap="nowrap" justify="space-between" align="flex-start">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/cases/${item.referenceNumber}`} size="sm" fw={500}>
                <Address>{item.referenceNumber}</Address>
              </Anchor>
              <Text size="sm" lineClamp={2}>
                <UserText>{item.subject}</UserText>
              </Text>
              <Text size="xs" c="dimmed">
                {t(`channel.${item.channel}`, { ns: 'common' })} · {format.date(item.createdAt)}
              </Text>
            </Stack>
            <div style={{ flexShrink: 0 }}>
              <StatusBadge status={item.status} />
            </div>
          </Group>
        </li>
      ))}
      {cases.data.nextCursor && (
        <li>
          <Text size="xs" c="dimmed">
            {t('cases.onlyNewest', { limit: CUSTOMER_CASES_LIMIT })}
          </Text>
        </li>
      )}
    </Stack>
  );
}
