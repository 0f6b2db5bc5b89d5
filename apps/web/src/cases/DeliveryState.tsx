import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconClock, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../ui/FormError.tsx';
import { UserText } from '../ui/UserText.tsx';
import type { CaseMessage } from './case-types.ts';
import { RelativeTime } from './RelativeTime.tsx';
import { useRedeliver } from './useCase.ts';

type Delivery = NonNullable<CaseMessage['delivery']>;

/**
 * Where an outbound reply stands on its way to the customer: sending (or trying again), sent and
 * when, or not delivered with the channel's reason and a way to try again.
 */
export function DeliveryState({
  reference,
  messageId,
  delivery,
  now,
  canRetry,
}: {
  reference: string;
  messageId: string;
  delivery: Delivery;
  now: number;
  canRetry: boolean;
}) {
  const { t } = useTranslation('case');
  const redeliver = useRedeliver(reference);
  switch (delivery.status) {
    case 'sent':
      return (
        <Badge
          color="teal"
          variant="light"
          c="dark.7"
          leftSection={<IconCheck size={12} aria-hidden />}
          data-testid="delivery"
          data-status="sent"
        >
          {t('delivery.sent')}
          {delivery.sentAt && (
            <>
              {' '}
              <RelativeTime value={delivery.sentAt} now={now} />
            </>
          )}
        </Badge>
      );
    case 'pending':
      return (
        <Stack gap={2} align="flex-start" data-testid="delivery" data-status="pending">
          <Badge color="gray" variant="light" c="dark.7" leftSection={<IconClock size={12} aria-hidden />}>
            {delivery.attempts === 0 ? t('delivery.pending') : t('delivery.retrying')}
            {delivery.attempts > 0 && delivery.nextAttemptAt && (
              <>
                {' '}
                <RelativeTime value={delivery.nextAttemptAt} now={now} />
              </>
            )}
          </Badge>
          {delivery.attempts > 0 && <DeliveryProblem delivery={delivery} />}
        </Stack>
      );
    case 'failed':
      return (
        <Stack gap={4} align="flex-start" data-testid="delivery" data-status="failed">
          <Group gap="xs">
            <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
              {t('delivery.failed')}
            </Badge>
            {canRetry && (
              <Button
                size="compact-xs"
                variant="outline"
                color="red.9"
                leftSection={<IconRefresh size={12} aria-hidden />}
                loading={redeliver.isPending}
                onClick={() => redeliver.mutate(messageId)}
              >
                {t('delivery.retry')}
              </Button>
            )}
          </Group>
          <DeliveryProblem delivery={delivery} />
          <FormError error={redeliver.error} />
        </Stack>
      );
  }
}

/** The channel's last reason for refusing the message (in the reader's language), and how many times Sada tried. */
function DeliveryProblem({ delivery }: { delivery: Delivery }) {
  const { t, i18n } = useTranslation('case');
  return (
    <Text size="xs" c="red.9">
      {delivery.lastError && (
        <>
          <UserText>{delivery.lastError[i18n.language === 'en' ? 'en' : 'ar']}</UserText>{' '}
        </>
      )}
      <span>{t('delivery.attempts', { attempts: delivery.attempts })}</span>
    </Text>
  );
}
