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
import { IconKey, IconPlus, IconRefresh, IconSend, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../admin/AdminParts.tsx';
import { errorMessage } from '../api/client.ts';
import { useFormatters } from '../ui/format.ts';
import {
  type AlertSubscriptionItem,
  useCreateAlertSubscription,
  useDeleteAlertSubscription,
  useRotateWebhookSecret,
  useTestWebhook,
  useUpdateAlertSubscription,
} from './alert-subscription-queries.ts';

type Webhook = Extract<AlertSubscriptionItem, { kind: 'webhook' }>;

/** A webhook's signing secret, shown once: after it is added or replaced. */
type ShownSecret = { url: string; secret: string; isNew: boolean };

/** Admins: the outgoing webhooks, each with its switch, last delivery, test, new secret and delete. */
export function WebhooksPanel({ items }: { items: AlertSubscriptionItem[] }) {
  const { t } = useTranslation('analytics');
  const webhooks = items.filter((item): item is Webhook => item.kind === 'webhook');
  const [shown, setShown] = useState<ShownSecret | null>(null);
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
      {shown && <SecretOnce shown={shown} onDismiss={() => setShown(null)} />}
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
              <WebhookRow
                key={webhook.id}
                webhook={webhook}
                onRotated={(secret) => setShown({ url: webhook.url, secret, isNew: false })}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AddWebhookForm onAdded={(url, secret) => setShown({ url, secret, isNew: true })} />
    </Paper>
  );
}

function WebhookRow({ webhook, onRotated }: { webhook: Webhook; onRotated: (secret: string) => void }) {
  const { t } = useTranslation('analytics');
  const format = useFormatters();
  const update = useUpdateAlertSubscription();
  const remove = useDeleteAlertSubscription();
  const test = useTestWebhook();
  const rotate = useRotateWebhookSecret();
  const [isRotating, setIsRotating] = useState(false);
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
            variant="light"
            leftSection={<IconRefresh size={14} aria-hidden />}
            aria-label={t('subscriptions.rotateNamed', { url })}
            onClick={() => setIsRotating(true)}
          >
            {t('subscriptions.rotate')}
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
        {isRotating && (
          <ConfirmDialog
            title={t('subscriptions.rotateTitle')}
            question={t('subscriptions.rotateQuestion', { url })}
            confirmLabel={t('subscriptions.rotate')}
            isPending={rotate.isPending}
            error={rotate.error}
            onConfirm={() =>
              rotate.mutate(webhook.id, {
                onSuccess: (rotated) => {
                  setIsRotating(false);
                  onRotated(rotated.secret);
                },
              })
            }
            onClose={() => {
              setIsRotating(false);
              rotate.reset();
            }}
          />
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function SecretOnce({ shown, onDismiss }: { shown: ShownSecret; onDismiss: () => void }) {
  const { t } = useTranslation('analytics');
  const { secret } = shown;
  return (
    <Alert
      color="teal"
      icon={<IconKey size={18} aria-hidden />}
      title={shown.isNew ? t('subscriptions.secretTitle') : t('subscriptions.rotatedTitle')}
      mb="xs"
    >
      {!shown.isNew && (
        <Text size="sm" dir="auto">
          {t('subscriptions.rotatedFor', { url: `\u2066${shown.url}\u2069` })}
        </Text>
      )}
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
        <Button size="compact-sm" variant="subtle" onClick={onDismiss}>
          {t('subscriptions.dismiss')}
        </Button>
      </Group>
    </Alert>
  );
}

function AddWebhookForm({ onAdded }: { onAdded: (url: string, secret: string) => void }) {
  const { t } = useTranslation('analytics');
  const create = useCreateAlertSubscription();
  const [url, setUrl] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { kind: 'webhook', url },
      {
        onSuccess: (created) => {
          if (created.kind === 'webhook') onAdded(created.url, created.secret);
          setUrl('');
        },
      },
    );
  };
  return (
    <Stack gap="xs" mt="sm">
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
