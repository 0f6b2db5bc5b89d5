import { createHash, randomUUID } from 'node:crypto';
import { type InboundMail, quoted, RejectedMail } from '@sada/channels';
import { AppError, referenceNumbersIn } from '@sada/core';
import {
  type Database,
  findCaseById,
  findCaseByReference,
  findCustomerSummary,
  findMessageByExternalIds,
  findWorkspaceByInboundDomain,
  findWorkspaceBySlug,
  lastErrorColumns,
  listOutboxOfMessages,
  updateOutbox,
  type WorkspaceRow,
} from '@sada/db';
import type { Config } from '../config.ts';
import { acceptFiles, type ChannelIntake, type ReceivedMessage } from './channel-intake.ts';

/** What an e-mail may carry: any type (served as bytes unless it is an image or PDF), 25 MB each. */
const EMAIL_FILE_LIMITS = { types: null, maxBytes: 25 * 1024 * 1024, maxCount: 50 };

/**
 * Turns a parsed mail into a case or a message on its case. Threading, in order: a Message-ID of the
 * case in In-Reply-To or References; else a reference number in the subject when the sender is the
 * case's customer; else a new case. A reply to a closed case opens a new one.
 */
export function createEmailIntake(deps: { database: Database; config: Config; intake: ChannelIntake }) {
  const db = deps.database.orm;

  /** The workspace an address belongs to: WORKSPACE@the server's mail domain, or a workspace's own domain. */
  async function workspaceOfAddress(address: string): Promise<WorkspaceRow | undefined> {
    const at = address.lastIndexOf('@');
    if (at < 1) return undefined;
    const local = address.slice(0, at).toLowerCase();
    const domain = address.slice(at + 1).toLowerCase();
    if (domain === deps.config.mailDomain) return findWorkspaceBySlug(db, local.split('+')[0]!);
    return findWorkspaceByInboundDomain(db, domain);
  }

  async function threadOf(workspace: WorkspaceRow, mail: InboundMail) {
    const ids = [...mail.inReplyTo, ...[...mail.references].reverse()];
    const byHeader = await findMessageByExternalIds(db, workspace.id, ids);
    if (byHeader) {
      return {
        row: await findCaseById(db, workspace.id, byHeader.caseId),
        repliedMessageId: byHeader.messageId,
      };
    }
    const sender = mail.from?.address.toLowerCase();
    for (const reference of referenceNumbersIn(mail.subject)) {
      const row = await findCaseByReference(db, workspace.id, reference);
      const customer = row?.customerId
        ? await findCustomerSummary(db, workspace.id, row.customerId)
        : undefined;
      if (row && sender && customer?.email?.toLowerCase() === sender) return { row, repliedMessageId: null };
    }
    return { row: undefined, repliedMessageId: null };
  }

  /** A bounce of one of our mails: the delivery on that message becomes failed, with the reason. */
  async function recordBounce(repliedMessageId: string | null, mail: InboundMail) {
    if (!repliedMessageId) return;
    const [delivery] = await listOutboxOfMessages(db, [repliedMessageId]);
    if (!delivery) return;
    const words = quoted(mail.subject || 'undeliverable');
    await updateOutbox(db, repliedMessageId, {
      status: 'failed',
      nextAttemptAt: null,
      ...lastErrorColumns({
        code: 'bounced',
        en: `The customer's mail server returned the mail: ${words}. Check the address, or reach the customer another way.`,
        ar: `أعاد خادم بريد العميل الرسالة: ${words}. تحقق من العنوان، أو تواصل مع العميل بطريقة أخرى.`,
      }),
    });
  }

  return {
    workspaceOfAddress,

    async receive(workspace: WorkspaceRow, mail: InboundMail, raw: Buffer): Promise<ReceivedMessage> {
      // A mail without a Message-ID is known by its bytes: delivered twice, it is still one message.
      const externalId = mail.messageId ?? `<${createHash('sha256').update(raw).digest('hex')}@sada.invalid>`;
      const thread = await threadOf(workspace, mail);
      if (mail.automatic === 'bounce') await recordBounce(thread.repliedMessageId, mail);
      const isOpen = thread.row && thread.row.status !== 'closed';
      let files: ReturnType<typeof acceptFiles>;
      try {
        files = acceptFiles(
          mail.attachments.map((item) => ({
            filename: item.name,
            declaredType: item.contentType,
            content: item.content,
          })),
          EMAIL_FILE_LIMITS,
          randomUUID,
        );
      } catch (error) {
        if (error instanceof AppError) throw new RejectedMail(error.text.en);
        throw error;
      }
      const sender = mail.from;
      return deps.intake.receive({
        workspace,
        channel: 'email',
        deliveryKey: externalId,
        externalId,
        threadCaseId: isOpen ? thread.row!.id : null,
        customer: sender ? { name: sender.name || sender.address, email: sender.address } : {},
        subject: mail.subject.trim() || '(no subject)',
        body: mail.text || (files.length > 0 ? files.map((file) => file.name).join(', ') : '(empty message)'),
        files,
        label: 'E-mail',
        // Auto-replies, bounces and list mail are kept, never answered: no loops.
        isAutomatic: mail.automatic !== null,
        language: null,
        isAcknowledged: true,
      });
    },
  };
}

export type EmailIntake = ReturnType<typeof createEmailIntake>;
