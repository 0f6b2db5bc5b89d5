// WhatsApp Cloud API: messages and delivery statuses of one business phone number.
// Credentials: { appSecret, phoneNumberId, accessToken }. CHANNELS.md §4.
import type { RawWebhook, SocialAdapter, SocialAttachment, SocialButton, SocialEvent } from '../adapter.ts';
import { SocialSendError } from '../adapter.ts';
import { assertButtonsFit, shortenTitle } from '../buttons.ts';
import {
  answerHandshake,
  asObject,
  asObjects,
  asText,
  authorOf,
  entriesOf,
  epochToDate,
  hasValidSignature,
  type JsonObject,
  unique,
  whatsappWindowRefusal,
} from './common.ts';
import { graphPost } from './graph-client.ts';

/** The longest text body WhatsApp takes in one message. */
export const whatsappTextLimit = 4096;

/** Reply buttons: at most 3, titles of 20 characters, ids of 256. */
export const WHATSAPP_BUTTON_LIMITS = { maxButtons: 3, maxTitle: 20, maxPayloadBytes: 256 } as const;
/** A list: at most 10 rows, row titles of 24 characters, ids of 200; the button opening it, 20. */
export const WHATSAPP_LIST_LIMITS = {
  maxButtons: 10,
  maxTitle: 24,
  maxPayloadBytes: 200,
  maxLabel: 20,
} as const;
/** The longest body an interactive message takes. */
export const whatsappInteractiveBodyLimit = 1024;

/** WhatsApp Business phone number: private chats only, 24 h window, templates outside it. */
export const whatsappAdapter: SocialAdapter = {
  capabilities: {
    kind: 'whatsapp',
    hasPublic: false,
    hasPrivate: true,
    privateWindowHours: 24,
    extendedWindowHours: null,
    canHide: false,
    canPrivateReply: false,
    canSendTemplates: true,
    attachmentKinds: ['image', 'video', 'audio', 'file', 'sticker', 'location', 'other'],
    // Up to 3 reply buttons, or a list of up to 10 rows behind one button.
    maxButtons: WHATSAPP_LIST_LIMITS.maxButtons,
  },

  accountIdsOf: (webhook) =>
    unique(
      entriesOf(webhook, 'whatsapp_business_account').flatMap((entry) =>
        asObjects(entry.changes).map((change) =>
          asText(asObject(asObject(change.value)?.metadata)?.phone_number_id),
        ),
      ),
    ),

  handshake: answerHandshake,

  verify: (webhook, credentials) => hasValidSignature(webhook, credentials.appSecret),

  parse(webhook: RawWebhook): SocialEvent[] {
    const receivedAt = new Date();
    return entriesOf(webhook, 'whatsapp_business_account').flatMap((entry) =>
      asObjects(entry.changes).flatMap((change) => {
        const value = asObject(change.value);
        if (change.field !== 'messages' || value === null) return [];
        const accountId = asText(asObject(value.metadata)?.phone_number_id) ?? '';
        const names = new Map(
          asObjects(value.contacts).map((contact) => [
            asText(contact.wa_id),
            asText(asObject(contact.profile)?.name),
          ]),
        );
        return [
          ...asObjects(value.messages).flatMap((message) =>
            messageEvents(message, accountId, names, receivedAt),
          ),
          ...asObjects(value.statuses).flatMap((status) => statusEvents(status, accountId, receivedAt)),
        ];
      }),
    );
  },

  async send(outbound, { credentials, baseUrl, lastInboundAt, now }) {
    const { accessToken, phoneNumberId } = credentials;
    if (!accessToken || !phoneNumberId) {
      throw new SocialSendError(
        'auth',
        {
          en: 'The WhatsApp number has no access token or phone-number id: reconnect it.',
          ar: 'لا رمز وصول أو رقم هاتف (phone-number id) لرقم واتساب: أعد ربطه.',
        },
        { isPermanent: true },
      );
    }
    const post = async (to: string, content: JsonObject) => {
      const answer = await graphPost({
        baseUrl,
        path: `/${encodeURIComponent(phoneNumberId)}/messages`,
        token: { in: 'bearer', value: accessToken },
        body: { messaging_product: 'whatsapp', recipient_type: 'individual', to, ...content },
        platform: 'WhatsApp',
      });
      const id = asText(asObjects(answer.messages)[0]?.id);
      // Not retried: the message may well have gone, and a retry would send it twice.
      if (!id) {
        throw new SocialSendError(
          'platform_error',
          {
            en: 'WhatsApp accepted the message but answered no id.',
            ar: 'قبل واتساب الرسالة لكنه لم يُعِد رقمها.',
          },
          { isPermanent: true },
        );
      }
      return id;
    };
    switch (outbound.action) {
      case 'message': {
        const refusal = whatsappWindowRefusal(lastInboundAt, now);
        if (refusal) throw new SocialSendError('window_closed', refusal, { isPermanent: true });
        return { externalId: await sendMessage(outbound, post) };
      }
      case 'template': {
        const { name, language, parameters } = outbound.template;
        const components =
          parameters.length > 0
            ? [{ type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) }]
            : undefined;
        const template = { name, language: { code: language }, ...(components ? { components } : {}) };
        return { externalId: await post(outbound.to, { type: 'template', template }) };
      }
      case 'reply_public':
      case 'private_reply':
      case 'hide':
        throw new SocialSendError(
          'not_supported',
          {
            en: 'WhatsApp has no public comments: answer the customer with a message.',
            ar: 'لا تعليقات علنية في واتساب: أجب العميل برسالة.',
          },
          { isPermanent: true },
        );
    }
  },
};

