// Sends what the outbox holds. A row is leased (its next attempt moved past the lease) in a short
// transaction, sent outside any transaction, then its outcome recorded: no database connection waits
// on a mail server, and a process dying mid-send leaves the row to be sent again after the lease.

import {
  composeMail,
  DeliveryError,
  type MailSender,
  type SocialKind,
  type SocialOutbound,
  SocialSendError,
} from '@sada/channels';
import type { Clock } from '@sada/core';
import {
  announce,
  type ChannelAccountRow,
  type Database,
  findCaseById,
  findChannelAccountById,
  findCustomerSummary,
  findMessageById,
  findWorkspaceById,
  lastErrorColumns,
  lastPrivateInboundAt,
  leaseDueOutbox,
  listExternalIdsOfCase,
  listMessagesOfCase,
  listStoredFilesWithContent,
  nextOutboxDue,
  type OutboxRow,
  recordChannelError,
  type StoredFailure,
  setMessageExternalId,
  updateOutbox,
} from '@sada/db';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { JobDefinition } from '../jobs/job-runner.ts';
import { createLeaseLoop } from '../jobs/lease-loop.ts';
import { storedFailureOf } from './channel-errors.ts';
import { channelSettingsOf } from './channel-settings.ts';
import { emailMessageId, readOutboxPayload } from './delivery.ts';
import { createSendPacer } from './send-pacing.ts';
import type { SocialAdapters } from './social-channels.service.ts';

const BATCH = 8;
const LEASE_MS = 5 * 60_000;
/** After this many attempts a temporary failure counts as permanent (about a day and a half). */
export const MAX_ATTEMPTS = 10;

/** 1, 2, 4 … minutes after each failed attempt, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

/** No relay configured: every mail fails, saying what to set. */
const notConfigured = () =>
  new DeliveryError(
    'not_configured',
    {
      en: 'No outbound mail server is set: set SADA_SMTP_RELAY (smtp://user:password@host:587) and retry.',
      ar: 'لم يُضبط خادم للبريد الصادر: اضبط SADA_SMTP_RELAY (smtp://user:password@host:587) ثم أعد المحاولة.',
    },
    { isPermanent: true },
  );

/** The account has used its sends for this minute: the row waits, without counting an attempt. */
class Paced extends Error {
  constructor(readonly waitMs: number) {
    super('paced');
  }
}

const STATUS_LINE = {
  ar: 'تابع حالتك ورد علينا من هنا:',
  en: 'Follow your case and answer us here:',
} as const;

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;

