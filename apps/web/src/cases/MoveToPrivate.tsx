import { Alert, Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Channel } from '@sada/core';
import { IconCircleCheck, IconLock, IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import { DialogFrame } from '../ui/DialogFrame.tsx';
import { useFormatters } from '../ui/format.ts';
import type { CaseDetail } from './case-types.ts';
import { useCaseActions } from './useCase.ts';

/** Platforms where a public conversation can be invited into private messages. */
const CHANNELS_WITH_PRIVATE_MOVE: readonly Channel[] = ['facebook', 'instagram', 'x'];

/**
 * A public social conversation moved to private messages: the button that sends the public
 * invitation, then where the move stands (invited at…, the customer continued privately at…).
 */
export function MoveToPrivate({ caseDetail, canWork }: { caseDetail: CaseDetail; canWork: boolean }) {
  const { t } = useTranslation(['case', 'common']);
  const [isOpen, setIsOpen] = useState(false);
  const channel = caseDetail.channel as Channel;
  const move = caseDetail.privateMove;
  const canMove =
    canWork &&
    move === null &&
    caseDetail.conversationScope === 'public' &&
    CHANNELS_WITH_PRIVATE_MOVE.includes(channel);
  if (!move && !canMove) return null;
  return (
    <Group gap="xs" mb="xs" wrap="wrap" data-testid="private-move">
      {move && <MoveState at={move.at} acceptedAt={move.acceptedAt} />}
      {canMove && (
        <Button
          size="xs"
          variant="light"
          color="indigo"
          c="indigo.9"
          leftSection={<IconLock size={14} aria-hidden />}
          onClick={() => setIsOpen(true)}
        >
          {t('privateMove.button')}
        </Button>
      )}
      <DialogFrame opened={isOpen} onClose={() => setIsOpen(false)} title={t('privateMove.title')}>
        {isOpen && <MoveForm caseDetail={caseDetail} onDone={() => setIsOpen(false)} />}
      </DialogFrame>
    </Group>
  );
}

function MoveState({ at, acceptedAt }: { at: string; acceptedAt: string | null }) {
  const { t } = useTranslation('case');
  const format = useFormatters();
  const steps: { key: 'invitedAt' | 'acceptedAt'; at: string; color: string; Icon: typeof IconLock }[] = [
    { key: 'invitedAt', at, color: 'indigo', Icon: IconMailForward },
    ...(acceptedAt
      ? [{ key: 'acceptedAt' as const, at: acceptedAt, color: 'teal', Icon: IconCircleCheck }]
      : []),
  ];
  return steps.map(({ key, at: time, color, Icon }) => (
    <Badge
      key={key}
      variant="light"
      color={color}
      c="dark.7"
      leftSection={<Icon size={12} aria-hidden />}
      title={format.dateTime(time)}
    >
      {t(`privateMove.${key}`, { time: format.relativeTime(time) })}
    </Badge>
  ));
}

function MoveForm({ caseDetail, onDone }: { caseDetail: CaseDetail; onDone: () => void }) {
  const { t, i18n } = useTranslation(['case', 'common']);
  const { moveToPrivate } = useCaseActions(caseDetail.referenceNumber);
  const [body, setBody] = useState('');
  const channelName = t(`common:channel.${caseDetail.channel as Channel}`);
  // The default goes out in the case's language, whatever the agent's console speaks.
  const caseLanguage =
    caseDetail.language === 'en' ? 'en' : caseDetail.language === 'ar' ? 'ar' : i18n.language;
  const defaultText = i18n.getFixedT(caseLanguage, 'case')('privateMove.defaultText');
  const send = () =>
    moveToPrivate.mutate(body.trim() === '' ? undefined : body.trim(), {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('privateMove.done') });
        onDone();
      },
    });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('privateMove.explain', { channel: channelName })}</Text>
        <Textarea
          label={t('privateMove.body')}
          description={t('privateMove.bodyHint')}
          placeholder={defaultText}
          autosize
          minRows={3}
          maxLength={2000}
          dir="auto"
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          data-autofocus
        />
        {moveToPrivate.isError && (
          <Alert color="red" p="xs" role="alert">
            {errorMessage(moveToPrivate.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" color="indigo.8" loading={moveToPrivate.isPending}>
            {t('privateMove.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
