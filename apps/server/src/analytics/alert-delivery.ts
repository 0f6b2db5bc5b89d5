// Sends spike alerts to their subscribers (issue 9). The transaction that raises an alert queues one
// alert_delivery row per subscription (unique per alert and subscription); this worker leases due
// rows, sends outside any transaction and records sent, or the error with the next attempt after a
// backoff. A pg-boss job sweeps every minute, so retries and other processes' alerts go out too.
// A receiver may still see a delivery twice if this process dies between its 2xx and the record:
// X-Sada-Delivery stays the same across attempts, so receivers can drop repeats.
import { DeliveryError, type MailSender } from '@sada/channels';
import { type Clock, can, type Role, type UiLanguage } from '@sada/core';
import {
  type AlertDeliveryRow,
  type Database,
  findAlertSubscription,
  findSpikeAlertById,
  findUserById,
  findWorkspaceById,
  leaseDueAlertDeliveries,
  listAlertExamples,
  nextAlertDeliveryDue,
  updateAlertDelivery,
} from '@sada/db';
import { z } from 'zod';
import { MAX_ATTEMPTS, retryDelayMs } from '../channels/delivery-worker.ts';
import type { Config } from '../config.ts';
import type { JobDefinition } from '../jobs/job-runner.ts';
import { createLeaseLoop } from '../jobs/lease-loop.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import { type AlertContent, exampleText, spikeMail, spikeWebhookPayload } from './alert-messages.ts';
import { postWebhook } from './webhook-post.ts';

const BATCH = 8;
const LEASE_MS = 5 * 60_000;

/** A failed attempt: what to show, and whether another attempt could help. */
class AttemptFailed extends Error {
  constructor(
    readonly failure: { code: string; en: string; ar: string },
    readonly isPermanent: boolean,
  ) {
    super(failure.en);
  }
}

const NO_RELAY = new AttemptFailed(
  {
    code: 'not_configured',
    en: 'No outbound mail server is set: set SADA_SMTP_RELAY (smtp://user:password@host:587); alerts raised until then are not mailed.',
    ar: 'لم يُضبط خادم للبريد الصادر: اضبط SADA_SMTP_RELAY (smtp://user:password@host:587)؛ التنبيهات السابقة لضبطه لن تُرسل بالبريد.',
  },
  true,
);

export type AlertDelivery = ReturnType<typeof createAlertDelivery>;

/** The links of alerts point at the console: the analytics page and each example's case. */
export function consoleLinks(publicUrl: string) {
  return {
    analytics: `${publicUrl}/analytics`,
    case: (referenceNumber: string) => `${publicUrl}/cases/${encodeURIComponent(referenceNumber)}`,
  };
}

