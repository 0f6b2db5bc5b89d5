import type { Channel } from '@sada/core';
import {
  type CaseRow,
  type Executor,
  findCustomerSummary,
  insertOutbox,
  latestInboundExternalId,
  type MessageRow,
  setMessageExternalId,
} from '@sada/db';

// Channels with no way back of their own: an answer reaches the customer by e-mail. A live chat does
// too once it has turned into an e-mail-followed case (no agent was online). Social channels
// (issue 6) will deliver through their own send APIs.
const ANSWERED_BY_EMAIL = new Set<Channel>(['email', 'web_form', 'phone', 'walk_in', 'api']);

const SOCIAL_CHANNELS = new Set<Channel>(['facebook', 'instagram', 'whatsapp', 'telegram', 'x']);

/**
 * A reply on a social case goes back the way the customer came: in a private conversation, a message
 * to it; on a public comment, a public reply to their latest comment, or (visibility private) a
 * private reply to it, which moves the conversation out of public view.
 */
async function planSocialDelivery(tx: Executor, caseRow: CaseRow, message: MessageRow, now: Date) {
  if (!caseRow.channelAccountId || !caseRow.conversationKey) return;
  const [scope = '', threadId = '', authorId = ''] = caseRow.conversationKey.split(':');
  const target = async (): Promise<{ action: string; recipient: string } | null> => {
    if (scope === 'dm') return { action: 'message', recipient: threadId };
    // X has no private reply to a tweet: a private answer is a direct message to its author.
    if (message.visibility === 'private' && caseRow.channel === 'x')
      return { action: 'message', recipient: authorId };
    const comment = await latestInboundExternalId(tx, caseRow.id);
    if (!comment) return null;
    return { action: message.visibility === 'public' ? 'reply_public' : 'private_reply', recipient: comment };
  };
  const chosen = await target();
  if (!chosen) return;
  await insertOutbox(tx, {
    messageId: message.id,
    workspaceId: caseRow.workspaceId,
    channel: caseRow.channel,
    recipient: chosen.recipient,
    subject: '',
    action: chosen.action,
    status: 'pending',
    nextAttemptAt: now,
    createdAt: now,
  });
}

/** The Message-ID Sada gives the e-mail of one message; replies find their case by it. */
export function emailMessageId(messageId: string, mailDomain: string): string {
  return `<${messageId}@${mailDomain}>`;
}

/**
 * Queues a public outbound message for delivery, in the transaction that stores it: the outbox row
 * and the message commit together or not at all. Nothing is queued when the customer cannot be
 * reached (no e-mail address): the answer stays on the case and its status page.
 */
export async function planDelivery(
  tx: Executor,
  input: {
    caseRow: CaseRow;
    message: MessageRow;
    now: Date;
    mailDomain: string;
    subject?: string | undefined;
  },
): Promise<void> {
  const { caseRow, message, now } = input;
  if (SOCIAL_CHANNELS.has(caseRow.channel as Channel)) {
    await planSocialDelivery(tx, caseRow, message, now);
    return;
  }
  const isByEmail =
    ANSWERED_BY_EMAIL.has(caseRow.channel as Channel) ||
    (caseRow.channel === 'live_chat' && caseRow.isFollowedByEmail);
  if (!isByEmail || !caseRow.customerId) return;
  const customer = await findCustomerSummary(tx, caseRow.workspaceId, caseRow.customerId);
  if (!customer?.email) return;
  await setMessageExternalId(tx, message.id, emailMessageId(message.id, input.mailDomain));
  await insertOutbox(tx, {
    messageId: message.id,
    workspaceId: caseRow.workspaceId,
    channel: 'email',
    recipient: customer.email,
    subject: input.subject ?? `Re: ${caseRow.subject}`,
    status: 'pending',
    nextAttemptAt: now,
    createdAt: now,
  });
}
