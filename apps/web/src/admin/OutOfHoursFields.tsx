import { Code, Group, List, Select, Stack, Switch, Text } from '@mantine/core';
import { CHANNELS, type Channel } from '@sada/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelSettings } from './admin-queries.ts';
import { LocalizedInputs } from './ChannelsParts.tsx';

export type OutOfHours = ChannelSettings['outOfHours'];
type Localized = { ar: string; en: string };

const OUT_OF_HOURS_VARIABLES = ['hours', 'opens_at'] as const;

/** The out-of-hours text as the server keeps it: every text without the spaces around it. */
export function trimmedOutOfHours(value: OutOfHours): OutOfHours {
  const trim = (text: Localized) => ({ ar: text.ar.trim(), en: text.en.trim() });
  return {
    subject: trim(value.subject),
    body: trim(value.body),
    byChannel: Object.fromEntries(
      Object.entries(value.byChannel).map(([channel, text]) => [
        channel,
        { subject: trim(text!.subject), body: trim(text!.body) },
      ]),
    ),
  };
}

/**
 * The acknowledgement sent while the desk is closed: one text for every channel, and a channel's own
 * text where the admin wants one (a short one for X, say).
 */
export function OutOfHoursFields({
  value,
  onChange,
  errorAt,
}: {
  value: OutOfHours;
  onChange: (value: OutOfHours) => void;
  errorAt: (field: string) => string | undefined;
}) {
  const { t } = useTranslation(['channels', 'common']);
  const [scope, setScope] = useState<Channel | 'all'>('all');
  const own = scope === 'all' ? undefined : value.byChannel[scope];
  const text = scope === 'all' ? value : own;
  const path = scope === 'all' ? 'outOfHours' : `outOfHours.byChannel.${scope}`;

  const setPart = (part: 'subject' | 'body', localized: Localized) => {
    if (scope === 'all') return onChange({ ...value, [part]: localized });
    const current = own ?? { subject: value.subject, body: value.body };
    onChange({ ...value, byChannel: { ...value.byChannel, [scope]: { ...current, [part]: localized } } });
  };
  const setOwn = (isOwn: boolean) => {
    if (scope === 'all') return;
    const { [scope]: _dropped, ...others } = value.byChannel;
    onChange({
      ...value,
      byChannel: isOwn ? { ...others, [scope]: { subject: value.subject, body: value.body } } : others,
    });
  };

  return (
    <Stack gap="xs" data-testid="out-of-hours">
      <div>
        <Text size="sm" fw={600}>
          {t('acknowledgement.outOfHours.title')}
        </Text>
        <Text size="xs" c="gray.7">
          {t('acknowledgement.outOfHours.hint')}
        </Text>
      </div>
      <Select
        label={t('acknowledgement.outOfHours.scope')}
        data={[
          { value: 'all', label: t('acknowledgement.outOfHours.allChannels') },
          ...CHANNELS.map((channel) => ({
            value: channel,
            label: value.byChannel[channel]
              ? t('acknowledgement.outOfHours.withOwnText', { channel: t(`common:channel.${channel}`) })
              : t(`common:channel.${channel}`),
          })),
        ]}
        value={scope}
        onChange={(next) => setScope((next ?? 'all') as Channel | 'all')}
        allowDeselect={false}
        maw={320}
      />
      {scope !== 'all' && (
        <Switch
          label={t('acknowledgement.outOfHours.ownText', { channel: t(`common:channel.${scope}`) })}
          description={own ? undefined : t('acknowledgement.outOfHours.usesGeneral')}
          checked={!!own}
          onChange={(event) => setOwn(event.currentTarget.checked)}
        />
      )}
      {text && (
        <>
          <LocalizedInputs
            label={t('acknowledgement.subject')}
            value={text.subject}
            onChange={(localized) => setPart('subject', localized)}
            path={`${path}.subject`}
            errorAt={errorAt}
            maxLength={300}
          />
          <LocalizedInputs
            label={t('acknowledgement.body')}
            value={text.body}
            onChange={(localized) => setPart('body', localized)}
            path={`${path}.body`}
            errorAt={errorAt}
            isMultiline
            maxLength={5000}
          />
        </>
      )}
      <div>
        <Text size="sm" fw={600}>
          {t('acknowledgement.outOfHours.variables')}
        </Text>
        <List size="sm" spacing={2}>
          {OUT_OF_HOURS_VARIABLES.map((variable) => (
            <List.Item key={variable}>
              <Group gap={6} wrap="nowrap" component="span">
                <Code dir="ltr">{`{{${variable}}}`}</Code>
                <span>{t(`acknowledgement.outOfHours.variableNames.${variable}`)}</span>
              </Group>
            </List.Item>
          ))}
        </List>
      </div>
    </Stack>
  );
}
