import { createHash } from 'node:crypto';
import {
  AppError,
  type BusinessCalendar,
  type Channel,
  type Clock,
  isOpenAt,
  nextOpening,
  renderTemplate,
  sniffContentType,
  templateVariablesFor,
  weekdayTimePhrase,
  weeklyHoursPhrase,
  yearIn,
} from '@sada/core';
import {
  type CaseRow,
  createCaseOpener,
  type Database,
  findCaseById,
  findMessageByExternalIds,
  insertStoredFiles,
  lockCaseById,
  type MessageRow,
  setCaseConversation,
  setCaseFollowedByEmail,
  type WorkspaceRow,
} from '@sada/db';
import { detectLanguage } from '@sada/triage';
import { calendarOfCase } from '../calendars/calendar-of.ts';
import { caseSearchDocument, recordMessage } from '../cases/case.service.ts';
import { type IntakeCustomer, intakeCustomer } from '../cases/case-intake.ts';
import type { Config } from '../config.ts';
import { keepIfBlocked } from '../moderation/blocked-intake.ts';
import { expectedResponseBy, expectedResponseOn } from '../response-time/expected-response.ts';
import { channelSettingsOf } from './channel-settings.ts';
import { planDelivery } from './delivery.ts';

/** A file as a channel hands it over, before Sada looks at it. */
export type UploadedFile = { filename: string; declaredType: string; content: Buffer };

/** A file Sada accepted: its type is what its content shows (or the sender's word, for e-mail). */
export type AcceptedFile = {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Buffer;
};

export type FileLimits = { types: readonly string[] | null; maxBytes: number; maxCount: number };

/** A file name safe to show and to put in a Content-Disposition header. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/\p{Cc}/gu, '_')
    .replace(/["\\/]/g, '_')
    .trim()
    .slice(0, 200);
  return cleaned || 'file';
}

/**
 * Checks a customer's files against the limits; every problem is named with the file it is about.
 * `types: null` (e-mail) keeps any type, but a file is only ever served as the type its content shows.
 */
export function acceptFiles(files: UploadedFile[], limits: FileLimits, newId: () => string): AcceptedFile[] {
  const problems: { en: string; ar: string }[] = [];
  if (files.length > limits.maxCount) {
    problems.push({
      en: `Send at most ${limits.maxCount} files; you sent ${files.length}.`,
      ar: `أرسل ${limits.maxCount} ملفات على الأكثر؛ أرسلت ${files.length}.`,
    });
  }
  const megabytes = Math.round(limits.maxBytes / (1024 * 1024));
  const accepted = files.map((file) => {
    const name = safeFileName(file.filename);
    const sniffed = sniffContentType(file.content);
    if (file.content.length > limits.maxBytes) {
      problems.push({
        en: `"${name}" is larger than ${megabytes} MB.`,
        ar: `الملف "${name}" أكبر من ${megabytes} ميغابايت.`,
      });
    } else if (file.content.length === 0) {
      problems.push({ en: `"${name}" is empty.`, ar: `الملف "${name}" فارغ.` });
    } else if (limits.types && (!sniffed || !limits.types.includes(sniffed))) {
      problems.push({
        en: `"${name}" is not an image (PNG, JPEG, GIF, WebP) or a PDF.`,
        ar: `الملف "${name}" ليس صورة (PNG أو JPEG أو GIF أو WebP) ولا ملف PDF.`,
      });
    }
    return {
      id: newId(),
      name,
      contentType:
        sniffed ??
        (/^[\w.+-]+\/[\w.+-]+$/.test(file.declaredType)
          ? file.declaredType.toLowerCase()
          : 'application/octet-stream'),
      size: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
    };
  });
  if (problems.length > 0) {
    throw new AppError(
      'validation_failed',
      { en: problems.map((p) => p.en).join(' '), ar: problems.map((p) => p.ar).join(' ') },
      { fields: problems.map((message) => ({ path: 'attachments', message })) },
    );
  }
  return accepted;
}

