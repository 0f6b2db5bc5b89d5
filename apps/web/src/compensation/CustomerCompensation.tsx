import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useFormatters } from '../ui/format.ts';
import { ErrorState } from '../ui/states.tsx';
import { useCustomerCompensation } from './compensation-queries.ts';
import { COMPENSATION_COLOURS, useMoney } from './money.ts';

// Beside a case the newest few are enough; the ledger has the rest.
const SHOWN = 5;

/** The customer's compensation over time in the customer panel: totals per currency and the latest lines. */
export function CustomerCompensation({ customerId }: { customerId: string }) {
  const { t } = useTranslation('compensation');
  const format = useFormatters();
  const money = useMoney();
  const compensation = useCustomerCompensation(customerId);
  // Still loading, or a role that may not read it (analysts): nothing, the rest of the panel stands.
  if (compensation.isPending || (compensation.error instanceof ApiError && compensation.error.status === 403))
    return null;
  if (compensation.isError)
    return <ErrorState error={compensation.error} onRetry={() => void compensation.refetch()} />;
  const { totals, items } = compensation.data;
  return (
    <div data-testid="customer-compensation">
      <Text size="sm" fw={600} mb={4}>
        {t('customer.title')}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('customer.none')}
        </Text>
      ) : (
        <Stack gap={4}>
          {totals.length > 0 && (
            <Text size="sm" data-testid="customer-compensation-total">
              {t('customer.total', { totals: money.totals(totals) })}
            </Text>
          )}
          <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.slice(0, SHOWN).map((item) => (
              <Group key={item.id} component="li" gap={6} wrap="wrap">
                <Text size="xs">
                  {format.date(item.givenAt ?? item.requestedAt)} · {money.describe(item)} ·{' '}
                  <Anchor component={Link} to={`/cases/${item.case.referenceNumber}`} size="xs">
                    {item.case.referenceNumber}
                  </Anchor>
                </Text>
                {item.status !== 'given' && (
                  <Badge size="xs" variant="light" c="dark.7" color={COMPENSATION_COLOURS[item.status]}>
                    {t(`compensationStatus.${item.status}`)}
                  </Badge>
                )}
              </Group>
            ))}
          </Stack>
        </Stack>
      )}
    </div>
  );
}
