import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isMetaKind, type SocialChannel, telegramSetWebhookCommand } from './social-kinds.ts';

/**
 * What the admin hands to the platform for one account: the webhook URL, Meta's verify token, each
 * with a copy button, and one line saying where they go.
 */
export function SocialWebhookInfo({ channel }: { channel: SocialChannel }) {
  const { t } = useTranslation('channels');
  if (channel.isPolling) {
    return (
      <Text size="sm" data-testid="social-polling">
        {t('social.polling')}
      </Text>
    );
  }
  const items = [
    { label: t('social.webhookUrl'), text: channel.webhookUrl, testId: 'social-webhook-url' },
    ...(isMetaKind(channel.kind) && channel.verifyToken
      ? [{ label: t('social.verifyToken'), text: channel.verifyToken, testId: 'social-verify-token' }]
      : []),
  ];
  return (
    <Stack gap={6}>
      {items.map((item) => (
        <CopyableText key={item.testId} {...item} />
      ))}
      <Text size="xs" c="gray.7">
        {t(`social.whereToPaste.${channel.kind}`)}
      </Text>
      {channel.kind === 'telegram' && (
        <Code block dir="ltr" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {telegramSetWebhookCommand(channel.webhookUrl)}
        </Code>
      )}
    </Stack>
  );
}

function CopyableText({ label, text, testId }: { label: string; text: string; testId: string }) {
  const { t } = useTranslation('channels');
  return (
    <Group gap="xs" wrap="nowrap" align="center" data-testid={testId}>
      <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Code dir="ltr" style={{ overflowWrap: 'anywhere', flex: 1 }}>
        {text}
      </Code>
      <CopyButton value={text}>
        {({ copied, copy }) => (
          <Button
            size="compact-sm"
            variant={copied ? 'filled' : 'light'}
            leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
            onClick={copy}
            aria-label={t('social.copyNamed', { name: label })}
          >
            {copied ? t('social.copied') : t('social.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
