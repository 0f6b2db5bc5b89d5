import { randomBytes, randomUUID } from 'node:crypto';
import {
  pollXMentions,
  type RawWebhook,
  type SocialAdapter,
  type SocialEvent,
  type SocialKind,
} from '@sada/channels';
import type { CreateSocialChannelRequest, channelTestResult } from '@sada/contracts';
import { AppError, assertCan, type Clock } from '@sada/core';
import {
  announce,
  announceCaseUpdated,
  type ChannelAccountRow,
  type Database,
  findCaseByReference,
  findChannelAccount,
  findChannelAccountById,
  findChannelAccountsByPlatformIds,
  findConversationCase,
  findCustomerByPhoneDigits,
  findInvitedCase,
  findMessageByExternalId,
  findMessageById,
  findWorkspaceById,
  insertAuditRecord,
  insertCaseEvent,
  insertChannelAccount,
  lastErrorColumns,
  lastErrorOf,
  listChannelAccounts,
  listChannelErrors,
  listEnabledChannelAccountsOfKinds,
  listOutboxOfMessages,
  listPollingAccounts,
  lockCaseById,
  recordChannelError,
  setMessageBody,
  setMessageModeration,
  updateCaseRow,
  updateChannelAccount,
  updateOutbox,
} from '@sada/db';
import type { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { caseNotFound } from '../cases/case.service.ts';
import type { Config } from '../config.ts';
import { assertMayHide } from '../moderation/moderation-queue.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { ButtonAnswerHandlers } from './button-answers.ts';
import { createButtonDispatch } from './button-dispatch.ts';
import {
  badSignatureFailure,
  credentialsFailure,
  publicChannelError,
  storedFailureOf,
  undeliveredFailure,
} from './channel-errors.ts';
import type { ChannelIntake } from './channel-intake.ts';

export type SocialAdapters = Record<SocialKind, SocialAdapter>;

const META_KINDS: SocialKind[] = ['facebook', 'instagram', 'whatsapp'];
/** Public comments of one author on one post within this long join one case. */
export const COMMENT_THREAD_HOURS = 72;
/** A customer who writes privately within this long of a Move to private accepted it. */
export const PRIVATE_INVITATION_DAYS = 7;

const PRIVATE_INVITATION = {
  ar: {
    public: 'نأسف لما حدث ونريد مساعدتك. راسلنا على الخاص لنكمل معك ونحفظ بياناتك بعيدًا عن العلن.',
    private: (reference: string) =>
      `مرحبًا، نكمل معك هنا بخصوص تعليقك (الرقم المرجعي ${reference}). أخبرنا بالتفاصيل ورقم الطلب إن وجد.`,
  },
  en: {
    public:
      'We are sorry about this and want to help. Please send us a private message so we can continue and keep your details safe.',
    private: (reference: string) =>
      `Hello, we are continuing here about your comment (reference ${reference}). Tell us the details and your order number if you have one.`,
  },
} as const;

const LABELS: Record<SocialKind, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  x: 'X',
};

/** The platform's id of the account a kind's credentials name (Telegram: the bot's id, from its token). */
function accountIdOf(request: CreateSocialChannelRequest): string {
  switch (request.kind) {
    case 'facebook':
      return request.credentials.pageId;
    case 'instagram':
      return request.credentials.instagramAccountId;
    case 'whatsapp':
      return request.credentials.phoneNumberId;
    case 'telegram':
      return request.credentials.botToken.split(':')[0]!;
    case 'x':
      return request.credentials.userId;
  }
}

const noChannel = () =>
  new AppError('not_found', {
    en: 'No such channel in this workspace.',
    ar: 'لا توجد قناة كهذه في مساحة العمل.',
  });

/** What an answer to a webhook request is: a status and a body, plain or JSON. */
export type WebhookAnswer = { status: number; contentType: string; body: string };

const json = (status: number, value: unknown): WebhookAnswer => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
});

