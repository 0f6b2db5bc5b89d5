import { randomUUID } from 'node:crypto';
import type { ChannelSettings, createMailboxRequest, updateChannelSettingsRequest } from '@sada/contracts';
import { AppError, assertCan, type Clock, diffFields } from '@sada/core';
import {
  announceCaseUpdated,
  type Database,
  deleteMailbox,
  findMailbox,
  findMessageById,
  findStoredFile,
  findWorkspaceById,
  insertAuditRecord,
  insertMailbox,
  lastErrorColumns,
  lastErrorOf,
  listChannelErrors,
  listMailboxes,
  listOutboxOfMessages,
  lockCaseByReference,
  lockWorkspace,
  type MailboxRow,
  setChannelSettings,
  updateMailbox,
  updateOutbox,
} from '@sada/db';
import type { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { caseNotFound } from '../cases/case.service.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import { publicChannelError } from './channel-errors.ts';
import { channelSettingsOf, type StoredChannelSettings } from './channel-settings.ts';

type SettingsChanges = z.infer<typeof updateChannelSettingsRequest>;
type MailboxInput = z.infer<typeof createMailboxRequest>;

export function publicMailbox(row: MailboxRow) {
  return {
    id: row.id,
    host: row.host,
    port: row.port,
    isSecure: row.isSecure,
    username: row.username,
    folder: row.folder,
    isEnabled: row.isEnabled,
    lastPolledAt: row.lastPolledAt,
    lastError: lastErrorOf(row),
    createdAt: row.createdAt,
  };
}

const noMailbox = () =>
  new AppError('not_found', {
    en: 'No such mailbox in this workspace.',
    ar: 'لا يوجد صندوق بريد كهذا في مساحة العمل.',
  });

/** What admins set for the owned channels, the IMAP mailboxes, and agents' access to stored files. */
export function createChannelAdmin(deps: { database: Database; clock: Clock; secrets: SecretBox }) {
  const { database, clock, secrets } = deps;
  const db = database.orm;

  function shown(stored: Record<string, unknown>): ChannelSettings {
    const { captchaSecret: _secret, ...settings } = channelSettingsOf(stored);
    return settings;
  }

  return {
    async settings(actor: Actor): Promise<ChannelSettings> {
      assertCan(actor.role, 'workspace:admin');
      const workspace = await findWorkspaceById(db, actor.workspace.id);
      return shown(workspace?.channelSettings ?? {});
    },

    async updateSettings(actor: Actor, changes: SettingsChanges): Promise<ChannelSettings> {
      assertCan(actor.role, 'workspace:admin');
      const saved = await db.transaction(async (tx) => {
        const current = await lockWorkspace(tx, actor.workspace.id);
        if (!current)
          throw new AppError('not_found', {
            en: 'This workspace no longer exists.',
            ar: 'مساحة العمل هذه لم تعد موجودة.',
          });
        const stored = { ...(current.channelSettings as StoredChannelSettings) };
        const before = channelSettingsOf(current.channelSettings);
        if (changes.form) {
          stored.form = {
            ...before.form,
            ...changes.form,
            fields: { ...before.form.fields, ...changes.form.fields },
          };
        }
        if (changes.email) stored.email = { ...before.email, ...changes.email };
        if (changes.chat) stored.chat = { ...before.chat, ...changes.chat };
        if (changes.acknowledgement)
          stored.acknowledgement = { ...before.acknowledgement, ...changes.acknowledgement };
        if (changes.outOfHours) stored.outOfHours = { ...before.outOfHours, ...changes.outOfHours };
        if (changes.routingNotice)
          stored.routingNotice = { ...before.routingNotice, ...changes.routingNotice };
        if (changes.expectedResponseHours !== undefined)
          stored.expectedResponseHours = changes.expectedResponseHours;
        if (changes.captcha === null) stored.captcha = null;
        else if (changes.captcha) {
          const { secret, ...captcha } = changes.captcha;
          const sealedSecret = secret ? secrets.seal(secret) : (stored.captcha?.sealedSecret ?? undefined);
          if (!sealedSecret) {
            throw new AppError(
              'validation_failed',
              {
                en: 'Give the captcha secret key to turn the captcha on.',
                ar: 'أدخل المفتاح السري للتحقق لتشغيله.',
              },
              { fields: [{ path: 'captcha.secret', message: { en: 'required', ar: 'مطلوب' } }] },
            );
          }
          stored.captcha = { ...captcha, verifyUrl: captcha.verifyUrl ?? null, sealedSecret };
        }
        await setChannelSettings(tx, current.id, stored);
        const after = channelSettingsOf(stored);
        const { captchaSecret: _b, ...beforeShown } = before;
        const { captchaSecret: _a, ...afterShown } = after;
        await insertAuditRecord(tx, {
          workspaceId: current.id,
          actorUserId: actor.userId,
          action: 'channels.settings_changed',
          subjectType: 'workspace',
          subjectId: current.id,
          details: {
            ...diffFields(beforeShown as Record<string, unknown>, afterShown as Record<string, unknown>),
            ...(changes.captcha?.secret && { captchaSecret: 'replaced' }),
          },
          createdAt: clock.now(),
        });
        return stored;
      });
      return shown(saved);
    },

    async mailboxes(actor: Actor) {
      assertCan(actor.role, 'workspace:admin');
      return (await listMailboxes(db, actor.workspace.id)).map(publicMailbox);
    },

    async createMailbox(actor: Actor, input: MailboxInput) {
      assertCan(actor.role, 'workspace:admin');
      const { password, ...rest } = input;
      const row = await insertMailbox(db, {
        ...rest,
        id: randomUUID(),
        workspaceId: actor.workspace.id,
        sealedPassword: secrets.seal(password),
        createdAt: clock.now(),
      });
      return publicMailbox(row);
    },

    async updateMailbox(actor: Actor, id: string, input: Partial<MailboxInput>) {
      assertCan(actor.role, 'workspace:admin');
      const current = await findMailbox(db, actor.workspace.id, id);
      if (!current) throw noMailbox();
      const { password, ...rest } = input;
      const isConnectionChanged = ['host', 'port', 'username', 'folder'].some(
        (field) => rest[field as keyof typeof rest] !== undefined,
      );
      const row = await updateMailbox(db, id, {
        ...rest,
        ...(password && { sealedPassword: secrets.seal(password) }),
        // Another server or folder: start reading it from its beginning, and forget the old error.
        ...(isConnectionChanged && { uidValidity: null, lastUid: 0 }),
        ...((isConnectionChanged || password) && lastErrorColumns(null)),
      });
      return publicMailbox(row!);
    },

    /** The mailbox's error log, newest first. */
    async mailboxErrors(actor: Actor, id: string) {
      assertCan(actor.role, 'workspace:admin');
      const row = await findMailbox(db, actor.workspace.id, id);
      if (!row) throw noMailbox();
      return (await listChannelErrors(db, actor.workspace.id, { mailboxId: row.id })).map(publicChannelError);
    },

    async deleteMailbox(actor: Actor, id: string) {
      assertCan(actor.role, 'workspace:admin');
      if (!(await deleteMailbox(db, actor.workspace.id, id))) throw noMailbox();
    },

    /** A stored file of the agent's workspace. */
    async file(actor: Actor, id: string) {
      assertCan(actor.role, 'case:read');
      const file = await findStoredFile(db, actor.workspace.id, id);
      if (!file)
        throw new AppError('not_found', {
          en: 'No such file in this workspace.',
          ar: 'لا يوجد ملف كهذا في مساحة العمل.',
        });
      return file;
    },

    /** Puts a failed delivery back in the queue, now. */
    async redeliver(actor: Actor, referenceNumber: string, messageId: string) {
      assertCan(actor.role, 'case:write');
      await db.transaction(async (tx) => {
        const row = await lockCaseByReference(tx, actor.workspace.id, referenceNumber.toUpperCase());
        if (!row) throw caseNotFound(referenceNumber);
        const [delivery] = await listOutboxOfMessages(tx, [messageId]);
        const isOfCase = (await findMessageById(tx, messageId))?.caseId === row.id;
        if (!delivery || !isOfCase) {
          throw new AppError('not_found', {
            en: 'This message of the case was not sent through a channel.',
            ar: 'هذه الرسالة لم تُرسل عبر قناة.',
          });
        }
        if (delivery.status !== 'failed') {
          throw new AppError('conflict', {
            en: `This message is ${delivery.status === 'sent' ? 'already sent' : 'already waiting to be sent'}.`,
            ar:
              delivery.status === 'sent'
                ? 'هذه الرسالة أُرسلت بالفعل.'
                : 'هذه الرسالة بانتظار الإرسال بالفعل.',
          });
        }
        await updateOutbox(tx, messageId, { status: 'pending', nextAttemptAt: clock.now(), attempts: 0 });
        await announceCaseUpdated(tx, row);
      });
    },
  };
}

export type ChannelAdmin = ReturnType<typeof createChannelAdmin>;
