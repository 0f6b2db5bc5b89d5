import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconPlus, IconSend, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import { useCurrentUser } from '../auth/session.ts';
import { useFormatters } from '../ui/format.ts';
import {
  type AlertSubscriptionItem,
  useAlertSubscriptions,
  useCreateAlertSubscription,
  useDeleteAlertSubscription,
  useTestWebhook,
  useUpdateAlertSubscription,
} from './alert-subscription-queries.ts';

type Webhook = Extract<AlertSubscriptionItem, { kind: 'webhook' }>;

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
      <EmailToggle items={items} isSubscribed={isSubscribed} canManage={canManage} />
      {canManage && <WebhooksPanel items={items} />}
    </Stack>
  );
}

function EmailToggle({
  items,
  isSubscribed,
  canManage,
}: {
  items: AlertSubscriptionItem[];
  isSubscribed: boolean;
  /** Admins see everyone's subscriptions, so they are told how many people get the mail. */
  canManage: boolean;
}) {
  const { t } = useTranslation('analytics');
  const user = useCurrentUser();
  const create = useCreateAlertSubscription();
  const remove = useDeleteAlertSubscription();
  const own = items.find((item) => item.kind === 'email' && item.user.id === user.id);
  const subscribers = items.filter((item) => item.kind === 'email' && item.isEnabled);
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
      {canManage && (
        <Text size="sm" c="dimmed">
          {t('subscriptions.subscribers', { count: subscribers.length })}
        </Text>
      )}
    </Stack>
  );
}

function WebhooksPanel({ items }: { items: AlertSubscriptionItem[] }) {
  const { t } = useTranslation('analytics');
  const webhooks = items.filter((item): item is Webhook => item.kind === 'webhook');
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-labelledby="webhooks-title"
      data-testid="alert-webhooks"
    >
      <Title order={3} size="h4" id="webhooks-title">
        {t('subscriptions.webhooks')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('subscriptions.webhooksIntro')}
      </Text>
      {webhooks.length === 0 ? (
        <Text size="sm">{t('subscriptions.none')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('subscriptions.url')}</Table.Th>
              <Table.Th>{t('subscriptions.enabled')}</Table.Th>
              <Table.Th>{t('subscriptions.lastDelivery')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('subscriptions.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {webhooks.map((webhook) => (
              <WebhookRow key={webhook.id} webhook={webhook} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AddWebhookForm />
    </Paper>
  );
}

function WebhookRow({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation('analytics');
  const format = useFormatters();
  const update = useUpdateAlertSubscription();
  const remove = useDeleteAlertSubscription();
  const test = useTestWebhook();
  const url = `\u2066${webhook.url}\u2069`;
  const last = webhook.lastDelivery;
  const sendTest = () =>
    test.mutate(webhook.id, {
      onSuccess: (result) =>
        notifications.show(
          result.isDelivered
            ? { color: 'teal', message: t('subscriptions.testOk', { status: result.httpStatus }) }
            : { color: 'red', message: t('subscriptions.testFailed', { error: result.error }) },
        ),
    });
  const error = update.error ?? remove.error ?? test.error;
  return (
    <Table.Tr data-testid="alert-webhook">
      <Table.Td>
        <Text size="sm" dir="ltr" style={{ wordBreak: 'break-all' }}>
          {webhook.url}
        </Text>
      </Table.Td>
      <Table.Td>
        <Switch
          checked={
            update.isPending ? (update.variables.changes.isEnabled ?? webhook.isEnabled) : webhook.isEnabled
          }
          disabled={update.isPending}
          aria-label={t('subscriptions.enabledNamed', { url })}
          onChange={(event) =>
            update.mutate({ id: webhook.id, changes: { isEnabled: event.currentTarget.checked } })
          }
        />
      </Table.Td>
      <Table.Td>
        {last?.attemptedAt ? (
          <Stack gap={2}>
            <Badge
              variant="light"
              color={last.status === 'sent' ? 'teal' : last.status === 'pending' ? 'orange' : 'red'}
            >
              {t(`subscriptions.status.${last.status}`)}
            </Badge>
            <Text size="xs">{format.dateTime(last.attemptedAt)}</Text>
            {last.error && (
              <Text size="xs" c="red.9" data-testid="alert-webhook-error">
                {last.error}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('subscriptions.never')}
          </Text>
        )}
        {error && (
          <Text size="xs" c="red.9" role="alert">
            {errorMessage(error)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconSend size={14} aria-hidden />}
            loading={test.isPending}
            aria-label={t('subscriptions.testNamed', { url })}
            onClick={sendTest}
          >
            {t('subscriptions.test')}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            c="red.9"
            leftSection={<IconTrash size={14} aria-hidden />}
            loading={remove.isPending}
            aria-label={t('subscriptions.deleteNamed', { url })}
            onClick={() =>
              remove.mutate(webhook.id, {
                onSuccess: () => notifications.show({ color: 'teal', message: t('subscriptions.deleted') }),
              })
            }
          >
            {t('subscriptions.delete')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function AddWebhookForm() {
  const { t } = useTranslation('analytics');
  const create = useCreateAlertSubscription();
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { kind: 'webhook', url },
      {
        onSuccess: (created) => {
          if (created.kind === 'webhook') setSecret(created.secret);
          setUrl('');
        },
      },
    );
  };
  return (
    <Stack gap="xs" mt="sm">
      {secret && (
        <Alert color="teal" icon={<IconKey size={18} aria-hidden />} title={t('subscriptions.secretTitle')}>
          <Text size="sm">{t('subscriptions.secretOnce')}</Text>
          <Group gap="xs" mt={4}>
            <Code dir="ltr" data-testid="alert-webhook-secret">
              {secret}
            </Code>
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button size="compact-sm" variant="light" onClick={copy}>
                  {copied ? t('subscriptions.copied') : t('subscriptions.copy')}
                </Button>
              )}
            </CopyButton>
            <Button size="compact-sm" variant="subtle" onClick={() => setSecret(null)}>
              {t('subscriptions.dismiss')}
            </Button>
          </Group>
        </Alert>
      )}
      <form onSubmit={submit}>
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('subscriptions.newUrl')}
            placeholder="https://hooks.example.com/sada"
            dir="ltr"
            type="url"
            required
            value={url}
            onChange={(event) => setUrl(event.currentTarget.value)}
            error={create.error ? errorMessage(create.error) : undefined}
            style={{ flex: 1, minWidth: 240 }}
          />
          <Button type="submit" leftSection={<IconPlus size={16} aria-hidden />} loading={create.isPending}>
            {t('subscriptions.add')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
