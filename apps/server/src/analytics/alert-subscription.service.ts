// Who hears of spike alerts outside the console (issue 9): analytics readers subscribe themselves by
// e-mail (admins manage anyone's), and admins add outgoing webhooks with a signing secret the server
// makes and shows once. Delivery is alert-delivery.ts.
import { randomBytes, randomUUID } from 'node:crypto';
import type {
  AlertSubscription,
  AlertSubscriptionList,
  CreateAlertSubscriptionRequest,
  CreatedAlertSubscription,
  UpdateAlertSubscriptionRequest,
  WebhookTestResult,
  WebhookWithSecret,
} from '@sada/contracts';
import { AppError, assertCan, type Clock, can, type Role, type UiLanguage } from '@sada/core';
import {
  type AlertSubscriptionListing,
  type Database,
  deleteAlertSubscription,
  type Executor,
  findAlertSubscription,
  findEmailSubscription,
  findUserById,
  insertAlertSubscription,
  insertAuditRecord,
  listAlertSubscriptions,
  updateAlertSubscription,
} from '@sada/db';
import type { Actor } from '../auth/actor.ts';
import type { Config } from '../config.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import { postWebhook, webhookUrlProblem } from './webhook-post.ts';

export type AlertSubscriptions = ReturnType<typeof createAlertSubscriptions>;
type EmailSubscription = Extract<AlertSubscription, { kind: 'email' }>;

function asEmail(subscription: AlertSubscription): EmailSubscription {
  if (subscription.kind !== 'email') throw new Error('an e-mail subscription was stored as something else');
  return subscription;
}

const notFound = () =>
  new AppError('not_found', {
    en: 'There is no such alert subscription in this workspace; reload the list.',
    ar: 'لا يوجد اشتراك تنبيهات كهذا في مساحة العمل؛ أعد تحميل القائمة.',
  });

const adminsOnly = () =>
  new AppError('forbidden', {
    en: "Only admins manage webhooks and other people's alert subscriptions.",
    ar: 'لا يدير الخطافات واشتراكات الآخرين في التنبيهات إلا المسؤولون.',
  });

