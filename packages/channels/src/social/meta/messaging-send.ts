// What Facebook and Instagram send alike: the Send API (one text, then one message per attachment,
// inside the 24 h window or 7 days with the human-agent tag), private and public replies to
// comments, and hiding them.
import { type SocialButton, type SocialOutbound, SocialSendError } from '../adapter.ts';
import { assertButtonsFit, shortenTitle } from '../buttons.ts';
import { asText, type JsonObject, messagingWindow } from './common.ts';
import { type GraphPost, graphPost } from './graph-client.ts';

type SendApiTarget = Omit<GraphPost, 'body' | 'platform'> & { platform: 'Messenger' | 'Instagram' };

/** Messenger and Instagram quick replies: at most 13, titles of 20 characters, payloads of 1000. */
export const QUICK_REPLY_LIMITS = { maxButtons: 13, maxTitle: 20, maxPayloadBytes: 1000 } as const;

/** Buttons as quick replies: they ride on the text and vanish once one is pressed. */
export function quickRepliesOf(platform: string, buttons: SocialButton[]): JsonObject[] {
  assertButtonsFit(platform, buttons, QUICK_REPLY_LIMITS);
  return buttons.map(({ title, payload }) => ({
    content_type: 'text',
    title: shortenTitle(title, QUICK_REPLY_LIMITS.maxTitle),
    payload,
  }));
}

/** A private message to a person, refused before any request when its window has closed. */
async function sendDirectMessage(
  target: SendApiTarget,
  message: {
    to: string;
    text: string;
    attachments?: { url: string; kind: 'image' | 'file' }[];
    buttons?: SocialButton[];
  },
  timing: { lastInboundAt: Date | null; now: Date },
): Promise<{ externalId: string }> {
  const buttons = message.buttons ?? [];
  const quickReplies = buttons.length > 0 ? quickRepliesOf(target.platform, buttons) : null;
  const window = messagingWindow(target.platform, timing.lastInboundAt, timing.now);
  if ('refusal' in window) throw new SocialSendError('window_closed', window.refusal, { isPermanent: true });
  const bodies: JsonObject[] = [];
  if (message.text !== '') bodies.push({ text: message.text });
  for (const attachment of message.attachments ?? []) {
    bodies.push({
      attachment: { type: attachment.kind, payload: { url: attachment.url, is_reusable: true } },
    });
  }
  if (bodies.length === 0)
    throw new SocialSendError(
      'empty',
      { en: 'Nothing to send: no text and no attachment.', ar: 'لا شيء لإرساله: لا نص ولا مرفق.' },
      { isPermanent: true },
    );
  // Quick replies hide when the next message arrives: they ride on the last one.
  if (quickReplies) bodies[bodies.length - 1]!.quick_replies = quickReplies;
  const ids: string[] = [];
  for (const body of bodies) {
    const answer = await graphPost({
      ...target,
      body: { recipient: { id: message.to }, ...window, message: body },
    });
    ids.push(messageIdOf(answer, target.platform));
  }
  return { externalId: ids[0]! };
}

/** A private reply to a public comment: one per comment, within 7 days of it (Meta enforces both). */
async function sendPrivateReply(
  target: SendApiTarget,
  reply: { commentId: string; text: string },
): Promise<{ externalId: string }> {
  const answer = await graphPost({
    ...target,
    body: { recipient: { comment_id: reply.commentId }, message: { text: reply.text } },
  });
  return { externalId: messageIdOf(answer, target.platform) };
}

function messageIdOf(answer: JsonObject, platform: string): string {
  const id = asText(answer.message_id);
  if (id) return id;
  // Not retried: the message may well have gone, and a retry would send it twice.
  throw new SocialSendError(
    'platform_error',
    {
      en: `${platform} accepted the message but answered no message_id.`,
      ar: `قبل ${platform} الرسالة لكنه لم يُعِد رقمها (message_id).`,
    },
    { isPermanent: true },
  );
}

/** A public answer under a comment: Facebook's `/{id}/comments` edge, Instagram's `/{id}/replies`. */
async function replyToComment(
  request: Omit<GraphPost, 'path' | 'body' | 'query'>,
  reply: { commentId: string; edge: 'comments' | 'replies'; text: string },
): Promise<{ externalId: string }> {
  const answer = await graphPost({
    ...request,
    path: `/${encodeURIComponent(reply.commentId)}/${reply.edge}`,
    body: { message: reply.text },
  });
  const id = asText(answer.id);
  if (id) return { externalId: id };
  throw new SocialSendError(
    'platform_error',
    {
      en: `${request.platform} accepted the reply but answered no id.`,
      ar: `قبل ${request.platform} الرد لكنه لم يُعِد رقمه.`,
    },
    { isPermanent: true },
  );
}

/** Hides or shows a comment: Facebook takes `is_hidden` in the body, Instagram `hide` in the query. */
async function hideComment(
  request: Omit<GraphPost, 'path' | 'body' | 'query'>,
  hide: { commentId: string; isHidden: boolean; parameter: 'is_hidden' | 'hide' },
): Promise<{ externalId: string }> {
  const path = `/${encodeURIComponent(hide.commentId)}`;
  await graphPost(
    hide.parameter === 'is_hidden'
      ? { ...request, path, body: { is_hidden: hide.isHidden } }
      : { ...request, path, query: { hide: String(hide.isHidden) } },
  );
  return { externalId: hide.commentId };
}

/** Templates are WhatsApp's: on Facebook and Instagram an agent writes the reply. */
function templateRefusal(platform: 'Facebook' | 'Instagram'): SocialSendError {
  return new SocialSendError(
    'not_supported',
    {
      en: `${platform} has no message templates: write the reply, within 7 days of the customer’s last message.`,
      ar: `لا قوالب رسائل في ${platform}: اكتب الرد بنفسك خلال 7 أيام من آخر رسالة للعميل.`,
    },
    { isPermanent: true },
  );
}

/** Where and how one Facebook Page or Instagram account sends. */
export type AccountEndpoints = {
  name: 'Facebook' | 'Instagram';
  sendApi: SendApiTarget;
  comments: Omit<GraphPost, 'path' | 'body' | 'query'>;
  replyEdge: 'comments' | 'replies';
  hideParameter: 'is_hidden' | 'hide';
};

/** Every outbound action of a Facebook Page or an Instagram account. */
export async function sendFromAccount(
  outbound: SocialOutbound,
  account: AccountEndpoints,
  timing: { lastInboundAt: Date | null; now: Date },
): Promise<{ externalId: string }> {
  switch (outbound.action) {
    case 'message':
      return sendDirectMessage(account.sendApi, outbound, timing);
    case 'private_reply':
      return sendPrivateReply(account.sendApi, outbound);
    case 'reply_public':
      return replyToComment(account.comments, {
        commentId: outbound.inReplyToId,
        edge: account.replyEdge,
        text: outbound.text,
      });
    case 'hide':
      return hideComment(account.comments, {
        commentId: outbound.commentId,
        isHidden: outbound.isHidden,
        parameter: account.hideParameter,
      });
    case 'template':
      throw templateRefusal(account.name);
  }
}
