import { ActionIcon, Alert, Badge, Button, Group, Menu, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Channel } from '@sada/core';
import { IconDots, IconEye, IconEyeOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import { DialogFrame } from '../ui/DialogFrame.tsx';
import type { CaseMessage } from './case-types.ts';
import { type ModerationReason, useModerateMessage } from './useCase.ts';

/** Platforms whose public comments an agent can hide (never delete) from Sada. */
const CHANNELS_WITH_HIDING: readonly Channel[] = ['facebook', 'instagram'];
const REASONS: readonly ModerationReason[] = ['abuse', 'spam', 'personal_data', 'other'];

type ModeratedMessage = Pick<CaseMessage, 'id' | 'direction' | 'visibility' | 'channel' | 'moderation'>;

/** A customer's public comment on Facebook or Instagram: the only messages an agent may hide. */
export const canBeHidden = (message: ModeratedMessage) =>
  message.direction === 'inbound' &&
  message.visibility === 'public' &&
  CHANNELS_WITH_HIDING.includes(message.channel as Channel);

/** "Hidden on Facebook — Spam", with the agent's note on hover. */
export function HiddenBadge({ message }: { message: ModeratedMessage }) {
  const { t } = useTranslation(['case', 'common']);
  if (!message.moderation?.isHidden) return null;
  const channel = message.channel as Channel;
  return (
    <Badge
      color="orange"
      variant="light"
      c="dark.7"
      leftSection={<IconEyeOff size={12} aria-hidden />}
      title={message.moderation.note ?? undefined}
      data-testid="message-hidden"
    >
      {t('moderation.hidden', {
        channel: t(`common:channel.${channel}`),
        reason: t(`moderation.reasons.${message.moderation.reason}`),
      })}
    </Badge>
  );
}

/** The menu of a public comment: hide it on its platform (asking why), or show it again. */
export function ModerationMenu({ message, reference }: { message: ModeratedMessage; reference: string }) {
  const { t } = useTranslation(['case', 'common']);
  const moderate = useModerateMessage(reference);
  const [isAsking, setIsAsking] = useState(false);
  const channelName = t(`common:channel.${message.channel as Channel}`);
  const moderation = message.moderation;
  const unhide = () => {
    if (!moderation) return;
    moderate.mutate(
      { messageId: message.id, isHidden: false, reason: moderation.reason },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: t('moderation.unhiddenDone', { channel: channelName }),
          }),
        onError: (error) =>
          notifications.show({ color: 'red', title: t('common:errors.title'), message: errorMessage(error) }),
      },
    );
  };
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={t('moderation.actions')}
            loading={moderate.isPending}
            data-testid="message-actions"
          >
            <IconDots size={16} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {moderation?.isHidden ? (
            <Menu.Item leftSection={<IconEye size={14} aria-hidden />} onClick={unhide}>
              {t('moderation.unhide', { channel: channelName })}
            </Menu.Item>
          ) : (
            <Menu.Item leftSection={<IconEyeOff size={14} aria-hidden />} onClick={() => setIsAsking(true)}>
              {t('moderation.hide', { channel: channelName })}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <DialogFrame
        opened={isAsking}
        onClose={() => setIsAsking(false)}
        title={t('moderation.hideTitle', { channel: channelName })}
      >
        {isAsking && (
          <HideForm
            messageId={message.id}
            reference={reference}
            channelName={channelName}
            onDone={() => setIsAsking(false)}
          />
        )}
      </DialogFrame>
    </>
  );
}

function HideForm({
  messageId,
  reference,
  channelName,
  onDone,
}: {
  messageId: string;
  reference: string;
  channelName: string;
  onDone: () => void;
}) {
  const { t } = useTranslation(['case', 'common']);
  const moderate = useModerateMessage(reference);
  const [reason, setReason] = useState<ModerationReason | ''>('');
  const [note, setNote] = useState('');
  const canHide = reason !== '' && (reason !== 'other' || note.trim() !== '');
  const hide = () => {
    if (reason === '') return;
    moderate.mutate(
      { messageId, isHidden: true, reason, ...(note.trim() !== '' && { note: note.trim() }) },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t('moderation.hiddenDone', { channel: channelName }),
          });
          onDone();
        },
      },
    );
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        hide();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('moderation.hideExplain')}</Text>
        <Select
          label={t('moderation.reason')}
          required
          allowDeselect={false}
          data={REASONS.map((value) => ({ value, label: t(`moderation.reasons.${value}`) }))}
          value={reason === '' ? null : reason}
          onChange={(value) => value && setReason(value as ModerationReason)}
          data-autofocus
        />
        <Textarea
          label={t('moderation.note')}
          description={t('moderation.noteHint')}
          required={reason === 'other'}
          maxLength={500}
          autosize
          minRows={2}
          dir="auto"
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        {moderate.isError && (
          <Alert color="red" p="xs" role="alert">
            {errorMessage(moderate.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" color="red.9" disabled={!canHide} loading={moderate.isPending}>
            {t('moderation.hide', { channel: channelName })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