/** A webhook's signing secret: 32 random bytes, prefixed so that it is recognised when pasted. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

function publicSubscription(row: AlertSubscriptionListing, language: UiLanguage): AlertSubscription {
  const last = row.lastDelivery;
  const base = {
    id: row.id,
    isEnabled: row.isEnabled,
    createdAt: row.createdAt,
    lastDelivery: last
      ? {
          status: last.status as 'pending' | 'sent' | 'failed' | 'skipped',
          attemptedAt: last.lastAttemptAt,
          sentAt: last.sentAt,
          error: language === 'ar' ? (last.lastErrorAr ?? last.lastError) : last.lastError,
        }
      : null,
  };
  return row.kind === 'webhook'
    ? { kind: 'webhook', ...base, url: row.url ?? '' }
    : {
        kind: 'email',
        ...base,
        user: { id: row.userId ?? '', name: row.userName ?? '', email: row.userEmail ?? '' },
      };
}

export function createAlertSubscriptions(deps: {
  database: Database;
  clock: Clock;
  config: Pick<Config, 'isWebhookPrivateAllowed'>;
  secrets: SecretBox;
}) {
  const db = deps.database.orm;
  const isManager = (actor: Actor) => can(actor.role, 'workspace:admin');

  function checkedUrl(url: string): string {
    const problem = webhookUrlProblem(url, deps.config.isWebhookPrivateAllowed);
    if (problem)
      throw new AppError('validation_failed', problem, { fields: [{ path: 'body.url', message: problem }] });
    return url;
  }

  async function listed(actor: Actor, id: string): Promise<AlertSubscription> {
    const rows = await listAlertSubscriptions(db, actor.workspace.id);
    const row = rows.find((item) => item.id === id);
    if (!row) throw notFound();
    return publicSubscription(row, actor.language);
  }

  /** The subscription, when the actor may change it: their own e-mail, or anything for admins. */
  async function changeable(actor: Actor, id: string) {
    const row = await findAlertSubscription(db, actor.workspace.id, id);
    if (!row) throw notFound();
    if (!isManager(actor) && !(row.kind === 'email' && row.userId === actor.userId)) throw adminsOnly();
    return row;
  }

  async function subscribeByEmail(actor: Actor, userId: string): Promise<EmailSubscription> {
    if (userId !== actor.userId && !isManager(actor)) throw adminsOnly();
    const user = await findUserById(db, actor.workspace.id, userId);
    if (!user) {
      throw new AppError('not_found', {
        en: 'There is no such user in this workspace.',
        ar: 'لا يوجد مستخدم كهذا في مساحة العمل.',
      });
    }
    if (!user.isActive || !can(user.role as Role, 'analytics:read')) {
      throw new AppError('validation_failed', {
        en: `${user.name} cannot read analytics (role ${user.role}); only analysts, supervisors and admins get early warnings.`,
        ar: `لا يستطيع ${user.name} قراءة التحليلات (الدور ${user.role})؛ الإنذارات المبكرة للمحللين والمشرفين والمسؤولين فقط.`,
      });
    }
    const existing = await findEmailSubscription(db, actor.workspace.id, userId);
    if (existing) {
      if (!existing.isEnabled)
        await updateAlertSubscription(db, actor.workspace.id, existing.id, { isEnabled: true });
      return asEmail(await listed(actor, existing.id));
    }
    const id = randomUUID();
    const row = await insertAlertSubscription(db, {
      id,
      workspaceId: actor.workspace.id,
      kind: 'email',
      userId,
      createdBy: actor.userId,
      createdAt: deps.clock.now(),
    });
    // Two clicks at once: the other one's row stands.
    const stored = row ?? (await findEmailSubscription(db, actor.workspace.id, userId));
    return asEmail(await listed(actor, stored!.id));
  }

  /** Who pointed the alerts at an address, changed or removed it, or replaced its secret. */
  const auditWebhook = (tx: Executor, actor: Actor, id: string, action: string, details: object) =>
    insertAuditRecord(tx, {
      workspaceId: actor.workspace.id,
      actorUserId: actor.userId,
      action,
      subjectType: 'alert_subscription',
      subjectId: id,
      details: details as Record<string, unknown>,
      createdAt: deps.clock.now(),
    });

  /** The webhook as listed, with its new secret: the only time the secret leaves the server. */
  async function withSecret(actor: Actor, id: string, secret: string): Promise<WebhookWithSecret> {
    const webhook = await listed(actor, id);
    if (webhook.kind !== 'webhook') throw new Error('a webhook was stored as something else');
    return { ...webhook, secret };
  }

  async function addWebhook(actor: Actor, url: string): Promise<CreatedAlertSubscription> {
    if (!isManager(actor)) throw adminsOnly();
    const secret = newSecret();
    const id = randomUUID();
    const checked = checkedUrl(url);
    await db.transaction(async (tx) => {
      await insertAlertSubscription(tx, {
        id,
        workspaceId: actor.workspace.id,
        kind: 'webhook',
        url: checked,
        secretSealed: deps.secrets.seal(secret),
        createdBy: actor.userId,
        createdAt: deps.clock.now(),
      });
      await auditWebhook(tx, actor, id, 'alert_webhook.added', { url: checked });
    });
    return withSecret(actor, id, secret);
  }

  return {
    /** The reader's own subscription; for admins every subscription of the workspace. */
    async list(actor: Actor): Promise<AlertSubscriptionList> {
      assertCan(actor.role, 'analytics:read');
      const rows = await listAlertSubscriptions(db, actor.workspace.id, {
        ...(!isManager(actor) && { userId: actor.userId }),
      });
      return {
        isSubscribed: rows.some(
          (row) => row.kind === 'email' && row.userId === actor.userId && row.isEnabled,
        ),
        canManage: isManager(actor),
        items: rows.map((row) => publicSubscription(row, actor.language)),
      };
    },

    async create(actor: Actor, request: CreateAlertSubscriptionRequest): Promise<CreatedAlertSubscription> {
      assertCan(actor.role, 'analytics:read');
      return request.kind === 'email'
        ? subscribeByEmail(actor, request.userId ?? actor.userId)
        : addWebhook(actor, request.url);
    },

    async update(
      actor: Actor,
      id: string,
      changes: UpdateAlertSubscriptionRequest,
    ): Promise<AlertSubscription> {
      assertCan(actor.role, 'analytics:read');
      const row = await changeable(actor, id);
      if (changes.url !== undefined && row.kind !== 'webhook') {
        throw new AppError('validation_failed', {
          en: 'An e-mail subscription has no address to change: it goes to the user’s e-mail.',
          ar: 'اشتراك البريد ليس له عنوان يُغيَّر: يصل إلى بريد المستخدم.',
        });
      }
      const patch = {
        ...(changes.isEnabled !== undefined && { isEnabled: changes.isEnabled }),
        ...(changes.url !== undefined && { url: checkedUrl(changes.url) }),
      };
      await db.transaction(async (tx) => {
        await updateAlertSubscription(tx, actor.workspace.id, id, patch);
        if (row.kind === 'webhook') {
          await auditWebhook(tx, actor, id, 'alert_webhook.changed', { before: row.url, ...patch });
        }
      });
      return listed(actor, id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      assertCan(actor.role, 'analytics:read');
      const row = await changeable(actor, id);
      await db.transaction(async (tx) => {
        if (!(await deleteAlertSubscription(tx, actor.workspace.id, id))) throw notFound();
        if (row.kind === 'webhook')
          await auditWebhook(tx, actor, id, 'alert_webhook.removed', { url: row.url });
      });
    },

    /**
     * Replaces a webhook's signing secret (admins) and answers the new one, this once. Deliveries
     * still waiting read the secret when they are sent, so every one sent from now on is signed
     * with the new secret.
     */
    async rotateSecret(actor: Actor, id: string): Promise<WebhookWithSecret> {
      assertCan(actor.role, 'analytics:read');
      if (!isManager(actor)) throw adminsOnly();
      const row = await findAlertSubscription(db, actor.workspace.id, id);
      if (!row) throw notFound();
      if (row.kind !== 'webhook') {
        throw new AppError('validation_failed', {
          en: 'Only a webhook has a signing secret; e-mail subscriptions have none to replace.',
          ar: 'لا يملك سرَّ توقيع إلا الخطاف؛ ليس لاشتراك البريد سرٌّ يُستبدل.',
        });
      }
      const secret = newSecret();
      await db.transaction(async (tx) => {
        const updated = await updateAlertSubscription(tx, actor.workspace.id, id, {
          secretSealed: deps.secrets.seal(secret),
        });
        if (!updated) throw notFound();
        await auditWebhook(tx, actor, id, 'alert_webhook.secret_replaced', { url: row.url });
      });
      return withSecret(actor, id, secret);
    },

    /** Sends a signed `analytics.test` event to a webhook now and answers what the receiver said. */
    async test(actor: Actor, id: string): Promise<WebhookTestResult> {
      assertCan(actor.role, 'analytics:read');
      const row = await changeable(actor, id);
      if (row.kind !== 'webhook' || !row.url || !row.secretSealed) {
        throw new AppError('validation_failed', {
          en: 'Only a webhook can be sent a test.',
          ar: 'لا يُرسل الاختبار إلا إلى خطاف.',
        });
      }
      const deliveryId = randomUUID();
      const outcome = await postWebhook({
        url: row.url,
        body: JSON.stringify({
          type: 'analytics.test',
          id: deliveryId,
          workspace: actor.workspace.slug,
          sentAt: deps.clock.now().toISOString(),
        }),
        secret: deps.secrets.open(row.secretSealed),
        deliveryId,
        event: 'analytics.test',
        isPrivateAllowed: deps.config.isWebhookPrivateAllowed,
      });
      return outcome.isDelivered
        ? { isDelivered: true, httpStatus: outcome.httpStatus, error: null }
        : {
            isDelivered: false,
            httpStatus: outcome.httpStatus,
            error: outcome.failure[actor.language],
          };
    },
  };
}