/** A message's attachment list: each stored file with the console's download path. */
export function attachmentsOf(files: AcceptedFile[]): MessageRow['attachments'] {
  return files.map((file) => ({
    id: file.id,
    name: file.name,
    contentType: file.contentType,
    size: file.size,
    url: `/api/attachments/${file.id}`,
  })) as MessageRow['attachments'];
}

/** A UUID that is the same every time for the same parts: a redelivered message gets the ids it got before. */
export function stableId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  // RFC 9562 version 8 (custom), variant 10.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export type ChannelMessage = {
  workspace: WorkspaceRow;
  channel: Channel;
  /** Stable for one delivered message (a Message-ID, a form's submission id): retries find it again. */
  deliveryKey: string;
  /** Stored on the message (e-mail Message-ID); a second message with it is a repeat. */
  externalId: string | null;
  /** The case the message continues (found by the channel's threading); null opens a new case. */
  threadCaseId: string | null;
  customer: IntakeCustomer;
  subject: string;
  body: string;
  files: AcceptedFile[];
  caseFields?: {
    category?: string | undefined;
    product?: string | undefined;
    orderReference?: string | undefined;
    region?: string | undefined;
    customFields?: Record<string, unknown> | undefined;
  };
  /** Who the timeline says it came from: "Complaint form", "E-mail", "Live chat". */
  label: string;
  /** An auto-reply, bounce or list mail: stored, never acknowledged. */
  isAutomatic: boolean;
  /** The language the customer used the channel in (form, widget); null: read from the text. */
  language: 'ar' | 'en' | null;
  /** A live chat no agent could take: the conversation goes on by e-mail. */
  isFollowedByEmail?: boolean;
  /** Whether a new case is acknowledged (by e-mail where the case is answered by e-mail, else on the case). */
  isAcknowledged: boolean;
  /** private: a direct message (social); public (default): what the customer wrote where others may see it. */
  visibility?: 'public' | 'private';
  /** Files the platform keeps (links), listed with the message beside the stored ones. */
  links?: { name: string; contentType: string; url: string }[];
  /** A social case's account and conversation, recorded when the case opens. */
  conversation?: { channelAccountId: string; conversationKey: string };
};

export type ReceivedMessage = {
  caseId: string;
  referenceNumber: string;
  messageId: string;
  isNewCase: boolean;
  /** The channel had delivered this message before; nothing new was stored. */
  isRepeat: boolean;
  expectedResponseBy: Date;
};

/**
 * Where every customer message from an owned channel enters: it continues its case or opens a new
 * one, with its files, and the customer is acknowledged on the same channel. Ids come from the
 * delivery key, so a retried delivery (SMTP, IMAP after a crash, a resubmitted form) stores nothing
 * twice: the case opens once (the opener answers a stored case id as stored) and the message inserts once.
 */