export function createDeliveryWorker(options: {
  database: Database;
  clock: Clock;
  config: Config;
  /** null: no relay configured, every mail fails with a message that says so. */
  sender: MailSender | null;
  /** The signed link to a case's status page, for the footer of every mail. */
  statusLink(workspace: { id: string; slug: string }, caseId: string): string;
  /** Social channels: each kind's adapter and the credentials of an account. */
  social: {
    adapters: SocialAdapters;
    credentialsOf(account: ChannelAccountRow): Record<string, string>;
  };
  onError: (error: unknown) => void;
}) {
  const { database, clock, config, sender } = options;
  const db = database.orm;
  const pacer = createSendPacer(clock);

  async function mailOf(row: OutboxRow) {
    const message = await findMessageById(db, row.messageId);
    const caseRow = message ? await findCaseById(db, row.workspaceId, message.caseId) : undefined;
    const workspace = await findWorkspaceById(db, row.workspaceId);
    if (!message || !caseRow || !workspace) throw new Error(`outbox ${row.messageId}: its message is gone`);
    const settings = channelSettingsOf(workspace.channelSettings);
    const language =
      caseRow.language === 'ar' || caseRow.language === 'en'
        ? caseRow.language
        : workspace.defaultLanguage === 'en'
          ? 'en'
          : 'ar';
    const customer = caseRow.customerId
      ? await findCustomerSummary(db, workspace.id, caseRow.customerId)
      : undefined;
    const ownId = message.externalId ?? emailMessageId(message.id, config.mailDomain);
    const thread = (await listExternalIdsOfCase(db, caseRow.id)).filter((id) => id !== ownId);
    // The customer's latest mail before this one is the one answered.
    const earlier = (await listMessagesOfCase(db, caseRow.id)).filter(
      (item) => item.direction === 'inbound' && item.externalId && item.createdAt <= message.createdAt,
    );
    const files = await listStoredFilesWithContent(db, message.id);
    return composeMail({
      from: {
        address: settings.email.fromAddress ?? `${workspace.slug}@${config.mailDomain}`,
        name: settings.email.fromName[language] || workspace.name,
      },
      to: { address: row.recipient, name: customer?.name ?? null },
      subject: row.subject,
      reference: caseRow.referenceNumber,
      // Every answer carries the signed link to the case's status page (an acknowledgement has it in its text).
      text: message.isAutomatic
        ? message.body
        : `${message.body}\n\n—\n${STATUS_LINE[language]} ${options.statusLink(workspace, caseRow.id)}`,
      language,
      messageId: ownId,
      inReplyTo: earlier.at(-1)?.externalId ?? null,
      references: thread,
      isAutomatic: message.isAutomatic,
      attachments: files.map((file) => ({
        filename: file.name,
        content: file.content,
        contentType: file.contentType,
      })),
    });
  }

  /** The outcome on the outbox row; a failure also goes in the error log of the case's social account. */
  async function record(
    row: OutboxRow,
    outcome: Parameters<typeof updateOutbox>[2],
    failure?: StoredFailure,
  ) {
    await db.transaction(async (tx) => {
      await updateOutbox(tx, row.messageId, outcome);
      const message = await findMessageById(tx, row.messageId);
      const caseRow = message ? await findCaseById(tx, row.workspaceId, message.caseId) : undefined;
      if (failure && caseRow?.channelAccountId && row.channel !== 'email') {
        await recordChannelError(tx, {
          workspaceId: row.workspaceId,
          channelAccountId: caseRow.channelAccountId,
          occurredAt: clock.now(),
          source: 'send',
          failure,
          detail: {
            referenceNumber: caseRow.referenceNumber,
            messageId: row.messageId,
            attempt: row.attempts,
            isPermanent: outcome.status === 'failed',
          },
        });
      }
      if (caseRow) {
        await announce(tx, {
          workspaceId: row.workspaceId,
          type: 'case.updated',
          caseId: caseRow.id,
          referenceNumber: caseRow.referenceNumber,
        });
      }
    });
  }

  /** What the outbox row carries besides its text, for the send action. */
  function outboundOf(row: OutboxRow, text: string): SocialOutbound {
    const payload = readOutboxPayload(row.action, row.payload);
    switch (row.action) {
      case 'template': {
        // Validated by the API before it was queued.
        const template =
          payload?.type === 'template' ? payload : { name: '', language: '', parameters: [] as string[] };
        return {
          action: 'template',
          to: row.recipient,
          template: { name: template.name, language: template.language, parameters: template.parameters },
        };
      }
      case 'reply_public':
        return { action: 'reply_public', inReplyToId: row.recipient, text };
      case 'private_reply':
        return { action: 'private_reply', commentId: row.recipient, text };
      default:
        return {
          action: 'message',
          to: row.recipient,
          text,
          ...(payload?.type === 'buttons' && {
            buttons: payload.buttons,
            ...(payload.buttonsLabel && { buttonsLabel: payload.buttonsLabel }),
          }),
        };
    }
  }

  /** Sends one social outbound message through its account's adapter; the platform's id goes on the message. */
  async function sendSocial(row: OutboxRow) {
    const message = await findMessageById(db, row.messageId);
    const caseRow = message ? await findCaseById(db, row.workspaceId, message.caseId) : undefined;
    if (!message || !caseRow?.channelAccountId) throw new Error(`outbox ${row.messageId}: its case is gone`);
    const account = await findChannelAccountById(db, caseRow.channelAccountId);
    const kind = row.channel as SocialKind;
    if (!account?.isEnabled) {
      throw new SocialSendError(
        'disconnected',
        {
          en: `The ${kind} account of this case is disconnected; connect it again under Admin → Channels.`,
          ar: `حساب ${kind} لهذه الحالة مفصول؛ اربطه من جديد من الإدارة ← القنوات.`,
        },
        { isPermanent: true },
      );
    }
    const wait = pacer.take(account.id, kind);
    if (wait > 0) throw new Paced(wait);
    const outbound = outboundOf(row, message.body);
    const baseUrl =
      kind === 'telegram'
        ? config.platformUrls.telegram
        : kind === 'x'
          ? config.platformUrls.x
          : config.platformUrls.meta;
    const sent = await options.social.adapters[kind].send(outbound, {
      credentials: options.social.credentialsOf(account),
      baseUrl,
      lastInboundAt: await lastPrivateInboundAt(db, caseRow.id),
      now: clock.now(),
    });
    await setMessageExternalId(db, message.id, sent.externalId);
  }

  async function deliver(row: OutboxRow) {
    const now = clock.now();
    try {
      if (row.channel !== 'email') {
        await sendSocial(row);
      } else {
        if (!sender) throw notConfigured();
        await sender.send(await mailOf(row));
      }
      await record(row, {
        status: 'sent',
        sentAt: clock.now(),
        ...lastErrorColumns(null),
        nextAttemptAt: null,
      });
    } catch (error) {
      if (error instanceof Paced) {
        await updateOutbox(db, row.messageId, {
          attempts: Math.max(0, row.attempts - 1),
          nextAttemptAt: new Date(now.getTime() + error.waitMs),
        });
        return;
      }
      const isExpected = error instanceof DeliveryError || error instanceof SocialSendError;
      const isPermanent = isExpected && error.isPermanent;
      const failure = storedFailureOf(error);
      const isGivenUp = isPermanent || row.attempts >= MAX_ATTEMPTS;
      // The platform's Retry-After when it said one, else the backoff.
      const waitMs = Math.max(
        retryDelayMs(row.attempts),
        error instanceof SocialSendError && error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : 0,
      );
      await record(
        row,
        {
          status: isGivenUp ? 'failed' : 'pending',
          ...lastErrorColumns(failure),
          nextAttemptAt: isGivenUp ? null : new Date(now.getTime() + waitMs),
        },
        failure,
      );
      if (!isExpected) options.onError(error);
    }
  }

  const loop = createLeaseLoop({
    clock,
    lease: (now) => db.transaction((tx) => leaseDueOutbox(tx, { now, leaseMs: LEASE_MS, limit: BATCH })),
    deliver,
    nextDue: () => nextOutboxDue(db),
    onError: options.onError,
  });
  return {
    kick: loop.kick,
    drain: loop.drain,
    async stop() {
      await loop.stop();
      sender?.close();
    },
  };
}

/** Every minute, sends what is due (what another process queued, or a retry whose time came). */
export function deliverySweepJob(worker: DeliveryWorker): JobDefinition<Record<string, never>> {
  return {
    name: 'outbox.sweep',
    payload: z.strictObject({}),
    schedule: '* * * * *',
    async handle() {
      await worker.drain();
      return 'done';
    },
  };
}
