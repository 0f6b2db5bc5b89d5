import { Anchor, Group, List, Text } from '@mantine/core';
import type { Channel } from '@sada/core';
import { IconLock, IconNote, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../ui/format.ts';
import { UserText } from '../ui/UserText.tsx';
import { ChannelIcon } from './ChannelIcon.tsx';
import classes from './case.module.css';
import type { CaseMessage } from './case-types.ts';
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

// Sizes in the UI language: "12 kB", "1.5 MB" ("١٢ كيلوبايت" reads as Arabic users expect).
function fileSize(bytes: number, locale: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / (1024 * 1024), 'megabyte']
      : bytes >= 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

/** One message of the thread: kind, channel, author and time above the text, attachments below. */
export function MessageItem({
  message,
  author,
  now,
  label,
}: {
  message: Pick<
    CaseMessage,
    'id' | 'direction' | 'visibility' | 'channel' | 'body' | 'attachments' | 'createdAt'
  >;
  author: string;
  now: number;
  /** Replaces the kind's label, e.g. for the message that opened the case. */
  label?: string;
}) {
  const { t } = useTranslation(['case', 'common']);
  const format = useFormatters();
  const kind = kindOf(message);
  const channel = message.channel as Channel;
  return (
    <li>
      <article
        className={classes.bubble}
        data-kind={kind}
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
        </Group>
        <UserText block className={classes.body}>
          {message.body}
        </UserText>
        {message.attachments.length > 0 && (
          <List
            size="xs"
            spacing={2}
            icon={<IconPaperclip size={12} aria-hidden />}
            aria-label={t('thread.attachments')}
          >
            {message.attachments.map((attachment) => (
              <List.Item key={`${attachment.name}-${attachment.size}`}>
                {attachment.url ? (
                  <Anchor href={attachment.url} target="_blank" rel="noreferrer noopener" size="xs">
                    <UserText>{attachment.name}</UserText>
                  </Anchor>
                ) : (
                  <UserText>{attachment.name}</UserText>
                )}{' '}
                <span className={classes.meta}>({fileSize(attachment.size, format.locale)})</span>
              </List.Item>
            ))}
          </List>
        )}
      </article>
    </li>
  );
}