type Post = (to: string, content: JsonObject) => Promise<string>;

/** The text, then each attachment as its own message (WhatsApp carries one kind per message). */
async function sendMessage(
  message: {
    to: string;
    text: string;
    attachments?: { url: string; kind: 'image' | 'file' }[];
    buttons?: SocialButton[];
    buttonsLabel?: string;
  },
  post: Post,
): Promise<string> {
  if (message.text.length > whatsappTextLimit) {
    throw new SocialSendError(
      'too_long',
      {
        en: `The reply is ${message.text.length} characters; WhatsApp takes at most ${whatsappTextLimit}. Shorten it or split it.`,
        ar: `الرد ${message.text.length} حرفًا، وواتساب يقبل ${whatsappTextLimit} على الأكثر. اختصره أو قسّمه.`,
      },
      { isPermanent: true },
    );
  }
  const contents: JsonObject[] = [];
  if (message.buttons?.length)
    contents.push(interactiveOf(message.text, message.buttons, message.buttonsLabel));
  else if (message.text !== '')
    contents.push({ type: 'text', text: { preview_url: false, body: message.text } });
  for (const { url, kind } of message.attachments ?? []) {
    contents.push(
      kind === 'image'
        ? { type: 'image', image: { link: url } }
        : { type: 'document', document: { link: url } },
    );
  }
  if (contents.length === 0) {
    throw new SocialSendError(
      'empty',
      { en: 'Nothing to send: no text and no attachment.', ar: 'لا شيء لإرساله: لا نص ولا مرفق.' },
      { isPermanent: true },
    );
  }
  const ids: string[] = [];
  for (const content of contents) ids.push(await post(message.to, content));
  return ids[0]!;
}

/**
 * A text with buttons: up to 3 reply buttons under it, more as a list behind one button (its label,
 * "Choose" by default). The text is the interactive body, so it must fit 1024 characters.
 */
export function interactiveOf(text: string, buttons: SocialButton[], label?: string): JsonObject {
  const isList = buttons.length > WHATSAPP_BUTTON_LIMITS.maxButtons;
  assertButtonsFit('WhatsApp', buttons, isList ? WHATSAPP_LIST_LIMITS : WHATSAPP_BUTTON_LIMITS);
  if (text.trim() === '' || text.length > whatsappInteractiveBodyLimit) {
    throw new SocialSendError(
      text.trim() === '' ? 'empty' : 'too_long',
      {
        en: `A WhatsApp message with buttons needs a text of 1 to ${whatsappInteractiveBodyLimit} characters; this one has ${text.length}.`,
        ar: `رسالة واتساب ذات الأزرار تحتاج نصًا من 1 إلى ${whatsappInteractiveBodyLimit} حرفًا؛ وهذه ${text.length}.`,
      },
      { isPermanent: true },
    );
  }
  const body = { text };
  if (!isList) {
    const replies = buttons.map(({ title, payload }) => ({
      type: 'reply',
      reply: { id: payload, title: shortenTitle(title, WHATSAPP_BUTTON_LIMITS.maxTitle) },
    }));
    return { type: 'interactive', interactive: { type: 'button', body, action: { buttons: replies } } };
  }
  const rows = buttons.map(({ title, payload }) => ({
    id: payload,
    title: shortenTitle(title, WHATSAPP_LIST_LIMITS.maxTitle),
  }));
  const button = shortenTitle(label?.trim() || 'Choose', WHATSAPP_LIST_LIMITS.maxLabel);
  return {
    type: 'interactive',
    interactive: { type: 'list', body, action: { button, sections: [{ rows }] } },
  };
}