export function createAlertDelivery(options: {
  database: Database;
  clock: Clock;
  config: Pick<Config, 'publicUrl' | 'mailDomain' | 'isWebhookPrivateAllowed'>;
  secrets: SecretBox;
  /** null: no relay configured, e-mail deliveries fail saying so. */
  sender: MailSender | null;
  onError: (error: unknown) => void;
}) {
  const { database, clock, config, secrets, sender } = options;
  const db = database.orm;
  const links = consoleLinks(config.publicUrl);

  /** The alert with its workspace and examples, in the order the alert keeps them. */
  async function contentOf(row: AlertDeliveryRow): Promise<AlertContent | undefined> {
    const alert = await findSpikeAlertById(db, row.workspaceId, row.alertId);
    const workspace = await findWorkspaceById(db, row.workspaceId);
    if (!alert || !workspace) return undefined;
    const cases = new Map(
      (await listAlertExamples(db, workspace.id, alert.exampleCaseIds)).map((item) => [item.id, item]),
    );
    return {
      alert,
      workspace,
      analyticsUrl: links.analytics,
      examples: alert.exampleCaseIds.flatMap((id) => {
        const item = cases.get(id);
        return item
          ? [
              {
                referenceNumber: item.referenceNumber,
                channel: item.channel,
                text: exampleText(item.subject, item.description),
                url: links.case(item.referenceNumber),
              },
            ]
          : [];
      }),
    };
  }

  /** Sends one delivery; answers false when its subscription no longer wants it (skipped). */
  async function send(row: AlertDeliveryRow): Promise<boolean> {
    const subscription = await findAlertSubscription(db, row.workspaceId, row.subscriptionId);
    const content = await contentOf(row);
    if (!subscription?.isEnabled || !content) return false;
    if (subscription.kind === 'webhook') {
      const body = JSON.stringify(spikeWebhookPayload(content));
      const outcome = await postWebhook({
        url: subscription.url!,
        body,
        secret: secrets.open(subscription.secretSealed!),
        deliveryId: row.id,
        event: 'analytics.spike',
        isPrivateAllowed: config.isWebhookPrivateAllowed,
      });
      if (!outcome.isDelivered) {
        const { isPermanent, ...failure } = outcome.failure;
        throw new AttemptFailed(failure, isPermanent);
      }
      return true;
    }
    // E-mail: only to a user who still reads analytics.
    const user = await findUserById(db, row.workspaceId, subscription.userId!);
    if (!user?.isActive || !can(user.role as Role, 'analytics:read')) return false;
    if (!sender) throw NO_RELAY;
    const language: UiLanguage = (user.language ?? content.workspace.defaultLanguage) === 'en' ? 'en' : 'ar';
    const mail = spikeMail(content, language);
    try {
      await sender.send({
        from: {
          name: singleLine(`Sada — ${content.workspace.name}`),
          address: `sada-alerts@${config.mailDomain}`,
        },
        to: { name: singleLine(user.name), address: user.email },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
      });
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error;
      throw new AttemptFailed({ code: error.code, ...error.text }, error.isPermanent);
    }
    return true;
  }

  async function deliver(row: AlertDeliveryRow) {
    const now = clock.now();
    try {
      const isSent = await send(row);
      await updateAlertDelivery(db, row.id, {
        status: isSent ? 'sent' : 'skipped',
        sentAt: isSent ? clock.now() : null,
        nextAttemptAt: null,
        lastError: null,
        lastErrorAr: null,
        lastErrorCode: null,
      });
    } catch (error) {
      const failure =
        error instanceof AttemptFailed
          ? error
          : new AttemptFailed(
              {
                code: 'temporary',
                en: `Sending failed: ${String((error as Error).message ?? error)}. It will be retried.`,
                ar: `تعذّر الإرسال: ${String((error as Error).message ?? error)}. ستُعاد المحاولة.`,
              },
              false,
            );
      const isGivenUp = failure.isPermanent || row.attempts >= MAX_ATTEMPTS;
      await updateAlertDelivery(db, row.id, {
        status: isGivenUp ? 'failed' : 'pending',
        nextAttemptAt: isGivenUp ? null : new Date(now.getTime() + retryDelayMs(row.attempts)),
        lastError: failure.failure.en.slice(0, 1000),
        lastErrorAr: failure.failure.ar.slice(0, 1000),
        lastErrorCode: failure.failure.code,
      });
      if (!(error instanceof AttemptFailed)) options.onError(error);
    }
  }

  const loop = createLeaseLoop({
    clock,
    lease: (now) =>
      db.transaction((tx) => leaseDueAlertDeliveries(tx, { now, leaseMs: LEASE_MS, limit: BATCH })),
    deliver,
    nextDue: () => nextAlertDeliveryDue(db),
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

/** Every minute: alerts raised by any process, and retries whose time came. */
export function alertDeliveryJob(worker: AlertDelivery): JobDefinition<Record<string, never>> {
  return {
    name: 'analytics.alert-deliveries',
    payload: z.strictObject({}),
    schedule: '* * * * *',
    async handle() {
      await worker.drain();
      return 'done';
    },
  };
}

const singleLine = (text: string) => text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim();
