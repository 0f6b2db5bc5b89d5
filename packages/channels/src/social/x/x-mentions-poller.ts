import { z } from 'zod';
import { type SocialEvent, SocialSendError } from '../adapter.ts';
import { callX, type XConnection } from './x-api.ts';
import { unescapeXText } from './x-events.ts';

// For accounts without Account Activity access: GET /2/users/:id/mentions, newest first, 100 a page,
// with since_id to read only what is new (docs.x.com/x-api/posts/timelines, user mention timeline).

const mentionsPage = z.object({
  data: z
    .array(
      z.object({
        id: z.string(),
        text: z.string(),
        author_id: z.string().optional(),
        created_at: z.string().optional(),
        conversation_id: z.string().optional(),
        referenced_tweets: z.array(z.object({ type: z.string(), id: z.string() })).optional(),
      }),
    )
    .optional(),
  includes: z
    .object({
      users: z.array(z.object({ id: z.string(), name: z.string(), username: z.string() })).optional(),
    })
    .optional(),
  meta: z.object({ newest_id: z.string().optional(), next_token: z.string().optional() }).optional(),
});
type MentionsPage = z.infer<typeof mentionsPage>;

// A first poll (no since_id) reads one page only: the backlog is not the inbox.
const MAX_PAGES = 20;

/** The mentions of `userId` newer than `sinceId`, oldest first, and the id to poll from next time. */
export async function pollXMentions(
  options: XConnection & { userId: string; sinceId: string | null; now: Date },
): Promise<{ events: SocialEvent[]; newestId: string | null }> {
  const pages: MentionsPage[] = [];
  let paginationToken: string | undefined;
  do {
    const answer = await callX(options, {
      method: 'GET',
      path: `/2/users/${encodeURIComponent(options.userId)}/mentions`,
      query: {
        since_id: options.sinceId ?? undefined,
        max_results: '100',
        pagination_token: paginationToken,
        expansions: 'author_id',
        'tweet.fields': 'created_at,conversation_id,in_reply_to_user_id,referenced_tweets',
        'user.fields': 'name,username',
      },
      now: options.now,
    });
    const page = mentionsPage.safeParse(answer);
    if (!page.success) {
      throw new SocialSendError(
        'platform_error',
        {
          en: 'X answered the mentions timeline in an unknown shape.',
          ar: 'أجاب إكس عن الإشارات بصيغة غير معروفة.',
        },
        { isPermanent: true, cause: page.error },
      );
    }
    pages.push(page.data);
    paginationToken = options.sinceId === null ? undefined : page.data.meta?.next_token;
  } while (paginationToken && pages.length < MAX_PAGES);
  return {
    events: pages.flatMap((page) => mentionEvents(page, options)).reverse(),
    newestId: pages[0]?.meta?.newest_id ?? options.sinceId,
  };
}

function mentionEvents(page: MentionsPage, options: { userId: string; now: Date }): SocialEvent[] {
  const authors = new Map((page.includes?.users ?? []).map((author) => [author.id, author]));
  return (page.data ?? [])
    .filter((mention) => !mention.referenced_tweets?.some(({ type }) => type === 'retweeted'))
    .map((mention) => {
      const author = mention.author_id ? authors.get(mention.author_id) : undefined;
      const inReplyToId = mention.referenced_tweets?.find(({ type }) => type === 'replied_to')?.id ?? null;
      return {
        type: 'message',
        accountId: options.userId,
        externalId: mention.id,
        visibility: 'public',
        author: {
          externalId: mention.author_id ?? '',
          name: author?.name ?? null,
          handle: author?.username ?? null,
        },
        threadId: mention.conversation_id ?? inReplyToId ?? mention.id,
        inReplyToId,
        text: unescapeXText(mention.text),
        attachments: [],
        payload: null,
        occurredAt: mention.created_at ? new Date(mention.created_at) : options.now,
        isEcho: mention.author_id === options.userId,
      };
    });
}
