import { Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { channelLinks } from './channel-settings.ts';

type LinkName = 'formUrl' | 'embed' | 'statusUrl' | 'widget';

/** The addresses and snippets an admin hands out or pastes into the company's website, each to copy. */
export function ChannelLinks({ slug }: { slug: string }) {
  const { t } = useTranslation('channels');
  const links = channelLinks(window.location.origin, slug);
  const items: { name: LinkName; text: string }[] = [
    { name: 'formUrl', text: links.formUrl },
    { name: 'embed', text: links.embedSnippet },
    { name: 'statusUrl', text: links.statusUrl },
    { name: 'widget', text: links.widgetSnippet },
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="channel-links-title">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id="channel-links-title">
            {t('links.title')}
          </Title>
          <Text size="sm">{t('links.hint')}</Text>
        </div>
        {items.map(({ name, text }) => (
          <Stack key={name} gap={4} data-testid={`channel-link-${name}`}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Text size="sm" fw={600}>
                  {t(`links.${name}`)}
                </Text>
                <Text size="xs" c="gray.7">
                  {t(`links.${name}Hint`)}
                </Text>
              </div>
              <CopyButton value={text}>
                {({ copied, copy }) => (
                  <Button
                    size="compact-sm"
                    variant={copied ? 'filled' : 'light'}
                    leftSection={
                      copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />
                    }
                    onClick={copy}
                    aria-label={t('links.copyNamed', { name: t(`links.${name}`) })}
                  >
                    {copied ? t('links.copied') : t('links.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Code block dir="ltr" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {text}
            </Code>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