/**
 * The social accounts of workspaces and what their platforms send: webhooks are checked (handshake,
 * signature), every event is stored before the platform hears 200, and a redelivered event stores
 * nothing new (the platform's id is the message's external id).
 */
export function createSocialChannels(deps: {
  database: Database;
  clock: Clock;
  config: Config;
  secrets: SecretBox;
  intake: ChannelIntake;
  adapters: SocialAdapters;
  /** Who answers a press of a Sada button (button-dispatch.ts); such a press never reaches intake. */
  buttonAnswers: ButtonAnswerHandlers;
}) {
  const { database, clock, config, secrets, adapters } = deps;
  const db = database.orm;

  const credentialsOf = (row: ChannelAccountRow) =>
    JSON.parse(secrets.open(row.sealedCredentials)) as Record<string, string>;
  const buttons = createButtonDispatch({
    database,
    clock,
    mailDomain: config.mailDomain,
    handlers: deps.buttonAnswers,
    adapters,
    credentialsOf,
    baseUrlOf: (kind) => baseUrlOf(kind),
  });

  function webhookUrl(row: Pick<ChannelAccountRow, 'kind' | 'id'>) {
    const base = config.publicUrl;
    if (row.kind === 'telegram') return `${base}/webhooks/telegram/${row.id}`;
    return `${base}/webhooks/${row.kind === 'x' ? 'x' : 'meta'}`;
  }

  function shown(row: ChannelAccountRow) {
    return {
      id: row.id,
      kind: row.kind as SocialKind,
      name: row.name,
      accountId: row.accountId,
      webhookUrl: webhookUrl(row),
      ...(row.verifyToken && { verifyToken: row.verifyToken }),
      isEnabled: row.isEnabled,
      isPolling: row.isPolling,
      lastEventAt: row.lastEventAt,
      lastError: lastErrorOf(row),
      createdAt: row.createdAt,
    };
  }

  /** One event of a verified webhook, stored (or recognised as stored before). */
  async function ingest(account: ChannelAccountRow, event: SocialEvent) {
    const workspace = await findWorkspaceById(db, account.workspaceId);
    if (!workspace) return;
    const kind = account.kind as SocialKind;
    switch (event.type) {
      case 'message': {
        // Our own messages come back as echoes: already on the case.
        if (event.isEcho) return;
        const conversationKey =
          event.visibility === 'private'
            ? `dm:${event.threadId}`
            : `post:${event.threadId}:${event.author.externalId}`;
        if (await buttons.take({ account, workspace, event, conversationKey })) return;
        const since =
          event.visibility === 'public'
            ? new Date(clock.now().getTime() - COMMENT_THREAD_HOURS * 3_600_000)
            : null;
        // An author invited to private messages (Move to private) continues that case.
        const invited =
          event.visibility === 'private'
            ? await findInvitedCase(db, {
                channelAccountId: account.id,
                authorId: event.author.externalId,
                since: new Date(clock.now().getTime() - PRIVATE_INVITATION_DAYS * 86_400_000),
              })
            : undefined;
        const existing =
          invited ??
          (await findConversationCase(db, { channelAccountId: account.id, conversationKey, since }));
        const text = event.text.trim();
        const links = event.attachments
          .filter((item) => item.url)
          .map((item) => ({
            name: item.name ?? item.kind,
            contentType: item.contentType ?? 'application/octet-stream',
            url: item.url!,
          }));
        const described =
          text ||
          event.payload ||
          event.attachments
            .map((item) => (item.detail ? `${item.kind}: ${item.detail}` : item.kind))
            .join(', ') ||
          '…';
        await deps.intake.receive({
          workspace,
          channel: kind,
          deliveryKey: event.externalId,
          externalId: event.externalId,
          threadCaseId: existing?.id ?? null,
          // WhatsApp proves the phone number: a customer known by it (a call, the form) is the same person.
          customer: (kind === 'whatsapp'
            ? await findCustomerByPhoneDigits(db, workspace.id, event.author.externalId.replace(/\D/g, ''))
            : undefined) ?? {
            name: event.author.name ?? event.author.handle ?? event.author.externalId,
            identity: {
              channel: kind,
              externalId: event.author.externalId,
              ...(event.author.handle && { handle: event.author.handle }),
            },
          },
          subject: described.split('\n')[0]!.slice(0, 120),
          body: described,
          files: [],
          links,
          label: LABELS[kind],
          isAutomatic: false,
          language: null,
          isAcknowledged: false,
          visibility: event.visibility,
          conversation: { channelAccountId: account.id, conversationKey },
        });
        if (invited) await acceptInvitation(account, invited.id, conversationKey);
        return;
      }
      case 'edit':
      case 'delete': {
        const message = await findMessageByExternalId(db, workspace.id, event.externalId);
        if (!message) return;
        await db.transaction(async (tx) => {
          const row = await lockCaseById(tx, workspace.id, message.caseId);
          if (!row) return;
          if (event.type === 'edit' && event.text === message.body) return;
          // The timeline keeps what the agent saw; the thread shows what the customer says now.
          await insertCaseEvent(tx, {
            workspaceId: workspace.id,
            caseId: row.id,
            type: event.type === 'edit' ? 'message.edited' : 'message.deleted',
            actorUserId: null,
            actorLabel: LABELS[kind],
            changes: { messageId: message.id, body: message.body },
            createdAt: clock.now(),
          });
          if (event.type === 'edit') await setMessageBody(tx, message.id, event.text);
          await announce(tx, {
            workspaceId: workspace.id,
            type: 'case.updated',
            caseId: row.id,
            referenceNumber: row.referenceNumber,
          });
        });
        return;
      }
      case 'status': {
        const message = await findMessageByExternalId(db, workspace.id, event.externalId);
        if (!message) return;
        const [delivery] = await listOutboxOfMessages(db, [message.id]);
        if (!delivery) return;
        if (event.status !== 'failed') {
          await updateOutbox(db, message.id, { platformStatus: event.status });
          return;
        }
        // The platform took the message, then could not deliver it: its own words, quoted.
        const failure = undeliveredFailure(LABELS[kind], event.error);
        await db.transaction(async (tx) => {
          await updateOutbox(tx, message.id, {
            status: 'failed',
            ...lastErrorColumns(failure),
            nextAttemptAt: null,
          });
          await recordChannelError(tx, {
            workspaceId: account.workspaceId,
            channelAccountId: account.id,
            occurredAt: clock.now(),
            source: 'send',
            failure,
            detail: { messageId: message.id, isPermanent: true },
          });
        });
        return;
      }
      case 'reaction':
        return;
    }
  }

  /** The customer wrote privately after the invitation: the case goes on as a private conversation. */
  async function acceptInvitation(account: ChannelAccountRow, caseId: string, conversationKey: string) {
    await db.transaction(async (tx) => {
      const row = await lockCaseById(tx, account.workspaceId, caseId);
      if (!row || row.privateAcceptedAt) return;
      const now = clock.now();
      await updateCaseRow(tx, row.id, { privateAcceptedAt: now, conversationKey, updatedAt: now });
      await insertCaseEvent(tx, {
        workspaceId: row.workspaceId,
        caseId: row.id,
        type: 'case.private_accepted',
        actorUserId: null,
        actorLabel: LABELS[account.kind as SocialKind],
        changes: { invitedAt: row.movedPrivateAt, acceptedAt: now },
        createdAt: now,
      });
      await announceCaseUpdated(tx, row);
    });
  }

  /** A social case of the actor's workspace, with its account, for an agent's action on the platform. */
  async function socialCaseOf(actor: Actor, referenceNumber: string) {
    const row = await findCaseByReference(db, actor.workspace.id, referenceNumber.toUpperCase());
    if (!row) throw caseNotFound(referenceNumber);
    const account = row.channelAccountId ? await findChannelAccountById(db, row.channelAccountId) : undefined;
    if (!account || !account.isEnabled) {
      throw new AppError('conflict', {
        en: 'This case did not come through a connected social account, or its account is disconnected.',
        ar: 'هذه الحالة لم تصل عبر حساب تواصل موصول، أو أن حسابها مفصول.',
      });
    }
    return { row, account, kind: account.kind as SocialKind };
  }

  const baseUrlOf = (kind: SocialKind) =>
    kind === 'telegram'
      ? config.platformUrls.telegram
      : kind === 'x'
        ? config.platformUrls.x
        : config.platformUrls.meta;

  /** Stores every event of a request for these accounts; the platform hears 200 only after. */
  async function receive(
    adapter: SocialAdapter,
    accounts: ChannelAccountRow[],
    raw: RawWebhook,
  ): Promise<WebhookAnswer> {
    const byPlatformId = new Map(accounts.map((account) => [account.accountId, account]));
    const events = adapter.parse(raw);
    for (const event of events) {
      const account = byPlatformId.get(event.accountId) ?? (accounts.length === 1 ? accounts[0] : undefined);
      if (account) await ingest(account, event);
    }
    const now = clock.now();
    for (const account of accounts)
      await updateChannelAccount(db, account.id, { lastEventAt: now, ...lastErrorColumns(null) });
    return json(200, { received: events.length });
  }

  /**
   * A request whose signature does not match: nothing is stored, and each account it named logs it,
   * once a minute however often the platform (or someone else) retries.
   */
  async function unsigned(accounts: ChannelAccountRow[]) {
    for (const account of accounts) {
      await recordChannelError(db, {
        workspaceId: account.workspaceId,
        channelAccountId: account.id,
        occurredAt: clock.now(),
        source: 'webhook',
        failure: badSignatureFailure(LABELS[account.kind as SocialKind]),
        throttleMs: 60_000,
      });
    }
    return unsignedAnswer();
  }
  const unsignedAnswer = () =>
    json(401, {
      error: {
        code: 'unauthorized',
        message: 'The signature of this request does not match; nothing was stored.',
      },
    });
  const unknownAccount = () =>
    json(404, { error: { code: 'not_found', message: 'No connected account matches this request.' } });

  return {
    async create(actor: Actor, request: CreateSocialChannelRequest) {
      assertCan(actor.role, 'workspace:admin');
      const isMeta = META_KINDS.includes(request.kind);
      const verifyToken = isMeta
        ? ('verifyToken' in request && request.verifyToken) || randomBytes(18).toString('base64url')
        : null;
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const inserted = await insertChannelAccount(tx, {
          id: randomUUID(),
          workspaceId: actor.workspace.id,
          kind: request.kind,
          name: request.name,
          accountId: accountIdOf(request),
          sealedCredentials: secrets.seal(JSON.stringify(request.credentials)),
          verifyToken,
          isPolling: request.kind === 'x' && request.pollMentions,
          createdAt: now,
        });
        if (!inserted) {
          throw new AppError('conflict', {
            en: `This ${LABELS[request.kind]} account is already connected (here or in another workspace).`,
            ar: `حساب ${LABELS[request.kind]} هذا موصول بالفعل (هنا أو في مساحة عمل أخرى).`,
          });
        }
        await insertAuditRecord(tx, {
          workspaceId: actor.workspace.id,
          actorUserId: actor.userId,
          action: 'channels.account_connected',
          subjectType: 'channel_account',
          subjectId: inserted.id,
          details: { kind: request.kind, name: request.name, accountId: inserted.accountId },
          createdAt: now,
        });
        return inserted;
      });
      return shown(row);
    },

    async list(actor: Actor) {
      assertCan(actor.role, 'workspace:admin');
      return (await listChannelAccounts(db, actor.workspace.id)).map(shown);
    },

    /** Stops taking and sending on an account; its cases keep their history. */
    async disable(actor: Actor, id: string) {
      assertCan(actor.role, 'workspace:admin');
      const row = await findChannelAccount(db, actor.workspace.id, id);
      if (!row) throw noChannel();
      await updateChannelAccount(db, id, { isEnabled: false });
    },

    /** The account's error log, newest first. */
    async errors(actor: Actor, id: string) {
      assertCan(actor.role, 'workspace:admin');
      const row = await findChannelAccount(db, actor.workspace.id, id);
      if (!row) throw noChannel();
      return (await listChannelErrors(db, actor.workspace.id, { channelAccountId: row.id })).map(
        publicChannelError,
      );
    },

    credentialsOf,
    accountById: (id: string) => findChannelAccountById(db, id),

    /** Reads new mentions of the X accounts without webhook access; the number of events stored. */
    async pollMentions(): Promise<number> {
      let stored = 0;
      for (const account of await listPollingAccounts(db)) {
        const credentials = credentialsOf(account);
        try {
          const { events, newestId } = await pollXMentions({
            baseUrl: config.platformUrls.x,
            accessToken: credentials.accessToken!,
            userId: account.accountId,
            sinceId: account.pollSinceId,
            now: clock.now(),
          });
          for (const event of events) await ingest(account, event);
          stored += events.length;
          await updateChannelAccount(db, account.id, {
            pollSinceId: newestId ?? account.pollSinceId,
            ...lastErrorColumns(null),
            ...(events.length > 0 && { lastEventAt: clock.now() }),
          });
        } catch (error) {
          const cause = storedFailureOf(error);
          const failure = {
            code: cause.code,
            en: `Reading mentions failed: ${cause.en}`,
            ar: `فشلت قراءة الإشارات: ${cause.ar}`,
          };
          await db.transaction(async (tx) => {
            await updateChannelAccount(tx, account.id, lastErrorColumns(failure));
            await recordChannelError(tx, {
              workspaceId: account.workspaceId,
              channelAccountId: account.id,
              occurredAt: clock.now(),
              source: 'poll',
              failure,
            });
          });
        }
      }
      return stored;
    },

    /** Asks the platform whether the account's credentials work (the setup page's button). */
    async test(actor: Actor, id: string): Promise<z.infer<typeof channelTestResult>> {
      assertCan(actor.role, 'workspace:admin');
      const row = await findChannelAccount(db, actor.workspace.id, id);
      if (!row) throw noChannel();
      const credentials = credentialsOf(row);
      const kind = row.kind as SocialKind;
      const base = baseUrlOf(kind);
      const token = credentials.pageAccessToken ?? credentials.accessToken ?? '';
      const request =
        kind === 'telegram'
          ? { url: `${base}/bot${credentials.botToken}/getMe`, headers: {} as Record<string, string> }
          : kind === 'x'
            ? { url: `${base}/2/users/me`, headers: { authorization: `Bearer ${token}` } }
            : {
                url: `${base}/v21.0/${row.accountId}?fields=id,name`,
                headers: { authorization: `Bearer ${token}` },
              };
      const label = LABELS[kind];
      const failure = await credentialsFailure(label, request, Object.values(credentials));
      const text = failure ?? {
        en: `${label} answered: the credentials work.`,
        ar: `أجاب ${label}: بيانات الاعتماد تعمل.`,
      };
      await db.transaction(async (tx) => {
        await updateChannelAccount(tx, row.id, lastErrorColumns(failure));
        if (failure) {
          await recordChannelError(tx, {
            workspaceId: row.workspaceId,
            channelAccountId: row.id,
            occurredAt: clock.now(),
            source: 'test',
            failure,
          });
        }
      });
      return {
        isOk: failure === null,
        detail: text.en,
        text: { en: text.en, ar: text.ar },
        code: failure?.code ?? null,
      };
    },

    /** Hides (or shows again) a customer's public comment on the platform, with a reason; audited. */
    async moderate(
      actor: Actor,
      referenceNumber: string,
      messageId: string,
      change: { isHidden: boolean; reason: string; note?: string | undefined },
    ) {
      assertCan(actor.role, 'case:write');
      const { row, account, kind } = await socialCaseOf(actor, referenceNumber);
      const message = await findMessageById(db, messageId);
      if (
        !message ||
        message.caseId !== row.id ||
        message.direction !== 'inbound' ||
        message.visibility !== 'public' ||
        !message.externalId
      ) {
        throw new AppError('conflict', {
          en: 'Only a customer’s public comment can be hidden.',
          ar: 'لا يُخفى إلا تعليق علني للعميل.',
        });
      }
      if (change.isHidden) await assertMayHide(db, row, message.id);
      if (!adapters[kind].capabilities.canHide) {
        throw new AppError('conflict', {
          en: `${LABELS[kind]} does not let a business hide comments.`,
          ar: `${LABELS[kind]} لا يسمح للشركات بإخفاء التعليقات.`,
        });
      }
      try {
        await adapters[kind].send(
          { action: 'hide', commentId: message.externalId, isHidden: change.isHidden },
          {
            credentials: credentialsOf(account),
            baseUrl: baseUrlOf(kind),
            lastInboundAt: null,
            now: clock.now(),
          },
        );
      } catch (error) {
        const reason = storedFailureOf(error);
        throw new AppError(
          'unavailable',
          {
            en: `${LABELS[kind]} did not change the comment: ${reason.en}`,
            ar: `لم يغيّر ${LABELS[kind]} التعليق: ${reason.ar}`,
          },
          { cause: error },
        );
      }
      const now = clock.now();
      const note = change.note ?? null;
      await db.transaction(async (tx) => {
        const locked = await lockCaseById(tx, row.workspaceId, row.id);
        if (!locked) return;
        await setMessageModeration(tx, message.id, {
          isHidden: change.isHidden,
          reason: change.reason,
          note,
          userId: actor.userId,
          at: now.toISOString(),
        });
        await insertCaseEvent(tx, {
          workspaceId: row.workspaceId,
          caseId: row.id,
          type: 'message.moderated',
          actorUserId: actor.userId,
          actorLabel: actor.name,
          changes: { messageId: message.id, isHidden: change.isHidden, reason: change.reason, note },
          createdAt: now,
        });
        await insertAuditRecord(tx, {
          workspaceId: row.workspaceId,
          actorUserId: actor.userId,
          action: change.isHidden ? 'message.hidden' : 'message.unhidden',
          subjectType: 'message',
          subjectId: message.id,
          details: { referenceNumber: row.referenceNumber, reason: change.reason, note },
          createdAt: now,
        });
        await announceCaseUpdated(tx, row);
      });
    },

    /**
     * Move to private (seed 001): a public reply invites the customer to continue in private, the
     * private thread opens (a private reply to their comment, or a DM on X), and the case waits for
     * them to write there; when they do within PRIVATE_INVITATION_DAYS, the invitation is accepted.
     */
    async moveToPrivate(
      actor: Actor,
      referenceNumber: string,
      body: string | undefined,
      reply: (input: { visibility: 'public' | 'private'; body: string }) => Promise<unknown>,
    ) {
      assertCan(actor.role, 'case:write');
      const { row, kind } = await socialCaseOf(actor, referenceNumber);
      if (!row.conversationKey?.startsWith('post:') || !['facebook', 'instagram', 'x'].includes(kind)) {
        throw new AppError('conflict', {
          en: 'Only a public conversation (a comment or a mention) can move to private messages.',
          ar: 'لا تنتقل إلى الرسائل الخاصة إلا محادثة علنية (تعليق أو إشارة).',
        });
      }
      const language =
        row.language === 'en' || row.language === 'ar'
          ? row.language
          : actor.workspace.defaultLanguage === 'en'
            ? 'en'
            : 'ar';
      const invitation = body ?? PRIVATE_INVITATION[language].public;
      await reply({ visibility: 'public', body: invitation });
      await reply({ visibility: 'private', body: PRIVATE_INVITATION[language].private(row.referenceNumber) });
      const now = clock.now();
      await db.transaction(async (tx) => {
        const locked = await lockCaseById(tx, row.workspaceId, row.id);
        if (!locked) return;
        await updateCaseRow(tx, row.id, { movedPrivateAt: now, privateAcceptedAt: null, updatedAt: now });
        await insertCaseEvent(tx, {
          workspaceId: row.workspaceId,
          caseId: row.id,
          type: 'case.moved_to_private',
          actorUserId: actor.userId,
          actorLabel: actor.name,
          changes: { invitation },
          createdAt: now,
        });
        await announceCaseUpdated(tx, row);
      });
    },

    /** `/webhooks/meta`: Facebook, Instagram and WhatsApp; the payload's account id picks the channel. */
    async meta(raw: RawWebhook): Promise<WebhookAnswer> {
      if (raw.method === 'GET') {
        const accounts = await listEnabledChannelAccountsOfKinds(db, META_KINDS);
        const token = raw.query['hub.verify_token'];
        const account = accounts.find((row) => row.verifyToken && row.verifyToken === token);
        if (!account) return { status: 403, contentType: 'text/plain', body: 'verify token does not match' };
        const answer = adapters[account.kind as SocialKind].handshake(raw, {
          ...credentialsOf(account),
          verifyToken: account.verifyToken!,
        });
        return answer ?? { status: 400, contentType: 'text/plain', body: 'not a handshake' };
      }
      let object: unknown;
      try {
        object = (JSON.parse(raw.rawBody.toString('utf8')) as { object?: unknown }).object;
      } catch {
        return json(400, { error: { code: 'bad_request', message: 'The body is not JSON.' } });
      }
      const kind: SocialKind | undefined =
        object === 'page'
          ? 'facebook'
          : object === 'instagram'
            ? 'instagram'
            : object === 'whatsapp_business_account'
              ? 'whatsapp'
              : undefined;
      if (!kind)
        return json(400, {
          error: { code: 'bad_request', message: `Unknown webhook object "${String(object)}".` },
        });
      const adapter = adapters[kind];
      const accounts = await findChannelAccountsByPlatformIds(db, [kind], adapter.accountIdsOf(raw));
      if (accounts.length === 0) return unknownAccount();
      // One app secret signs the whole request: every account it names must accept it.
      const refused = accounts.filter((account) => !adapter.verify(raw, credentialsOf(account)));
      if (refused.length > 0) return unsigned(refused);
      return receive(adapter, accounts, raw);
    },

    /** `/webhooks/telegram/:channelId`: the URL picks the bot. */
    async telegram(channelId: string, raw: RawWebhook): Promise<WebhookAnswer> {
      const account = /^[0-9a-f-]{36}$/i.test(channelId)
        ? await findChannelAccountById(db, channelId)
        : undefined;
      if (!account || account.kind !== 'telegram' || !account.isEnabled) return unknownAccount();
      if (!adapters.telegram.verify(raw, credentialsOf(account))) return unsigned([account]);
      return receive(adapters.telegram, [account], raw);
    },

    /** `/webhooks/x`: CRC on GET; `for_user_id` picks the account on POST. */
    async x(raw: RawWebhook): Promise<WebhookAnswer> {
      if (raw.method === 'GET') {
        const [account] = await listEnabledChannelAccountsOfKinds(db, ['x']);
        if (!account) return unknownAccount();
        return (
          adapters.x.handshake(raw, credentialsOf(account)) ??
          json(400, { error: { code: 'bad_request', message: 'Send crc_token.' } })
        );
      }
      const accounts = await findChannelAccountsByPlatformIds(db, ['x'], adapters.x.accountIdsOf(raw));
      if (accounts.length === 0) return unknownAccount();
      const refused = accounts.filter((account) => !adapters.x.verify(raw, credentialsOf(account)));
      if (refused.length > 0) return unsigned(refused);
      return receive(adapters.x, accounts, raw);
    },
  };
}

export type SocialChannels = ReturnType<typeof createSocialChannels>;
