// The one contract every social channel (Facebook, Instagram, WhatsApp, Telegram, X) implements.
// An adapter speaks its platform's wire format and nothing else: the server keeps the credentials,
// the database and the threading, and hands the adapter what it needs per call.

import type { LocalizedText } from '@sada/core';
import { ChannelError, type ChannelErrorCode } from '../channel-error.ts';

export type SocialKind = 'facebook' | 'instagram' | 'whatsapp' | 'telegram' | 'x';

/** A channel account's secrets and ids, as the admin pasted them (decrypted by the server per call). */
export type SocialCredentials = Record<string, string>;

/** A webhook request exactly as it arrived: the raw bytes are what signatures are computed over. */
export type RawWebhook = {
  method: 'GET' | 'POST';
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  query: Record<string, string | undefined>;
  rawBody: Buffer;
};

/** What the endpoint answers a handshake (Meta's hub.challenge, X's CRC). */
export type HandshakeAnswer = { status: number; contentType: string; body: string };

export type SocialAttachment = {
  kind: 'image' | 'video' | 'audio' | 'file' | 'sticker' | 'location' | 'other';
  /** Where the platform serves it (may need the access token), or null (location, sticker ids). */
  url: string | null;
  name: string | null;
  contentType: string | null;
  /** Location as "lat,long", a sticker id… */
  detail: string | null;
};

/** Who wrote: the platform's id of the person (PSID, IGSID, wa_id, Telegram user id, X user id). */
export type SocialAuthor = { externalId: string; name: string | null; handle: string | null };

/**
 * One normalised event. `externalId` is the platform's id of the message or comment (mid, wamid,
 * comment id, Telegram chat:message id, tweet id): unique per channel, the key against redelivery.
 * `accountId` says which account of ours it came to (page id, IG account id, phone-number id, bot,
 * X user id), so one webhook URL can serve many accounts.
 */
export type SocialEvent =
  | {
      type: 'message';
      accountId: string;
      externalId: string;
      /** private: DM / Messenger / WhatsApp / Telegram chat; public: a comment, a mention, a reply tweet. */
      visibility: 'public' | 'private';
      author: SocialAuthor;
      /** The conversation it belongs to: a chat id, or for public comments the post / tweet thread root. */
      threadId: string;
      /** The message or comment it answers, when the platform says (reply_to mid, parent comment, in_reply_to tweet). */
      inReplyToId: string | null;
      text: string;
      attachments: SocialAttachment[];
      /** A button or quick reply pressed: its payload. */
      payload: string | null;
      occurredAt: Date;
      /** The Page / business itself sent it from elsewhere (Messenger echo, our own tweet). */
      isEcho: boolean;
    }
  | { type: 'edit'; accountId: string; externalId: string; text: string; occurredAt: Date }
  | { type: 'delete'; accountId: string; externalId: string; occurredAt: Date }
  | {
      type: 'reaction';
      accountId: string;
      externalId: string;
      author: SocialAuthor;
      reaction: string;
      isRemoved: boolean;
      occurredAt: Date;
    }
  | {
      /** What became of one of our outbound messages (WhatsApp statuses, Messenger delivery/read). */
      type: 'status';
      accountId: string;
      externalId: string;
      status: 'sent' | 'delivered' | 'read' | 'failed';
      error: string | null;
      occurredAt: Date;
    };

/** A button under a private message: its title, and the payload a press sends back. */
export type SocialButton = { title: string; payload: string };

/** What to send. `to` is the author's externalId (private) or the comment/tweet answered (public). */
export type SocialOutbound =
  | { action: 'reply_public'; inReplyToId: string; text: string }
  | {
      action: 'message';
      to: string;
      text: string;
      attachments?: { url: string; kind: 'image' | 'file' }[];
      /** Buttons under the text, up to capabilities.maxButtons; a press comes back as a message event's `payload`. */
      buttons?: SocialButton[];
      /** WhatsApp's list button text (more than 3 buttons become a list behind it). */
      buttonsLabel?: string;
    }
  /** A private message answering a public comment (Facebook/Instagram private replies). */
  | { action: 'private_reply'; commentId: string; text: string }
  | { action: 'template'; to: string; template: { name: string; language: string; parameters: string[] } }
  | { action: 'hide'; commentId: string; isHidden: boolean };

/** Why a send cannot go as asked, before or after asking the platform; `text` says it in both languages. */
export class SocialSendError extends ChannelError {
  override readonly name = 'SocialSendError';
  readonly isPermanent: boolean;
  /** Seconds the platform asked to wait (429 Retry-After), when it said. */
  readonly retryAfterSeconds: number | null;

  constructor(
    code: ChannelErrorCode,
    text: LocalizedText,
    options: { isPermanent: boolean; retryAfterSeconds?: number | null; cause?: unknown },
  ) {
    super(code, text, { cause: options.cause });
    this.isPermanent = options.isPermanent;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }
}

/** What a channel can do; the console and the composer read it. */
export type SocialCapabilities = {
  kind: SocialKind;
  hasPublic: boolean;
  hasPrivate: boolean;
  /** How long after the customer's last message a free-form private message may be sent; null: always. */
  privateWindowHours: number | null;
  /** A longer window some messages may use (Messenger's human-agent tag: 7 days); null: none. */
  extendedWindowHours: number | null;
  canHide: boolean;
  canPrivateReply: boolean;
  canSendTemplates: boolean;
  attachmentKinds: SocialAttachment['kind'][];
  /** How many buttons a private message can carry; 0: none. */
  maxButtons: number;
};

export type SocialAdapter = {
  capabilities: SocialCapabilities;
  /** The account id a webhook payload is for (for picking the channel before checking its signature); null if none. */
  accountIdsOf(webhook: RawWebhook): string[];
  /** A GET handshake answered, or null when the request is not one. Wrong verify token / CRC: 403. */
  handshake(
    webhook: RawWebhook,
    credentials: SocialCredentials & { verifyToken?: string },
  ): HandshakeAnswer | null;
  /** Whether the signature (or secret-token header) proves the request came from the platform. */
  verify(webhook: RawWebhook, credentials: SocialCredentials): boolean;
  /** Every event of a verified request, in order (a request may carry many). */
  parse(webhook: RawWebhook): SocialEvent[];
  /**
   * Sends; answers the platform's id of what was sent. `lastInboundAt` is when the customer last
   * wrote privately (for the reply windows): a message outside its window is refused before sending.
   */
  send(
    outbound: SocialOutbound,
    context: { credentials: SocialCredentials; baseUrl: string; lastInboundAt: Date | null; now: Date },
  ): Promise<{ externalId: string }>;
  /**
   * Tells the platform a button press was taken, where it waits to hear (Telegram's
   * answerCallbackQuery: the button spins until then). `pressId` is the press event's externalId;
   * `text` a short notice shown to the customer. Absent where presses need no answer.
   */
  acknowledgePress?(
    pressId: string,
    context: { credentials: SocialCredentials; baseUrl: string; text?: string },
  ): Promise<void>;
};
