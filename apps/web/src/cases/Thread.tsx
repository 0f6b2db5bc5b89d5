import { useTranslation } from 'react-i18next';
import { EmptyState } from '../ui/states.tsx';
import classes from './case.module.css';
import type { CaseDetail, CaseMessage } from './case-types.ts';
import { MessageItem } from './MessageItem.tsx';
import { useNow } from './useNow.ts';
import { useUserNames } from './useWorkspaceLists.ts';

/**
 * The whole conversation as one thread, oldest first: what the customer first wrote (the case's
 * description), then every inbound message, reply and internal note on every channel.
 */
/** `canWork`: the reader works cases (may send a failed reply again, hide a public comment). */
export function Thread({ caseDetail, canWork }: { caseDetail: CaseDetail; canWork: boolean }) {
  const { t } = useTranslation(['case', 'common']);
  const now = useNow();
  const userName = useUserNames();
  const messages = [...caseDetail.messages].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const customer = caseDetail.customerName ?? t('thread.unknownCustomer');
  const authorOf = (message: CaseMessage) =>
    message.direction === 'inbound'
      ? customer
      : message.isAutomatic
        ? t('thread.automatic')
        : (userName(message.authorUserId) ?? t('thread.unknownAuthor'));
  // A case from a channel (form, e-mail, chat) holds the customer's first words as its first message
  // too, with their files: shown once.
  const first = messages[0];
  const isOpeningAMessage = first?.direction === 'inbound' && first.body === caseDetail.description;
  const hasOpening = caseDetail.description.trim() !== '' && !isOpeningAMessage;

  if (!hasOpening && messages.length === 0) return <EmptyState message={t('thread.empty')} />;
  return (
    <ol className={classes.thread} aria-label={t('thread.label')} data-testid="thread">
      {hasOpening && (
        <MessageItem
          message={{
            id: 'opening',
            direction: 'inbound',
            visibility: 'public',
            channel: caseDetail.channel,
            body: caseDetail.description,
            attachments: [],
            delivery: null,
            createdAt: caseDetail.createdAt,
          }}
          reference={caseDetail.referenceNumber}
          author={customer}
          label={t('thread.opening')}
          now={now}
        />
      )}
      {messages.map((message) => (
        <MessageItem
          key={message.id}
          message={message}
          author={authorOf(message)}
          now={now}
          reference={caseDetail.referenceNumber}
          canRetry={canWork}
          canModerate={canWork}
        />
      ))}
    </ol>
  );
}
