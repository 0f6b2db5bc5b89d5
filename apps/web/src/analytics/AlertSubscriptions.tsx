import { Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import { useCurrentUser } from '../auth/session.ts';
import { AlertSubscribers } from './AlertSubscribers.tsx';
import { WebhooksPanel } from './AlertWebhooks.tsx';
import {
  type AlertSubscriptionItem,
  useAlertSubscriptions,
  useCreateAlertSubscription,
  useDeleteAlertSubscription,
} from './alert-subscription-queries.ts';

/**
 * Early warnings outside the console: everyone who reads analytics switches their own e-mail on or
 * off; admins also see who is subscribed and manage the outgoing webhooks.
 */
export function AlertSubscriptions() {
  const subscriptions = useAlertSubscriptions();
  if (!subscriptions.data) return null;
  const { items, isSubscribed, canManage } = subscriptions.data;
  return (
    <Stack gap="sm" mb="sm">
      <EmailToggle items={items} isSubscribed={isSubscribed} />
      {canManage && <AlertSubscribers items={items} />}
      {canManage && <WebhooksPanel items={items} />}
    </Stack>
  );
}

function EmailToggle({ items, isSubscribed }: { items: AlertSubscriptionItem[]; isSubscribed: boolean }) {
  const { t } = useTranslation('analytics');
  const user = useCurrentUser();
  const create = useCreateAlertSubscription();
  const remove = useDeleteAlertSubscription();
  const own = items.find((item) => item.kind === 'email' && item.user.id === user.id);
  const change = (isOn: boolean) => {
    const done = {
      onSuccess: () =>
        notifications.show({
          color: 'teal',
          message: t(isOn ? 'subscriptions.subscribed' : 'subscriptions.unsubscribed'),
        }),
    };
    if (isOn) create.mutate({ kind: 'email' }, done);
    else if (own) remove.mutate(own.id, done);
  };
  const error = create.error ?? remove.error;
  return (
    <Stack gap={4}>
      <Switch
        // Shows the change at once; the mutations stay pending until the list is read again.
        checked={create.isPending || (isSubscribed && !remove.isPending)}
        disabled={create.isPending || remove.isPending}
        onChange={(event) => change(event.currentTarget.checked)}
        label={t('subscriptions.email')}
        description={t('subscriptions.emailHelp')}
        data-testid="alert-email-toggle"
      />
      {error && (
        <Text c="red.9" size="sm" role="alert">
          {errorMessage(error)}
        </Text>
      )}
    </Stack>
  );
}
