import { Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import {
  type AlertSubscriptionItem,
  useCreateAlertSubscription,
  useDeleteAlertSubscription,
} from './alert-subscription-queries.ts';
import { SubscriberCells, SubscriberPicker, UnsubscribeCell } from './SubscriberPicker.tsx';

type EmailSubscription = Extract<AlertSubscriptionItem, { kind: 'email' }>;

/** Admins: who gets early warnings by e-mail, and subscribing or unsubscribing someone else. */
export function AlertSubscribers({ items }: { items: AlertSubscriptionItem[] }) {
  const { t } = useTranslation('analytics');
  const create = useCreateAlertSubscription();
  const subscribers = items.filter(
    (item): item is EmailSubscription => item.kind === 'email' && item.isEnabled,
  );
  const subscribe = (userId: string, clear: () => void) =>
    create.mutate(
      { kind: 'email', userId },
      {
        onSuccess: (created) => {
          clear();
          const name = created.kind === 'email' ? created.user.name : '';
          notifications.show({ color: 'teal', message: t('subscribers.subscribed', { name }) });
        },
      },
    );
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="alert-subscribers-title">
      <Title order={3} size="h4" id="alert-subscribers-title">
        {t('subscribers.title')}
      </Title>
      {subscribers.length === 0 ? (
        <Text size="sm" my="xs">
          {t('subscribers.none')}
        </Text>
      ) : (
        <Table my="xs" data-testid="alert-subscribers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('subscribers.name')}</Table.Th>
              <Table.Th>{t('subscribers.email')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('subscriptions.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {subscribers.map((subscription) => (
              <SubscriberRow key={subscription.id} subscription={subscription} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <SubscriberPicker
        subscribedIds={subscribers.map((subscription) => subscription.user.id)}
        nothingFound={t('subscribers.nobodyLeft')}
        isPending={create.isPending}
        onSubscribe={subscribe}
      />
      {create.error && (
        <Text c="red.9" size="sm" role="alert">
          {errorMessage(create.error)}
        </Text>
      )}
    </Paper>
  );
}

function SubscriberRow({ subscription }: { subscription: EmailSubscription }) {
  const { t } = useTranslation('analytics');
  const remove = useDeleteAlertSubscription();
  const { user } = subscription;
  const unsubscribe = () =>
    remove.mutate(subscription.id, {
      onSuccess: () =>
        notifications.show({ color: 'teal', message: t('subscribers.removed', { name: user.name }) }),
    });
  return (
    <Table.Tr>
      <SubscriberCells user={user} />
      <UnsubscribeCell
        namedLabel={t('subscribers.removeNamed', { name: user.name })}
        isPending={remove.isPending}
        error={remove.error}
        onUnsubscribe={unsubscribe}
      />
    </Table.Tr>
  );
}