export function createChannelIntake(deps: {
  database: Database;
  clock: Clock;
  config: Config;
  statusLink: (workspace: WorkspaceRow, caseId: string) => string;
}) {
  const { database, clock, config } = deps;
  const db = database.orm;
  const openCase = createCaseOpener(database);

  const expectedBy = (workspace: WorkspaceRow, teamId: string | null, from: Date) =>
    expectedResponseBy(db, workspace, teamId, from);

  function languageOf(input: ChannelMessage): 'ar' | 'en' {
    if (input.language) return input.language;
    const guess = detectLanguage(`${input.subject}\n${input.body}`).label;
    if (guess === 'ar' || guess === 'en') return guess;
    return input.workspace.defaultLanguage === 'en' ? 'en' : 'ar';
  }

  /**
   * The acknowledgement's text, from the workspace's template in the customer's language; while the
   * desk is closed, the out-of-hours one (the channel's own, if any), with the hours and next opening.
   */
  function acknowledgement(
    input: ChannelMessage,
    row: CaseRow,
    customerName: string | null,
    language: 'ar' | 'en',
    calendar: BusinessCalendar,
  ) {
    const settings = channelSettingsOf(input.workspace.channelSettings);
    const due = expectedResponseOn(calendar, row.createdAt, settings.expectedResponseHours);
    const isClosed = !isOpenAt(calendar, row.createdAt);
    const opensAt = isClosed ? nextOpening(calendar, row.createdAt) : null;
    const formatted = new Intl.DateTimeFormat(language === 'ar' ? 'ar-u-nu-latn' : 'en-GB', {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: input.workspace.timeZone,
    }).format(due);
    const variables: Record<string, string> = {
      ...templateVariablesFor({
        customerName,
        referenceNumber: row.referenceNumber,
        subject: row.subject,
        workspaceName: input.workspace.name,
      }),
      'case.expected_response': formatted,
      'case.status_url': deps.statusLink(input.workspace, row.id),
      hours: weeklyHoursPhrase(calendar, language),
      ...(opensAt && { opens_at: weekdayTimePhrase(opensAt, language, calendar.timeZone) }),
    };
    const render = (template: string) =>
      renderTemplate(template, variables)
        .text.replace(/\{\{\s*customer\.(first_)?name\s*\}\}/g, '')
        .replace(/ +([،,])/g, '$1');
    const template = isClosed
      ? (settings.outOfHours.byChannel[input.channel] ?? settings.outOfHours)
      : settings.acknowledgement;
    return {
      subject: render(template.subject[language]),
      body: render(template.body[language]),
      isEnabled: settings.acknowledgement.isEnabled,
    };
  }

  /** The message, its files and (on a new case) the acknowledgement, in one transaction. */
  async function storeMessage(
    input: ChannelMessage,
    target: { caseId: string; messageId: string; isNewCase: boolean },
  ): Promise<{ row: CaseRow; isRepeat: boolean }> {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const current = await lockCaseById(tx, input.workspace.id, target.caseId);
      if (!current) throw new Error(`case ${target.caseId} vanished while its message was stored`);
      if (target.isNewCase && input.conversation && !current.conversationKey) {
        await setCaseConversation(tx, current.id, input.conversation);
        Object.assign(current, input.conversation);
      }
      if (input.isFollowedByEmail && !current.isFollowedByEmail) {
        await setCaseFollowedByEmail(tx, current.id);
        current.isFollowedByEmail = true;
      }
      const recorded = await recordMessage(tx, current, {
        id: target.messageId,
        author: { userId: null, label: input.label },
        direction: 'inbound',
        visibility: input.visibility ?? 'public',
        body: input.body,
        attachments: [
          ...attachmentsOf(input.files),
          ...(input.links ?? []).map((link) => ({ ...link, size: 0 })),
        ],
        externalId: input.externalId,
        now,
      });
      if (!recorded) return { row: current, isRepeat: true };
      await insertStoredFiles(
        tx,
        input.files.map((file) => ({
          ...file,
          workspaceId: input.workspace.id,
          caseId: current.id,
          messageId: recorded.message.id,
          createdAt: now,
        })),
      );
      if (target.isNewCase && !input.isAutomatic && input.isAcknowledged) {
        const language = languageOf(input);
        const calendar = await calendarOfCase(tx, input.workspace.id, recorded.row.teamId);
        const text = acknowledgement(input, recorded.row, input.customer.name ?? null, language, calendar);
        if (text.isEnabled) {
          const ack = await recordMessage(tx, recorded.row, {
            id: stableId(target.messageId, 'acknowledgement'),
            author: { userId: null, label: input.label },
            direction: 'outbound',
            visibility: 'public',
            body: text.body,
            attachments: [],
            isAutomatic: true,
            // After the customer's message, in the thread's order, even on a clock that stands still.
            now: new Date(now.getTime() + 1),
          });
          // A mail when the case is answered by e-mail (planDelivery knows which are); in a chat the
          // widget shows it.
          if (ack) {
            await planDelivery(tx, {
              caseRow: ack.row,
              message: ack.message,
              now,
              mailDomain: config.mailDomain,
              // A mail is answered under its own subject, so every mail client threads it.
              subject: input.channel === 'email' ? `Re: ${recorded.row.subject}` : text.subject,
            });
          }
        }
      }
      return { row: recorded.row, isRepeat: false };
    });
  }

  return {
    async receive(input: ChannelMessage): Promise<ReceivedMessage> {
      const { workspace } = input;
      if (input.externalId) {
        const seen = await findMessageByExternalIds(db, workspace.id, [input.externalId]);
        if (seen) {
          const row = (await findCaseById(db, workspace.id, seen.caseId))!;
          return {
            caseId: row.id,
            referenceNumber: row.referenceNumber,
            messageId: seen.messageId,
            isNewCase: false,
            isRepeat: true,
            expectedResponseBy: await expectedBy(workspace, row.teamId, row.createdAt),
          };
        }
      }
      const messageId = stableId(workspace.id, input.channel, input.deliveryKey, 'message');
      // A blocked author's message is kept on their case and goes no further (see moderation/).
      const withheld = await keepIfBlocked(database, {
        workspaceId: workspace.id,
        customer: input.customer,
        threadCaseId: input.threadCaseId,
        messageId,
        externalId: input.externalId,
        body: input.body,
        visibility: input.visibility ?? 'public',
        files: input.files,
        attachments: [
          ...attachmentsOf(input.files),
          ...(input.links ?? []).map((link) => ({ ...link, size: 0 })),
        ],
        now: clock.now(),
      });
      if (withheld) {
        const row = (await findCaseById(db, workspace.id, withheld.caseId))!;
        return {
          ...withheld,
          messageId,
          isNewCase: false,
          expectedResponseBy: await expectedBy(workspace, row.teamId, row.createdAt),
        };
      }
      if (input.threadCaseId) {
        const { row, isRepeat } = await storeMessage(input, {
          caseId: input.threadCaseId,
          messageId,
          isNewCase: false,
        });
        return {
          caseId: row.id,
          referenceNumber: row.referenceNumber,
          messageId,
          isNewCase: false,
          isRepeat,
          expectedResponseBy: await expectedBy(workspace, row.teamId, clock.now()),
        };
      }
      const now = clock.now();
      const caseId = stableId(workspace.id, input.channel, input.deliveryKey, 'case');
      const customer = await intakeCustomer(db, workspace.id, input.customer, now);
      const fields = input.caseFields ?? {};
      const recorded = {
        subject: input.subject,
        description: input.body,
        status: 'new' as const,
        channel: input.channel,
        kind: 'complaint',
        category: fields.category ?? null,
        product: fields.product ?? null,
        orderReference: fields.orderReference ?? null,
        region: fields.region ?? null,
        priority: 'P3',
        sentiment: null,
        language: null,
        teamId: null,
        assigneeId: null,
        tags: [],
        customFields: fields.customFields ?? {},
      };
      const opened = await openCase({
        ...recorded,
        id: caseId,
        workspaceId: workspace.id,
        referencePrefix: workspace.referencePrefix,
        referenceYear: yearIn(now, workspace.timeZone),
        searchDocument: caseSearchDocument(input.subject, input.body),
        createdAt: now,
        customer: customer.target,
        actor: { userId: null, label: input.label },
        // The customer chose the category on the form: triage leaves it.
        eventChanges: fields.category ? { ...recorded, setByPerson: ['category'] } : recorded,
      });
      if (opened.problem) throw new Error('a channel case names no team');
      const { row, isRepeat } = await storeMessage(input, { caseId, messageId, isNewCase: true });
      return {
        caseId,
        referenceNumber: opened.referenceNumber,
        messageId,
        isNewCase: true,
        isRepeat,
        expectedResponseBy: await expectedBy(workspace, row.teamId, row.createdAt),
      };
    },
  };
}

export type ChannelIntake = ReturnType<typeof createChannelIntake>;
