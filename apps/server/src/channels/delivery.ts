import { replyRefusal, SOCIAL_ADAPTERS, type SocialKind } from '@sada/channels';
import { AppError, type Channel } from '@sada/core';
import {
  type CaseRow,
  type Executor,
  findCustomerSummary,
  insertOutbox,
  lastPrivateInboundAt,
  latestInboundExternalId,
  type MessageRow,
  setMessageExternalId,
} from '@sada/db';

// Channels with no way back of their own: an answer reaches the customer by e-mail. A live chat does
// too once it has turned into an e-mail-followed case (no agent was online). Social channels
// (issue 6) will deliver through their own send APIs.
const ANSWERED_BY_EMAIL = new Set<Channel>(['email', 'web_form', 'phone', 'walk_in', 'api']);

export const SOCIAL_CHANNELS = new Set<Channel>(['facebook', 'instagram', 'whatsapp', 'telegram', 'x']);

/** A button under an outbound social message: what it says and what pressing it sends back. */
export type OutboundButton = { title: string; payload: string };

/**
 * What an outbox row carries besides its text, in its `payload` column: a WhatsApp template, or the
 * buttons under a social message. Rows written before the discriminant existed hold a bare template.
 */
export type OutboxPayload =
  | { type: 'template'; name: string; language: string; parameters: string[] }
  | { type: 'buttons'; buttons: OutboundButton[]; buttonsLabel?: string };

/** Reads an outbox row's payload; a row without one, or with an unreadable one, carries nothing extra. */
export function readOutboxPayload(
  action: string | null,
  payload: Record<string, unknown> | null,
): OutboxPayload | null {
  if (!payload) return null;
  if (payload.type === 'buttons') {
    const buttons = Array.isArray(payload.buttons)
      ? payload.buttons.flatMap((button: unknown) => {
          const { title, payload: value } = (button ?? {}) as { title?: unknown; payload?: unknown };
          return typeof title === 'string' && typeof value === 'string' ? [{ title, payload: value }] : [];
        })
      : [];
    const label = typeof payload.buttonsLabel === 'string' ? payload.buttonsLabel : undefined;
    return { type: 'buttons', buttons, ...(label && { buttonsLabel: label }) };
  }
  if (payload.type === 'template' || action === 'template') {
    return {
      type: 'template',
      name: String(payload.name ?? ''),
      language: String(payload.language ?? ''),
      parameters: Array.isArray(payload.parameters) ? payload.parameters.map(String) : [],
    };
  }
  return null;
}

/** Buttons to put under a social message, and WhatsApp's list button text when there are more than 3. */
export type ButtonsToSend = { buttons: OutboundButton[]; buttonsLabel?: string };

/** How a reply on a social case reaches the customer: which send action, to whom. */
export type SocialReplyTarget = { action: 'message' | 'reply_public' | 'private_reply'; recipient: string };

/**
 * A reply on a social case goes back the way the customer came: in a private conversation, a message
 * to it; on a public comment, a public reply to their latest comment, or (visibility private) a
 * private reply to it, which moves the conversation out of public view. Null when there is no way
 * back (not a social case, or no comment to answer yet).
 */
export async function socialReplyTarget(
  tx: Executor,
  caseRow: CaseRow,
  visibility: string,
): Promise<SocialReplyTarget | null> {
  if (!caseRow.channelAccountId || !caseRow.conversationKey) return null;
  const [scope = '', threadId = '', authorId = ''] = caseRow.conversationKey.split(':');
  if (scope === 'dm') return { action: 'message', recipient: threadId };
  // X has no private reply to a tweet: a private answer is a direct message to its author.
  if (visibility === 'private' && caseRow.channel === 'x') return { action: 'message', recipient: authorId };
  const comment = await latestInboundExternalId(tx, caseRow.id);
  if (!comment) return null;
  return { action: visibility === 'public' ? 'reply_public' : 'private_reply', recipient: comment };
}

/**
 * Refuses, before anything is stored, a reply the platform would refuse: a private message after the
 * channel's window closed, or a text longer than the platform takes. The agent learns at once what to
 * do instead (a template, another channel, a shorter text).
 */
export async function assertSocialReplySendable(
  tx: Executor,
  caseRow: CaseRow,
  reply: { visibility: string; body: string; now: Date },
): Promise<void> {
  if (!SOCIAL_CHANNELS.has(caseRow.channel as Channel)) return;
  const target = await socialReplyTarget(tx, caseRow, reply.visibility);
  if (!target) return;
  const refusal = replyRefusal({
    kind: caseRow.channel as SocialKind,
    action: target.action,
    visibility: target.action === 'reply_public' ? 'public' : 'private',
    text: reply.body,
    lastInboundAt: target.action === 'message' ? await lastPrivateInboundAt(tx, caseRow.id) : null,
    now: reply.now,
  });
  if (refusal) {
    throw new AppError('validation_failed', refusal.text, {
      fields: [{ path: 'body', message: refusal.text }],
    });
  }
}

/**
 * Queues a WhatsApp template on a WhatsApp conversation: the one message a business may send after
 * the 24-hour window has closed. Refused on any other case.
 */
export async function planTemplateDelivery(
  tx: Executor,
  input: {
    caseRow: CaseRow;
    message: MessageRow;
    template: { name: string; language: string; parameters: string[] };
    now: Date;
  },
): Promise<void> {
  const { caseRow, now } = input;
  const target = caseRow.channel === 'whatsapp' ? await socialReplyTarget(tx, caseRow, 'private') : null;
  if (target?.action !== 'message') {
    throw new AppError('conflict', {
      en: 'Templates are WhatsApp messages: this case is not a WhatsApp conversation.',
      ar: 'القوالب رسائل واتساب، وهذه الحالة ليست محادثة واتساب.',
    });
  }
  await insertOutbox(tx, {
    messageId: input.message.id,
    workspaceId: caseRow.workspaceId,
    channel: caseRow.channel,
    recipient: target.recipient,
    subject: '',
    action: 'template',
    payload: { type: 'template', ...input.template } satisfies OutboxPayload,
    status: 'pending',
    nextAttemptAt: now,
    createdAt: now,
  });
}

async function planSocialDelivery(
  tx: Executor,
  caseRow: CaseRow,
  message: MessageRow,
  now: Date,
  buttons: ButtonsToSend | undefined,
) {
  const chosen = await socialReplyTarget(tx, caseRow, message.visibility);
  if (!chosen) return;
  // Buttons exist only under a message in a private conversation, not under a comment reply, and
  // not on X at all.
  const canShow =
    chosen.action === 'message' && SOCIAL_ADAPTERS[caseRow.channel as SocialKind].capabilities.maxButtons > 0;
  const payload: OutboxPayload | undefined =
    buttons && buttons.buttons.length > 0 && canShow ? { type: 'buttons', ...buttons } : undefined;
  await insertOutbox(tx, {
    messageId: message.id,
    workspaceId: caseRow.workspaceId,
    channel: caseRow.channel,
    recipient: chosen.recipient,
    subject: '',
    action: chosen.action,
    ...(payload && { payload }),
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
    /** Buttons under the message; only a private social conversation shows them, elsewhere they are left out. */
    buttons?: ButtonsToSend | undefined;
  },
): Promise<void> {
  const { caseRow, message, now } = input;
  if (SOCIAL_CHANNELS.has(caseRow.channel as Channel)) {
    await planSocialDelivery(tx, caseRow, message, now, input.buttons);
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
