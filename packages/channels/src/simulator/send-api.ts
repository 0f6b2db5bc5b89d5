import type { Platform } from './delivery.ts';
import { digits, epochSeconds, instagramObjectId, messengerMid, snowflake, wamid } from './ids.ts';
import { metaError, type SimulatedAnswer, telegramError, xError } from './platform-errors.ts';

// What each platform's send endpoints answer on success, with fresh ids (CHANNELS.md §1–§6), and the
// validation errors a careless request gets.

/** A request as the simulator parsed it. `params` merges the query and the JSON or form body. */
export type SendRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  params: Record<string, unknown>;
  now: Date;
};

/** A mention the X mentions timeline can return (filled by delivered `xMention`s). */
export type StoredMention = {
  id: string;
  text: string;
  authorId: string;
  createdAt: Date;
  inReplyToUserId: string | null;
  /** The account the mention is of (the webhook's for_user_id): each user's timeline has its own. */
  mentionedUserId: string;
};

export function platformOfPath(path: string): Platform | null {
  if (/^\/v\d+(\.\d+)?\//.test(path)) return 'meta';
  if (path.startsWith('/bot')) return 'telegram';
  if (path.startsWith('/2/')) return 'x';
  return null;
}

/** The credential a request is made with, the key of the per-token rate limit. */
export function tokenOf(platform: Platform, request: SendRequest): string {
  const bearer = request.headers.authorization?.replace(/^(Bearer|OAuth)\s+/i, '') ?? '';
  if (platform === 'telegram') return request.path.split('/')[1]?.slice(3) ?? '';
  if (platform === 'meta') return String(request.params.access_token ?? bearer);
  return bearer;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function record(value: unknown): Record<string, unknown> | null {
  if (typeof value === 'string') {
    try {
      return record(JSON.parse(value));
    } catch {
      return null;
    }
  }
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
}

const metaInvalid = (message: string): SimulatedAnswer => ({
  status: 400,
  body: metaError({ message, code: 100 }),
});

export function answerMeta(request: SendRequest): SimulatedAnswer {
  if (!tokenOf('meta', request)) {
    return {
      status: 400,
      body: metaError({
        message: 'An active access token must be used to query information about the current user.',
        code: 2500,
      }),
    };
  }
  const [objectId = '', edge] = request.path.split('/').slice(2);
  if (request.method !== 'POST') {
    return metaInvalid(`Unsupported get request. Object with ID '${objectId}' does not exist.`);
  }
  const { params } = request;
  if (edge === 'messages') {
    if (params.messaging_product === 'whatsapp') {
      const to = text(params.to);
      if (!to) return metaInvalid('(#100) The parameter to is required.');
      return {
        status: 200,
        body: {
          messaging_product: 'whatsapp',
          contacts: [{ input: to, wa_id: to.replace(/\D/g, '') }],
          messages: [{ id: wamid() }],
        },
      };
    }
    const recipient = record(params.recipient);
    if (!recipient) return metaInvalid('(#100) param recipient must be non-empty.');
    if (!params.message && !params.sender_action)
      return metaInvalid('(#100) Must send either message or sender action');
    const recipientId = text(recipient.id) ?? digits(16);
    return { status: 200, body: { recipient_id: recipientId, message_id: messengerMid() } };
  }
  if (edge === 'comments' || edge === 'replies') {
    if (!text(params.message) && !params.attachment_url)
      return metaInvalid('(#100) Missing message or attachment');
    // A reply to comment `<post>_<comment>` is another comment on the same post: `<post>_<new>`.
    const replyId = `${objectId.split('_')[0]}_${digits(16)}`;
    return { status: 200, body: { id: edge === 'comments' ? replyId : instagramObjectId() } };
  }
  if (edge === undefined && (params.is_hidden !== undefined || params.hide !== undefined)) {
    return { status: 200, body: { success: true } };
  }
  return {
    status: 400,
    body: metaError({
      message: `Unsupported post request. Object with ID '${objectId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      type: 'GraphMethodException',
      code: 100,
      subcode: 33,
    }),
  };
}

export function answerTelegram(request: SendRequest): SimulatedAnswer {
  const [, botPart = '', method = ''] = request.path.split('/');
  const token = botPart.slice(3);
  const botId = Number(token.split(':')[0]);
  if (!/^\d+:[\w-]+$/.test(token))
    return { status: 401, body: telegramError({ code: 401, description: 'Unauthorized' }) };
  const bot = { id: botId, is_bot: true, first_name: 'Sada', username: 'sada_support_bot' };
  const { params } = request;
  switch (method) {
    case 'sendMessage': {
      const chatId = params.chat_id;
      const body = text(params.text) ?? '';
      if (chatId === undefined || chatId === '') {
        return {
          status: 400,
          body: telegramError({ code: 400, description: 'Bad Request: chat_id is empty' }),
        };
      }
      if (!body.trim())
        return {
          status: 400,
          body: telegramError({ code: 400, description: 'Bad Request: message text is empty' }),
        };
      if (body.length > 4096)
        return {
          status: 400,
          body: telegramError({ code: 400, description: 'Bad Request: message is too long' }),
        };
      const message = {
        message_id: Number(digits(5)),
        from: bot,
        chat: { id: Number(chatId), type: 'private' },
        date: epochSeconds(request.now),
        text: body,
        ...(params.reply_markup !== undefined && { reply_markup: params.reply_markup }),
      };
      return { status: 200, body: { ok: true, result: message } };
    }
    case 'setWebhook':
      if (!text(params.url) && params.url !== '') {
        return {
          status: 400,
          body: telegramError({ code: 400, description: 'Bad Request: bad webhook: URL is empty' }),
        };
      }
      return { status: 200, body: { ok: true, result: true, description: 'Webhook was set' } };
    case 'deleteWebhook':
      return { status: 200, body: { ok: true, result: true, description: 'Webhook was deleted' } };
    case 'getMe':
      return {
        status: 200,
        body: { ok: true, result: { ...bot, can_join_groups: true, supports_inline_queries: false } },
      };
    case 'answerCallbackQuery':
      return { status: 200, body: { ok: true, result: true } };
    default:
      return { status: 404, body: telegramError({ code: 404, description: 'Not Found' }) };
  }
}

export function answerX(request: SendRequest, mentions: StoredMention[], ownUserId: string): SimulatedAnswer {
  if (!request.headers.authorization)
    return { status: 401, body: xError({ status: 401, title: 'Unauthorized' }) };
  const { method, path, params } = request;
  const invalid = (message: string): SimulatedAnswer => ({
    status: 400,
    body: {
      errors: [{ message }],
      ...xError({
        status: 400,
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
      }),
      type: 'https://api.twitter.com/2/problems/invalid-request',
    },
  });
  if (method === 'POST' && path === '/2/tweets') {
    const body = text(params.text);
    if (!body && !params.media) return invalid('$.text: must not be empty');
    const id = snowflake(request.now);
    return { status: 201, body: { data: { id, text: body ?? '', edit_history_tweet_ids: [id] } } };
  }
  const dm = /^\/2\/dm_conversations\/with\/(\d+)\/messages$/.exec(path);
  if (method === 'POST' && dm) {
    if (!text(params.text) && !params.attachments) return invalid('$.text: must not be empty');
    const ids = [ownUserId, dm[1]!].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    return {
      status: 201,
      body: { data: { dm_conversation_id: ids.join('-'), dm_event_id: snowflake(request.now) } },
    };
  }
  const timeline = /^\/2\/users\/(\d+)\/mentions$/.exec(path);
  if (method === 'GET' && timeline) {
    const ofUser = mentions.filter((mention) => mention.mentionedUserId === timeline[1]);
    return { status: 200, body: mentionsPage(ofUser, request.query) };
  }
  return {
    status: 404,
    body: xError({ status: 404, title: 'Not Found Error', detail: `Could not find ${path}` }),
  };
}

function mentionsPage(mentions: StoredMention[], query: Record<string, string>) {
  const sinceId = query.since_id ? BigInt(query.since_id) : null;
  const maxResults = Number(query.max_results ?? 10);
  const page = mentions
    .filter((mention) => sinceId === null || BigInt(mention.id) > sinceId)
    .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
    .slice(0, maxResults);
  if (page.length === 0) return { meta: { result_count: 0 } };
  return {
    data: page.map((mention) => ({
      id: mention.id,
      text: mention.text,
      author_id: mention.authorId,
      created_at: mention.createdAt.toISOString(),
      conversation_id: mention.id,
      ...(mention.inReplyToUserId && { in_reply_to_user_id: mention.inReplyToUserId }),
      edit_history_tweet_ids: [mention.id],
    })),
    meta: { result_count: page.length, newest_id: page[0]!.id, oldest_id: page.at(-1)!.id },
  };
}
