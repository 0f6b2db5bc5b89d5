import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlugConnected, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelIcon } from '../cases/ChannelIcon.tsx';
import { DialogFrame } from '../ui/DialogFrame.tsx';
import { FormError } from '../ui/FormError.tsx';
import { useFormatters } from '../ui/format.ts';
import { UserText } from '../ui/UserText.tsx';
import { AdminList, ConfirmDialog } from './AdminParts.tsx';
import { useDisconnectSocialChannel, useSocialChannels, useTestSocialChannel } from './admin-queries.ts';
import { ChannelErrorLog } from './ChannelErrorLog.tsx';
import { SocialConnectForm } from './SocialConnectForm.tsx';
import { SocialWebhookInfo } from './SocialWebhookInfo.tsx';
import type { SocialChannel } from './social-kinds.ts';

/**
 * The connected social accounts: each with what to hand the platform (webhook URL, verify token),
 * when it last heard from it and, above all, why it is failing; a test, a disconnect, a connect form.
 */
export function SocialAccountsCard() {
  const { t } = useTranslation('channels');
  const channels = useSocialChannels();
  const [isConnecting, setIsConnecting] = useState(false);
  const [disconnecting, setDisconnecting] = useState<SocialChannel | undefined>(undefined);
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="channels-social-title"
      data-testid="channels-social"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h4" id="channels-social-title">
              {t('social.title')}
            </Title>
            <Text size="sm">{t('social.hint')}</Text>
          </div>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setIsConnecting(true)}>
            {t('social.connect')}
          </Button>
        </Group>
        <AdminList queries={[channels]} items={channels.data} emptyMessage={t('social.empty')}>
          {(items) => (
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {items.map((channel) => (
                <SocialAccount key={channel.id} channel={channel} onDisconnect={setDisconnecting} />
              ))}
            </Stack>
          )}
        </AdminList>
      </Stack>
      <DialogFrame
        opened={isConnecting}
        onClose={() => setIsConnecting(false)}
        title={t('social.connectTitle')}
        size="lg"
      >
        {isConnecting && <SocialConnectForm onDone={() => setIsConnecting(false)} />}
      </DialogFrame>
      {disconnecting && (
        <DisconnectDialog channel={disconnecting} onDone={() => setDisconnecting(undefined)} />
      )}
    </Paper>
  );
}

function SocialAccount({
  channel,
  onDisconnect,
}: {
  channel: SocialChannel;
  onDisconnect: (channel: SocialChannel) => void;
}) {
  const { t, i18n } = useTranslation('channels');
  const language = i18n.language === 'en' ? 'en' : 'ar';
  const format = useFormatters();
  const test = useTestSocialChannel();
  const name = `\u2068${channel.name}\u2069`;
  return (
    <Paper withBorder p="sm" component="li" data-testid="social-account" aria-label={channel.name}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Group gap={4} wrap="nowrap">
              <ChannelIcon channel={channel.kind} size={18} />
              <Text size="sm">{t(`social.kinds.${channel.kind}`)}</Text>
            </Group>
            <Text fw={600} dir="auto">
              {channel.name}
            </Text>
            <Text size="sm" c="gray.7">
              {t('social.accountId')}: <bdi dir="ltr">{channel.accountId}</bdi>
            </Text>
            <Badge color={channel.isEnabled ? 'teal' : 'gray'} variant="light" c="dark.7">
              {channel.isEnabled ? t('social.enabled') : t('social.disabled')}
            </Badge>
            {channel.lastError && (
              <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
                {t('social.failing')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="gray.7">
            {t('social.lastEvent')}:{' '}
            {channel.lastEventAt ? (
              <time dateTime={channel.lastEventAt} title={format.dateTime(channel.lastEventAt)}>
                {format.relativeTime(channel.lastEventAt)}
              </time>
            ) : (
              t('social.noEvent')
            )}
          </Text>
        </Group>
        {channel.lastError && (
          <Alert
            color="red"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('social.lastError', { name })}
            data-testid="social-error"
          >
            <UserText block style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
              {channel.lastError[language]}
            </UserText>
            <Text size="xs" mt={4}>
              {t('social.lastErrorHint')}
            </Text>
          </Alert>
        )}
        {channel.isEnabled && <SocialWebhookInfo channel={channel} />}
        {test.data && (
          <Alert
            color={test.data.isOk ? 'teal' : 'red'}
            p="xs"
            role="status"
            title={test.data.isOk ? t('social.testOk') : t('social.testFailed')}
            data-testid="social-test-result"
          >
            <UserText block style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
              {test.data.text[language]}
            </UserText>
          </Alert>
        )}
        <FormError error={test.error} />
        <ChannelErrorLog of="social" id={channel.id} name={name} />
        {channel.isEnabled && (
          <Group justify="flex-end" gap="xs">
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconPlugConnected size={14} aria-hidden />}
              loading={test.isPending}
              onClick={() => test.mutate(channel.id)}
              aria-label={t('social.testNamed', { name })}
            >
              {t('social.test')}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              c="red.9"
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={() => onDisconnect(channel)}
              aria-label={t('social.disconnectNamed', { name })}
            >
              {t('social.disconnect')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function DisconnectDialog({ channel, onDone }: { channel: SocialChannel; onDone: () => void }) {
  const { t } = useTranslation('channels');
  const disconnect = useDisconnectSocialChannel();
  const confirm = () =>
    disconnect.mutate(channel.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('social.disconnected') });
        onDone();
      },
    });
  return (
    <ConfirmDialog
      title={t('social.disconnectTitle')}
      question={t('social.disconnectQuestion', { name: `\u2068${channel.name}\u2069` })}
      confirmLabel={t('social.disconnect')}
      isPending={disconnect.isPending}
      error={disconnect.error}
      onConfirm={confirm}
      onClose={onDone}
    />
  );
}
