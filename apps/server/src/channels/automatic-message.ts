// Sada's own words to a customer (a routing notice, an offer, a survey, a progress update): stored on
// the case as a public automatic message and queued for delivery on the case's channel, in the
// caller's transaction. Buttons go out where the channel can show them; elsewhere they are left out,
// so the body must carry a link that works without them.

import type { CaseRow, Executor, MessageRow } from '@sada/db';
import { recordMessage } from '../cases/case.service.ts';
import { type OutboundButton, planDelivery } from './delivery.ts';

/** Channels whose private conversations show buttons under a message (X shows none). */
const CHANNELS_WITH_BUTTONS = new Set(['telegram', 'whatsapp', 'facebook', 'instagram']);

export type AutomaticMessageInput = {
  caseRow: CaseRow;
  body: string;
  /** E-mail subject; defaults to `Re: <case subject>`. */
  subject?: string;
  buttons?: OutboundButton[];
  /** WhatsApp's list button text, when there are more than 3 buttons. */
  buttonsLabel?: string;
  label: string; // the author label on the thread, e.g. 'Sada'
  now: Date;
  mailDomain: string;
};

/** Whether the case's channel can show buttons (a private social conversation on Telegram, WhatsApp, Messenger, Instagram). */
export function canShowButtons(caseRow: CaseRow): boolean {
  return CHANNELS_WITH_BUTTONS.has(caseRow.channel) && (caseRow.conversationKey?.startsWith('dm:') ?? false);
}

/** The language to write to this customer in: the case's language when 'ar' or 'en', else the workspace default. */
export function customerLanguageOf(caseRow: CaseRow, workspace: { defaultLanguage: string }): 'ar' | 'en' {
  if (caseRow.language === 'ar' || caseRow.language === 'en') return caseRow.language;
  return workspace.defaultLanguage === 'en' ? 'en' : 'ar';
}

/**
 * As sendAutomaticMessage, answering the case as it stands after the message too (its updatedAt
 * moved), for callers that go on changing it.
 */
export async function recordAutomaticMessage(
  tx: Executor,
  input: AutomaticMessageInput,
): Promise<{ message: MessageRow; row: CaseRow } | null> {
  const { caseRow, now } = input;
  const recorded = await recordMessage(tx, caseRow, {
    author: { userId: null, label: input.label },
    direction: 'outbound',
    visibility: 'public',
    body: input.body,
    attachments: [],
    isAutomatic: true,
    now,
  });
  if (!recorded) return null;
  const buttons = canShowButtons(caseRow) && input.buttons?.length ? input.buttons : undefined;
  await planDelivery(tx, {
    caseRow: recorded.row,
    message: recorded.message,
    now,
    mailDomain: input.mailDomain,
    subject: input.subject ?? `Re: ${caseRow.subject}`,
    ...(buttons && { buttons: { buttons, ...(input.buttonsLabel && { buttonsLabel: input.buttonsLabel }) } }),
  });
  return recorded;
}

/**
 * Records an automatic outbound message on the case (public visibility, isAutomatic, author label
 * given) and queues it for delivery on the case's channel, in the caller's transaction (uses
 * recordMessage + planDelivery like apps/server/src/routing/team-notice.ts). `buttons` go out as
 * Telegram inline keyboard, WhatsApp interactive reply buttons (≤3) or list (≤10), Messenger /
 * Instagram quick replies (≤13); where the channel has no buttons (X, e-mail, chat, web form) they
 * are left out, so the body must carry a link that works without them. Answers the stored message,
 * or null when the case cannot be written to (as recordMessage does).
 */
export async function sendAutomaticMessage(
  tx: Executor,
  input: AutomaticMessageInput,
): Promise<MessageRow | null> {
  return (await recordAutomaticMessage(tx, input))?.message ?? null;
}