const mediaKinds: Record<string, SocialAttachment['kind']> = {
  image: 'image',
  video: 'video',
  audio: 'audio',
  document: 'file',
  sticker: 'sticker',
};

function messageEvents(
  message: JsonObject,
  accountId: string,
  names: Map<string | null, string | null>,
  receivedAt: Date,
): SocialEvent[] {
  const from = asText(message.from);
  const id = asText(message.id);
  if (!from || !id) return [];
  const type = asText(message.type) ?? 'unknown';
  const occurredAt = epochToDate(message.timestamp, receivedAt);
  if (type === 'reaction') {
    const reaction = asObject(message.reaction);
    const reactedId = asText(reaction?.message_id);
    if (!reactedId) return [];
    const emoji = asText(reaction?.emoji) ?? '';
    // An empty emoji is WhatsApp's way of taking a reaction back.
    return [
      {
        type: 'reaction',
        accountId,
        externalId: reactedId,
        author: authorOf(from, { name: names.get(from) ?? null }),
        reaction: emoji,
        isRemoved: emoji === '',
        occurredAt,
      },
    ];
  }
  const content = contentOf(type, message);
  return [
    {
      type: 'message',
      accountId,
      externalId: id,
      visibility: 'private',
      author: authorOf(from, { name: names.get(from) ?? null }),
      threadId: from,
      inReplyToId: asText(asObject(message.context)?.id),
      ...content,
      occurredAt,
      isEcho: false,
    },
  ];
}

type Content = { text: string; attachments: SocialAttachment[]; payload: string | null };

function contentOf(type: string, message: JsonObject): Content {
  const body = asObject(message[type]);
  const media = mediaKinds[type];
  if (media) {
    // Media come by id only (`url: null`): the server fetches GET /{media-id} with the token.
    const attachment = {
      kind: media,
      url: null,
      name: asText(body?.filename),
      contentType: asText(body?.mime_type),
      detail: asText(body?.id),
    };
    return { text: asText(body?.caption) ?? '', attachments: [attachment], payload: null };
  }
  switch (type) {
    case 'text':
      return { text: asText(body?.body) ?? '', attachments: [], payload: null };
    case 'location': {
      const place = [asText(body?.name), asText(body?.address)].filter(Boolean).join(', ');
      const detail = `${asText(body?.latitude)},${asText(body?.longitude)}`;
      const attachment = {
        kind: 'location' as const,
        url: null,
        name: place || null,
        contentType: null,
        detail,
      };
      return { text: '', attachments: [attachment], payload: null };
    }
    case 'interactive': {
      const reply = asObject(body?.button_reply) ?? asObject(body?.list_reply);
      return { text: asText(reply?.title) ?? '', attachments: [], payload: asText(reply?.id) };
    }
    case 'button':
      return { text: asText(body?.text) ?? '', attachments: [], payload: asText(body?.payload) };
    case 'contacts': {
      const cards = asObjects(message.contacts).map((card) => {
        const name = asText(asObject(card.name)?.formatted_name) ?? '';
        const phones = asObjects(card.phones).map((phone) => asText(phone.phone));
        return [name, ...phones].filter(Boolean).join(' ');
      });
      return { text: cards.join('\n'), attachments: [], payload: null };
    }
    default: {
      // `unknown`/`unsupported`: WhatsApp says why in errors[] (e.g. 131051); the agent sees that.
      const error = asObjects(message.errors)[0];
      const detail = asText(error?.title) ?? asText(error?.message) ?? type;
      return {
        text: '',
        attachments: [{ kind: 'other', url: null, name: null, contentType: null, detail }],
        payload: null,
      };
    }
  }
}

const statusByName: Record<string, 'sent' | 'delivered' | 'read' | 'failed'> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  // A voice message played has been read.
  played: 'read',
  failed: 'failed',
};

function statusEvents(status: JsonObject, accountId: string, receivedAt: Date): SocialEvent[] {
  const id = asText(status.id);
  const name = statusByName[asText(status.status) ?? ''];
  if (!id || !name) return [];
  const error = asObjects(status.errors)[0];
  return [
    {
      type: 'status',
      accountId,
      externalId: id,
      status: name,
      error: error ? describeStatusError(error) : null,
      occurredAt: epochToDate(status.timestamp, receivedAt),
    },
  ];
}

/** "Re-engagement message (131047): More than 24 hours have passed…", as Meta worded it. */
function describeStatusError(error: JsonObject): string {
  const title = asText(error.title) ?? asText(error.message) ?? 'Failed';
  const code = asText(error.code);
  const details = asText(asObject(error.error_data)?.details) ?? asText(error.message);
  const heading = code ? `${title} (${code})` : title;
  return details && details !== title ? `${heading}: ${details}` : heading;
}
