import { createHash, randomBytes } from 'node:crypto';
import type { WebhookDelivery } from './delivery.ts';
import { digits, epochSeconds, wamid as freshWamid } from './ids.ts';
import { metaJson } from './signatures.ts';

// Builders of WhatsApp Cloud API webhooks (CHANNELS.md §4): one change per delivery, routed by
// `metadata.phone_number_id`; timestamps are epoch seconds as strings.

type WhatsappContent =
  | { text: string }
  | { image: { id?: string; mimeType?: string; caption?: string } }
  | { location: { latitude: number; longitude: number; name?: string; address?: string } }
  | {
      interactive:
        | { buttonReply: { id: string; title: string } }
        | { listReply: { id: string; title: string; description?: string } };
    };

type WhatsappAccount = { phoneNumberId: string; displayPhoneNumber?: string; wabaId?: string; at?: Date };

function envelope(account: WhatsappAccount, value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: account.wabaId ?? '102290129340398',
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: account.displayPhoneNumber ?? '966500000000',
                phone_number_id: account.phoneNumberId,
              },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

function contentOf(content: WhatsappContent): Record<string, unknown> {
  if ('text' in content) return { type: 'text', text: { body: content.text } };
  if ('image' in content) {
    const { id, mimeType, caption } = content.image;
    return {
      type: 'image',
      image: {
        ...(caption !== undefined && { caption }),
        mime_type: mimeType ?? 'image/jpeg',
        sha256: createHash('sha256').update(randomBytes(16)).digest('base64'),
        id: id ?? digits(16),
      },
    };
  }
  if ('location' in content) return { type: 'location', location: content.location };
  const { interactive } = content;
  return 'buttonReply' in interactive
    ? { type: 'interactive', interactive: { type: 'button_reply', button_reply: interactive.buttonReply } }
    : { type: 'interactive', interactive: { type: 'list_reply', list_reply: interactive.listReply } };
}

/** A message from a WhatsApp user: exactly one of text, image, location or interactive. */
export function whatsappMessage(
  options: WhatsappAccount & {
    waId: string;
    name: string;
    wamid?: string;
    contextId?: string;
  } & WhatsappContent,
): WebhookDelivery {
  const at = options.at ?? new Date();
  const id = options.wamid ?? freshWamid();
  const message = {
    ...(options.contextId && {
      context: { from: options.displayPhoneNumber ?? '966500000000', id: options.contextId },
    }),
    from: options.waId,
    id,
    timestamp: String(epochSeconds(at)),
    ...contentOf(options),
  };
  const body = envelope(options, {
    contacts: [{ profile: { name: options.name }, wa_id: options.waId }],
    messages: [message],
  });
  return {
    platform: 'meta',
    channel: 'whatsapp',
    accountId: options.phoneNumberId,
    externalId: id,
    rawBody: metaJson(body),
    body,
  };
}

/** What became of a message the business sent: sent, delivered, read or failed (with its error). */
export function whatsappStatus(
  options: WhatsappAccount & {
    wamid: string;
    status: 'sent' | 'delivered' | 'read' | 'failed';
    recipientId?: string;
    error?: { code: number; title: string; message?: string; details?: string };
  },
): WebhookDelivery {
  const at = options.at ?? new Date();
  const status = {
    id: options.wamid,
    status: options.status,
    timestamp: String(epochSeconds(at)),
    recipient_id: options.recipientId ?? '966512345678',
    ...(options.status !== 'failed' && {
      pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' },
    }),
    ...(options.error && {
      errors: [
        {
          code: options.error.code,
          title: options.error.title,
          message: options.error.message ?? options.error.title,
          error_data: { details: options.error.details ?? options.error.title },
          href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
        },
      ],
    }),
  };
  const body = envelope(options, { statuses: [status] });
  return {
    platform: 'meta',
    channel: 'whatsapp',
    accountId: options.phoneNumberId,
    // A status is an event about a wamid; its own key is the wamid and the status.
    externalId: `${options.wamid}:${options.status}`,
    rawBody: metaJson(body),
    body,
  };
}
