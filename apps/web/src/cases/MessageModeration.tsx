import { ActionIcon, Alert, Badge, Button, Group, Menu, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ModerationLabel } from '@sada/contracts';
import type { Channel } from '@sada/core';
import { IconDots, IconEye, IconEyeOff, IconFlag } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import { useMarkMessage } from '../moderation/moderation-queries.ts';
import { DialogFrame } from '../ui/DialogFrame.tsx';
import type { CaseMessage } from './case-types.ts';
import { type ModerationReason, useModerateMessage } from './useCase.ts';

/** Platforms whose public comments an agent can hide (never delete) from Sada. */
const CHANNELS_WITH_HIDING: readonly Channel[] = ['facebook', 'instagram'];
const REASONS: readonly ModerationReason[] = ['abuse', 'spam', 'personal_data', 'other'];

type ModeratedMessage = Pick<CaseMessage, 'id' | 'direction' | 'visibility' | 'channel' | 'moderation'>;

/** Any customer message can be marked as abuse or spam for the moderation queue. */
export const canBeModerated = (message: ModeratedMessage) => message.direction === 'inbound';

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

/**
 * The menu of a customer's message: mark it as abuse or spam for the moderation queue; on a public
 * comment, hide it on its platform (asking why), or show it again.
 */
export function ModerationMenu({ message, reference }: { message: ModeratedMessage; reference: string }) {
  const { t } = useTranslation(['case', 'common', 'moderation']);
  const moderate = useModerateMessage(reference);
  const [isAsking, setIsAsking] = useState(false);
  const [isMarking, setIsMarking] = useState(false);
  const isHideable = canBeHidden(message);
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
          <Menu.Item leftSection={<IconFlag size={14} aria-hidden />} onClick={() => setIsMarking(true)}>
            {t('moderation:mark.action')}
          </Menu.Item>
          {isHideable &&
            (moderation?.isHidden ? (
              <Menu.Item leftSection={<IconEye size={14} aria-hidden />} onClick={unhide}>
                {t('moderation.unhide', { channel: channelName })}
              </Menu.Item>
            ) : (
              <Menu.Item leftSection={<IconEyeOff size={14} aria-hidden />} onClick={() => setIsAsking(true)}>
                {t('moderation.hide', { channel: channelName })}
              </Menu.Item>
            ))}
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
      <DialogFrame opened={isMarking} onClose={() => setIsMarking(false)} title={t('moderation:mark.title')}>
        {isMarking && (
          <MarkForm messageId={message.id} reference={reference} onDone={() => setIsMarking(false)} />
        )}
      </DialogFrame>
    </>
  );
}

/** Marks the message as abuse or spam, with a reason: it joins the moderation queue, nothing is hidden. */
function MarkForm({
  messageId,
  reference,
  onDone,
}: {
  messageId: string;
  reference: string;
  onDone: () => void;
}) {
  const { t } = useTranslation(['moderation', 'common']);
  const mark = useMarkMessage(reference);
  const [label, setLabel] = useState<ModerationLabel>('abuse');
  const [reason, setReason] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim() === '') return;
        mark.mutate(
          { messageId, label, reason: reason.trim() },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('mark.done') });
              onDone();
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('mark.explain')}</Text>
        <Select
          label={t('mark.label')}
          required
          allowDeselect={false}
          data={(['abuse', 'spam'] as const).map((value) => ({ value, label: t(`label.${value}`) }))}
          value={label}
          onChange={(value) => value && setLabel(value as ModerationLabel)}
        />
        <Textarea
          label={t('dialog.reason')}
          description={t('dialog.reasonHint')}
          required
          maxLength={500}
          autosize
          minRows={2}
          dir="auto"
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-autofocus
        />
        {mark.isError && (
          <Alert color="red" p="xs" role="alert">
            {errorMessage(mark.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" disabled={reason.trim() === ''} loading={mark.isPending}>
            {t('mark.action')}
          </Button>
        </Group>
      </Stack>
    </form>
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
