import { Checkbox, Paper, Stack, Switch, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReportSubscription } from '@sada/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubscriberCells, SubscriberPicker, UnsubscribeCell } from '../analytics/SubscriberPicker.tsx';
import { errorMessage } from '../api/client.ts';
import { ErrorState, LoadingState } from '../ui/states.tsx';
import {
  type ReportSubscriber,
  useReportSubscribers,
  useUpdateReportSubscriptionOf,
} from './report-queries.ts';

/** Admins: who receives the weekly and monthly reports, and subscribing or unsubscribing someone else. */
export function ReportSubscribers() {
  const { t } = useTranslation('reports');
  const subscribers = useReportSubscribers();
  const subscribe = useUpdateReportSubscriptionOf();
  const [choice, setChoice] = useState<ReportSubscription>({ weekly: true, monthly: false });
  if (subscribers.isPending) return <LoadingState />;
  if (subscribers.isError)
    return <ErrorState error={subscribers.error} onRetry={() => void subscribers.refetch()} />;
  const { items } = subscribers.data;
  const add = (userId: string, clear: () => void) =>
    subscribe.mutate(
      { userId, subscription: choice },
      {
        onSuccess: () => {
          clear();
          notifications.show({ color: 'teal', message: t('subscribers.added') });
        },
      },
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-subscribers-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="report-subscribers-title">
          {t('subscribers.title')}
        </Title>
        {items.length === 0 ? (
          <Text size="sm">{t('subscribers.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table data-testid="report-subscribers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('subscribers.name')}</Table.Th>
                  <Table.Th>{t('subscribers.email')}</Table.Th>
                  <Table.Th>{t('kind.weekly')}</Table.Th>
                  <Table.Th>{t('kind.monthly')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('subscribers.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((subscriber) => (
                  <SubscriberRow key={subscriber.user.id} subscriber={subscriber} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <SubscriberPicker
          subscribedIds={items.map((item) => item.user.id)}
          nothingFound={t('subscribers.nobodyLeft')}
          isPending={subscribe.isPending}
          onSubscribe={add}
        >
          <Checkbox
            label={t('kind.weekly')}
            checked={choice.weekly}
            onChange={(event) => setChoice({ ...choice, weekly: event.currentTarget.checked })}
            mb={8}
          />
          <Checkbox
            label={t('kind.monthly')}
            checked={choice.monthly}
            onChange={(event) => setChoice({ ...choice, monthly: event.currentTarget.checked })}
            mb={8}
          />
        </SubscriberPicker>
        {subscribe.error && (
          <Text c="red.9" size="sm" role="alert">
            {errorMessage(subscribe.error)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function SubscriberRow({ subscriber }: { subscriber: ReportSubscriber }) {
  const { t } = useTranslation('reports');
  const update = useUpdateReportSubscriptionOf();
  const { user } = subscriber;
  // Shows the change at once, while it is being saved.
  const current = update.isPending ? update.variables.subscription : subscriber;
  const change = (subscription: ReportSubscription) =>
    update.mutate({
      userId: user.id,
      subscription: { weekly: subscription.weekly, monthly: subscription.monthly },
    });
  const unsubscribe = () =>
    update.mutate(
      { userId: user.id, subscription: { weekly: false, monthly: false } },
      {
        onSuccess: () =>
          notifications.show({ color: 'teal', message: t('subscribers.removed', { name: user.name }) }),
      },
    );
  return (
    <Table.Tr>
      <SubscriberCells user={user} />
      <Table.Td>
        <Switch
          checked={current.weekly}
          disabled={update.isPending}
          aria-label={t('subscribers.weeklyNamed', { name: user.name })}
          onChange={(event) => change({ ...current, weekly: event.currentTarget.checked })}
        />
      </Table.Td>
      <Table.Td>
        <Switch
          checked={current.monthly}
          disabled={update.isPending}
          aria-label={t('subscribers.monthlyNamed', { name: user.name })}
          onChange={(event) => change({ ...current, monthly: event.currentTarget.checked })}
        />
      </Table.Td>
      <UnsubscribeCell
        namedLabel={t('subscribers.removeNamed', { name: user.name })}
        isPending={update.isPending && !current.weekly && !current.monthly}
        error={update.error}
        onUnsubscribe={unsubscribe}
      />
    </Table.Tr>
  );
}
