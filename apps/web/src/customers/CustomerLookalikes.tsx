import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowMerge, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { UserText } from '../ui/UserText.tsx';
import { type Customer, useCustomerLookalikes, useMergeCustomer } from './customer-queries.ts';

/**
 * Customers who may be the same person as `customer`, seen on another channel: shown with why, and
 * merged in one click by those allowed to merge. Nothing is merged without a person deciding.
 */
export function CustomerLookalikes({ customer, canMerge }: { customer: Customer; canMerge: boolean }) {
  const { t } = useTranslation('customer');
  const lookalikes = useCustomerLookalikes(customer.id);
  const merge = useMergeCustomer(customer.id);
  const items = lookalikes.data ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconUsers size={18} />}
      title={t('lookalikes.title')}
      data-testid="customer-lookalikes"
    >
      <Text size="sm" mb="xs">
        {t('lookalikes.intro')}
      </Text>
      <Stack gap="xs">
        {items.map((item) => (
          <Group key={item.customer.id} justify="space-between" wrap="wrap" gap="xs">
            <Group gap="xs">
              <Anchor component={Link} to={`/customers/${item.customer.id}`} fw={600}>
                <UserText>{item.customer.name}</UserText>
              </Anchor>
              {item.reasons.map((reason) => (
                <Badge key={reason} variant="outline" size="sm">
                  {t(`lookalikes.reason.${reason}`)}
                </Badge>
              ))}
            </Group>
            {canMerge && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconArrowMerge size={14} aria-hidden />}
                loading={merge.isPending && merge.variables === item.customer.id}
                onClick={() =>
                  merge.mutate(item.customer.id, {
                    onSuccess: () => {
                      void lookalikes.refetch();
                      notifications.show({ color: 'teal', message: t('lookalikes.merged') });
                    },
                    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
                  })
                }
              >
                {t('lookalikes.merge')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
