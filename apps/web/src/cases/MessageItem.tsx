import { Group, Text } from '@mantine/core';
import type { Channel } from '@sada/core';
import { IconLock, IconNote } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { UserText } from '../ui/UserText.tsx';
import { ChannelIcon } from './ChannelIcon.tsx';
import classes from './case.module.css';
import type { CaseMessage } from './case-types.ts';
import { DeliveryState } from './DeliveryState.tsx';
import { MessageAttachments } from './MessageAttachments.tsx';
import { canBeModerated, HiddenBadge, ModerationMenu } from './MessageModeration.tsx';
import { RelativeTime } from './RelativeTime.tsx';

/** What kind of message a bubble shows; each kind has its own colour and label. */
export type MessageKind = 'inbound' | 'public' | 'private' | 'note';

export function kindOf(message: Pick<CaseMessage, 'direction' | 'visibility'>): MessageKind {
  switch (message.direction) {
    case 'inbound':
      return 'inbound';
    case 'note':
      return 'note';
    case 'outbound':
      return message.visibility === 'private' ? 'private' : 'public';
  }
}

/**
 * One message of the thread: kind, channel, author and time above the text, attachments below, and
 * for a reply sent through a channel, where its delivery stands.
 */
export function MessageItem({
  message,
  author,
  now,
  label,
  reference,
  canRetry = false,
  canModerate = false,
}: {
  message: Pick<
    CaseMessage,
    'id' | 'direction' | 'visibility' | 'channel' | 'body' | 'attachments' | 'createdAt' | 'delivery'
  > &
    Partial<Pick<CaseMessage, 'moderation'>>;
  author: string;
  now: number;
  /** Replaces the kind's label, e.g. for the message that opened the case. */
  label?: string;
  reference: string;
  /** Whether the reader may send a failed reply again. */
  canRetry?: boolean;
  /** Whether the reader may hide a customer's public comment on its platform. */
  canModerate?: boolean;
}) {
  const { t } = useTranslation(['case', 'common']);
  const kind = kindOf(message);
  const channel = message.channel as Channel;
  const moderated = { ...message, moderation: message.moderation ?? null };
  const isHidden = moderated.moderation?.isHidden === true;
  return (
    <li>
      <article
        className={classes.bubble}
        data-kind={kind}
        data-hidden={isHidden || undefined}
        data-testid="message"
        aria-label={t(`thread.kinds.${kind}`)}
      >
        <Group gap={6} wrap="wrap" className={classes.meta}>
          {kind === 'private' && <IconLock size={14} aria-hidden />}
          {kind === 'note' && <IconNote size={14} aria-hidden />}
          <span className={classes.kindLabel}>{label ?? t(`thread.kinds.${kind}`)}</span>
          <span aria-hidden>·</span>
          <Group gap={3} component="span" wrap="nowrap">
            <ChannelIcon channel={channel} />
            {t(`common:channel.${channel}`)}
          </Group>
          <span aria-hidden>·</span>
          <Text span size="xs" fw={600} c="gray.9">
            <UserText>{author}</UserText>
          </Text>
          <span aria-hidden>·</span>
          <RelativeTime value={message.createdAt} now={now} />
          <HiddenBadge message={moderated} />
          {canModerate && canBeModerated(moderated) && (
            <span className={classes.messageActions}>
              <ModerationMenu message={moderated} reference={reference} />
            </span>
          )}
        </Group>
        <UserText block className={classes.body}>
          {message.body}
        </UserText>
        {message.attachments.length > 0 && <MessageAttachments attachments={message.attachments} />}
        {message.direction === 'outbound' && message.delivery && (
          <DeliveryState
            reference={reference}
            messageId={message.id}
            delivery={message.delivery}
            now={now}
            canRetry={canRetry}
          />
        )}
      </article>
    </li>
  );
}
