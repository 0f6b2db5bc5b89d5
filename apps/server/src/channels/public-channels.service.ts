import { randomUUID } from 'node:crypto';
import {
  type ChatMessage,
  PUBLIC_ATTACHMENT_MAX_BYTES,
  PUBLIC_ATTACHMENT_MAX_COUNT,
  PUBLIC_ATTACHMENT_TYPES,
  type PublicCaseView,
  type PublicComplaintRequest,
  type PublicFormConfig,
} from '@sada/contracts';
import {
  AppError,
  type CaseStatus,
  type Clock,
  type FieldIssue,
  type FieldType,
  type LocalizedText,
  validateCustomFields,
} from '@sada/core';
import {
  type CaseRow,
  type Database,
  findCaseById,
  findCaseByReference,
  findCustomerSummary,
  findLatestSurveyOfCase,
  findMessageById,
  findStoredFile,
  findUserById,
  findWorkspaceBySlug,
  listEventsOfCase,
  listFieldDefinitions,
  listMessagesOfCase,
  type MessageRow,
  type WorkspaceRow,
} from '@sada/db';
import type { Config } from '../config.ts';
import { customerPlanOf } from '../plans/customer-plan.ts';
import { expectedResponseBy } from '../response-time/expected-response.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import { surveyUrl } from '../surveys/survey-lifecycle.ts';
import type { TriageContexts } from '../triage/triage-context.ts';
import { acceptFiles, type ChannelIntake, type UploadedFile } from './channel-intake.ts';
import { channelSettingsOf } from './channel-settings.ts';
import { type PublicBucket, takePublicAttempt } from './public-limits.ts';
import { type CustomerGrant, grantFor, readGrant, statusPathFor } from './signed-token.ts';

export const PUBLIC_FILE_LIMITS = {
  types: PUBLIC_ATTACHMENT_TYPES,
  maxBytes: PUBLIC_ATTACHMENT_MAX_BYTES,
  maxCount: PUBLIC_ATTACHMENT_MAX_COUNT,
};

const CAPTCHA_VERIFY_URLS = {
  turnstile: 'https://challenges.cloudflare.com/turnstile/v0/siteverify',
  hcaptcha: 'https://api.hcaptcha.com/siteverify',
  recaptcha: 'https://www.google.com/recaptcha/api/siteverify',
} as const;

function invalid(path: string, message: LocalizedText, summary?: LocalizedText): AppError {
  return new AppError(
    'validation_failed',
    summary ?? { en: 'Some answers need another look.', ar: 'بعض الإجابات تحتاج إلى مراجعة.' },
    { fields: [{ path, message }] },
  );
}

const noWorkspace = (slug: string) =>
  new AppError('not_found', {
    en: `There is no complaint page "${slug}" here. Check the address you were given.`,
    ar: `لا توجد صفحة شكاوى باسم "${slug}" هنا. تحقّق من العنوان الذي وصلك.`,
  });

const noMatch = () =>
  new AppError('not_found', {
    en: 'We found no case with this reference number and this e-mail or phone number. Check both and try again.',
    ar: 'لم نجد حالة بهذا الرقم المرجعي وهذا البريد أو رقم الهاتف. تحقّق منهما وحاول مرة أخرى.',
  });

const expiredLink = () =>
  new AppError('unauthorized', {
    en: 'This link has expired or is not valid. Look your case up again with its reference number.',
    ar: 'انتهت صلاحية هذا الرابط أو أنه غير صالح. ابحث عن حالتك مرة أخرى برقمها المرجعي.',
  });

const ONE_LINE = /[\r\n]/;

/** A customer's message to their case, from the status page or the chat, with its files. */
type CustomerMessageInput = {
  slug: string;
  token: string;
  body: string;
  files: UploadedFile[];
  clientMessageId?: string | undefined;
  ip: string;
};
const digits = (phone: string) => phone.replace(/\D/g, '');

/** The customer-facing side of the owned channels: the complaint form, the status page and the chat. */
export function createPublicChannels(deps: {
  database: Database;
  clock: Clock;
  config: Config;
  secrets: SecretBox;
  intake: ChannelIntake;
  triageContexts: TriageContexts;
  /** Whether an agent of the workspace has the console open now. */
  isAgentAvailable: (workspaceId: string) => boolean;
}) {
  const { database, clock, secrets, intake } = deps;
  const db = database.orm;

  async function workspaceOf(slug: string): Promise<WorkspaceRow> {
    const workspace = await findWorkspaceBySlug(db, slug.toLowerCase());
    if (!workspace) throw noWorkspace(slug);
    return workspace;
  }

  const grant = (workspace: WorkspaceRow, caseId: string, purpose: CustomerGrant['purpose']) =>
    grantFor(secrets, purpose, workspace.id, caseId, clock.now());

  /** The status page of a case, as a path on this server (signed link). */
  const statusPath = (workspace: WorkspaceRow, caseId: string) =>
    statusPathFor(secrets, workspace, caseId, clock.now());

  async function caseOfToken(slug: string, token: string, purpose: CustomerGrant['purpose']) {
    const workspace = await workspaceOf(slug);
    const found = readGrant(secrets, token, { purpose, workspaceId: workspace.id, now: clock.now() });
    const row = found ? await findCaseById(db, workspace.id, found.caseId) : undefined;
    if (!row) throw expiredLink();
    return { workspace, row };
  }

  const limit = (bucket: PublicBucket, workspace: WorkspaceRow, ip: string) =>
    takePublicAttempt({ database, clock }, bucket, workspace.id, ip);

  async function verifyCaptcha(workspace: WorkspaceRow, token: string | undefined, ip: string) {
    const settings = channelSettingsOf(workspace.channelSettings);
    if (!settings.captcha || !settings.captchaSecret) return;
    const refused = invalid('captchaToken', {
      en: 'Please complete the check that you are not a robot, then send again.',
      ar: 'أكمل التحقق من أنك لست روبوتًا، ثم أرسل مرة أخرى.',
    });
    if (!token) throw refused;
    const url = settings.captcha.verifyUrl ?? CAPTCHA_VERIFY_URLS[settings.captcha.provider];
    let answer: { success?: unknown };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          secret: secrets.open(settings.captchaSecret),
          response: token,
          remoteip: ip,
        }),
        signal: AbortSignal.timeout(10_000),
      });
      answer = (await response.json()) as { success?: unknown };
    } catch (error) {
      throw new AppError(
        'unavailable',
        {
          en: 'We could not check the anti-robot test just now. Please try again in a minute.',
          ar: 'تعذّر التحقق من اختبار مكافحة الروبوتات الآن. حاول مرة أخرى بعد دقيقة.',
        },
        { cause: error },
      );
    }
    if (answer.success !== true) throw refused;
  }

  async function formSettings(workspace: WorkspaceRow) {
    const settings = channelSettingsOf(workspace.channelSettings);
    if (!settings.form.isEnabled) throw noWorkspace(workspace.slug);
    return settings;
  }

  async function formConfigOf(
    workspace: WorkspaceRow,
  ): Promise<PublicFormConfig & { embedOrigins: string[]; timeZone: string }> {
    const settings = await formSettings(workspace);
    const triage = await deps.triageContexts.get(workspace.id);
    const offered = settings.form.categories;
    const definitions = await listFieldDefinitions(db, workspace.id);
    return {
      workspace: {
        slug: workspace.slug,
        name: workspace.name,
        defaultLanguage: workspace.defaultLanguage === 'en' ? 'en' : 'ar',
      },
      title: settings.form.title,
      intro: settings.form.intro,
      fields: settings.form.fields,
      products: settings.form.products,
      categories: triage.categories
        .filter((category) => offered.length === 0 || offered.includes(category.id))
        .map((category) => ({ id: category.id, ar: category.names.ar, en: category.names.en })),
      customFields: settings.form.customFields.flatMap((key) => {
        const definition = definitions.find((item) => item.key === key && item.isActive);
        return definition
          ? [
              {
                key: definition.key,
                labelAr: definition.labelAr,
                labelEn: definition.labelEn,
                type: definition.type,
                isRequired: definition.isRequired,
                options: definition.options,
              },
            ]
          : [];
      }),
      captcha: settings.captcha
        ? { provider: settings.captcha.provider, siteKey: settings.captcha.siteKey }
        : null,
      attachments: {
        types: [...PUBLIC_ATTACHMENT_TYPES],
        maxBytes: PUBLIC_ATTACHMENT_MAX_BYTES,
        maxCount: PUBLIC_ATTACHMENT_MAX_COUNT,
      },
      expectedResponseHours: settings.expectedResponseHours,
      embedOrigins: settings.form.embedOrigins,
      timeZone: workspace.timeZone,
    };
  }

  /** The form's answers checked against the workspace's choices; every problem at once. */
  function checkComplaint(config: PublicFormConfig, input: PublicComplaintRequest, fileCount: number) {
    const issues: FieldIssue[] = [];
    const rules = config.fields;
    const given: Record<string, unknown> = { ...input, attachments: fileCount > 0 ? 'yes' : undefined };
    for (const [field, rule] of Object.entries(rules)) {
      if (rule === 'required' && (given[field] === undefined || given[field] === '')) {
        issues.push({ path: field, message: { en: 'Please fill this in.', ar: 'يرجى تعبئة هذا الحقل.' } });
      }
    }
    if ((rules.email !== 'hidden' || rules.phone !== 'hidden') && !input.email && !input.phone) {
      const path = rules.email !== 'hidden' ? 'email' : 'phone';
      if (!issues.some((issue) => issue.path === path)) {
        issues.push({
          path,
          message: {
            en: 'Give an e-mail address or a phone number so that we can answer you.',
            ar: 'أعطنا بريدًا إلكترونيًا أو رقم هاتف لنتمكن من الرد عليك.',
          },
        });
      }
    }
    for (const field of ['name', 'subject', 'orderReference', 'region', 'product'] as const) {
      if (input[field] && ONE_LINE.test(input[field])) {
        issues.push({
          path: field,
          message: { en: 'Write this on one line.', ar: 'اكتب هذا في سطر واحد.' },
        });
      }
    }
    if (
      input.product &&
      config.products.length > 0 &&
      !config.products.some((item) => item.id === input.product)
    ) {
      issues.push({
        path: 'product',
        message: { en: 'Choose a product from the list.', ar: 'اختر منتجًا من القائمة.' },
      });
    }
    if (input.category && !config.categories.some((item) => item.id === input.category)) {
      issues.push({
        path: 'category',
        message: { en: 'Choose a topic from the list.', ar: 'اختر موضوعًا من القائمة.' },
      });
    }
    const definitions = config.customFields.map((field) => ({
      key: field.key,
      type: field.type as FieldType,
      isRequired: field.isRequired,
      isActive: true,
      options: field.options,
    }));
    const customValues = Object.fromEntries(
      Object.entries(input.customFields ?? {}).filter(([key]) =>
        definitions.some((item) => item.key === key),
      ),
    );
    issues.push(
      ...validateCustomFields(definitions, customValues, { isPartial: false }).map((issue) => ({
        ...issue,
        path: issue.path.startsWith('customFields') ? issue.path : `customFields.${issue.path}`,
      })),
    );
    if (issues.length > 0) {
      throw new AppError(
        'validation_failed',
        { en: 'Some answers need another look.', ar: 'بعض الإجابات تحتاج إلى مراجعة.' },
        { fields: issues },
      );
    }
    return customValues;
  }

  function publicAttachments(row: MessageRow, urlOf: (fileId: string) => string) {
    return row.attachments.flatMap((item) => {
      const id = (item as { id?: string }).id;
      return id
        ? [{ id, name: item.name, contentType: item.contentType, size: item.size, url: urlOf(id) }]
        : [];
    });
  }

  /** The survey page while the case's survey waits for the customer's answer. */
  async function openSurveyUrl(workspace: WorkspaceRow, caseId: string): Promise<string | null> {
    const survey = await findLatestSurveyOfCase(db, workspace.id, caseId);
    return survey?.status === 'sent' ? surveyUrl({ config: deps.config, secrets }, workspace, survey) : null;
  }

  async function caseView(workspace: WorkspaceRow, row: CaseRow, token: string): Promise<PublicCaseView> {
    const [messages, events] = await Promise.all([
      listMessagesOfCase(db, row.id),
      listEventsOfCase(db, row.id),
    ]);
    const urlOf = (fileId: string) => `/api/public/${workspace.slug}/status/files/${fileId}?t=${token}`;
    const updates: PublicCaseView['updates'] = [
      ...messages
        .filter((item) => item.visibility === 'public' && item.direction !== 'note')
        .map((item) => ({
          id: item.id,
          at: item.createdAt,
          kind: 'message' as const,
          from: item.direction === 'inbound' ? ('customer' as const) : ('team' as const),
          body: item.body,
          status: null,
          attachments: publicAttachments(item, urlOf),
        })),
      ...events
        .filter((event) => event.type === 'case.status_changed')
        .map((event) => ({
          id: `event-${event.id}`,
          at: event.createdAt,
          kind: 'status' as const,
          from: 'team' as const,
          body: null,
          status: ((event.changes.status as { after?: CaseStatus } | undefined)?.after ??
            row.status) as CaseStatus,
          attachments: [],
        })),
    ].sort((a, b) => a.at.getTime() - b.at.getTime());
    const isAnswered = messages.some(
      (item) => item.direction === 'outbound' && item.visibility === 'public' && !item.isAutomatic,
    );
    const isWaitingForTeam = row.status === 'new' || row.status === 'open';
    return {
      reference: row.referenceNumber,
      subject: row.subject,
      status: row.status as CaseStatus,
      createdAt: row.createdAt,
      expectedResponseBy:
        isWaitingForTeam && !isAnswered
          ? await expectedResponseBy(db, workspace, row.teamId, row.createdAt)
          : null,
      updates,
      plan: await customerPlanOf(db, row),
      surveyUrl: await openSurveyUrl(workspace, row.id),
    };
  }

  async function chatMessages(workspace: WorkspaceRow, row: CaseRow, token: string): Promise<ChatMessage[]> {
    const messages = await listMessagesOfCase(db, row.id);
    const names = new Map<string, string>();
    for (const item of messages) {
      if (item.authorUserId && !names.has(item.authorUserId)) {
        const user = await findUserById(db, workspace.id, item.authorUserId);
        names.set(item.authorUserId, user?.name ?? '');
      }
    }
    return messages
      .filter((item) => item.visibility === 'public' && item.direction !== 'note')
      .map((item) => chatMessageOf(workspace, item, token, names.get(item.authorUserId ?? '') ?? null));
  }

  function chatMessageOf(
    workspace: WorkspaceRow,
    item: MessageRow,
    token: string,
    authorName: string | null,
  ): ChatMessage {
    return {
      id: item.id,
      from: item.direction === 'inbound' ? 'customer' : 'agent',
      authorName: item.direction === 'inbound' ? null : authorName,
      body: item.body,
      attachments: publicAttachments(
        item,
        (fileId) =>
          `/api/public/${workspace.slug}/chats/current/files/${fileId}?token=${encodeURIComponent(token)}`,
      ),
      createdAt: item.createdAt,
    };
  }

  async function fileOfCase(workspace: WorkspaceRow, row: CaseRow, fileId: string) {
    const file = await findStoredFile(db, workspace.id, fileId);
    if (!file || file.caseId !== row.id) {
      throw new AppError('not_found', {
        en: 'No such file on this case.',
        ar: 'لا يوجد ملف كهذا في هذه الحالة.',
      });
    }
    return file;
  }

  const availableFor = (workspace: WorkspaceRow) => deps.isAgentAvailable(workspace.id);

  return {
    statusPath,
    caseOfToken,

    /** One message of a chat as the widget shows it; undefined for notes and private messages. */
    async chatMessage(workspace: WorkspaceRow, caseId: string, messageId: string, token: string) {
      const item = await findMessageById(db, messageId);
      if (!item || item.caseId !== caseId || item.visibility !== 'public' || item.direction === 'note')
        return undefined;
      const author = item.authorUserId ? await findUserById(db, workspace.id, item.authorUserId) : undefined;
      return chatMessageOf(workspace, item, token, author?.name ?? null);
    },

    async caseStatus(workspace: WorkspaceRow, caseId: string) {
      return (await findCaseById(db, workspace.id, caseId))?.status as CaseStatus | undefined;
    },

    async workspaceName(slug: string) {
      const workspace = await findWorkspaceBySlug(db, slug.toLowerCase());
      return workspace
        ? {
            name: workspace.name,
            defaultLanguage: (workspace.defaultLanguage === 'en' ? 'en' : 'ar') as 'ar' | 'en',
            timeZone: workspace.timeZone,
          }
        : null;
    },

    async formConfig(slug: string) {
      return formConfigOf(await workspaceOf(slug));
    },

    async submitComplaint(options: {
      slug: string;
      input: PublicComplaintRequest;
      files: UploadedFile[];
      ip: string;
      language: 'ar' | 'en';
    }) {
      const { input } = options;
      const workspace = await workspaceOf(options.slug);
      const config = await formConfigOf(workspace);
      await limit('complaint', workspace, options.ip);
      if (input.website) {
        throw invalid(
          'website',
          {
            en: 'A field that must stay empty was filled in, so the form was not accepted. If you are a person, reload the page and send again.',
            ar: 'مُلئ حقل يجب أن يبقى فارغًا، فلم يُقبل النموذج. إن كنت شخصًا فأعد تحميل الصفحة وأرسل مرة أخرى.',
          },
          {
            en: 'The form was not accepted: reload the page and send again.',
            ar: 'لم يُقبل النموذج: أعد تحميل الصفحة وأرسل مرة أخرى.',
          },
        );
      }
      await verifyCaptcha(workspace, input.captchaToken, options.ip);
      const rules = config.fields;
      const shown = <T>(field: keyof typeof rules, value: T | undefined) =>
        rules[field] === 'hidden' ? undefined : value;
      const customFields = checkComplaint(config, input, options.files.length);
      const files = acceptFiles(
        rules.attachments === 'hidden' ? [] : options.files,
        PUBLIC_FILE_LIMITS,
        randomUUID,
      );
      const description = input.description;
      const subject = input.subject || description.split('\n')[0]!.slice(0, 120);
      const product = shown('product', input.product);
      const received = await intake.receive({
        workspace,
        channel: 'web_form',
        deliveryKey: input.submissionId ?? randomUUID(),
        externalId: null,
        threadCaseId: null,
        customer: {
          name: shown('name', input.name),
          email: shown('email', input.email),
          phone: shown('phone', input.phone),
        },
        subject,
        body: description,
        files,
        caseFields: {
          category: shown('category', input.category),
          product:
            product && config.products.length > 0
              ? (config.products.find((item) => item.id === product)?.en ?? product)
              : product,
          orderReference: shown('orderReference', input.orderReference),
          region: shown('region', input.region),
          customFields,
        },
        label: 'Complaint form',
        isAutomatic: false,
        language: input.language ?? options.language,
        isAcknowledged: true,
      });
      return {
        reference: received.referenceNumber,
        statusUrl: statusPath(workspace, received.caseId),
        expectedResponseBy: received.expectedResponseBy,
      };
    },

    async lookupStatus(options: { slug: string; reference: string; contact: string; ip: string }) {
      const workspace = await workspaceOf(options.slug);
      await limit('status', workspace, options.ip);
      const row = await findCaseByReference(db, workspace.id, options.reference.trim().toUpperCase());
      const customer = row?.customerId
        ? await findCustomerSummary(db, workspace.id, row.customerId)
        : undefined;
      const contact = options.contact.trim();
      const isEmailMatch = !!customer?.email && contact.toLowerCase() === customer.email.toLowerCase();
      const isPhoneMatch =
        !!customer?.phone && digits(contact).length >= 6 && digits(contact) === digits(customer.phone);
      if (!row || !(isEmailMatch || isPhoneMatch)) throw noMatch();
      const token = grant(workspace, row.id, 'status');
      return {
        token,
        statusUrl: `/w/${workspace.slug}/status?t=${token}`,
        case: await caseView(workspace, row, token),
      };
    },

    async viewStatus(options: { slug: string; token: string }) {
      const { workspace, row } = await caseOfToken(options.slug, options.token, 'status');
      return caseView(workspace, row, options.token);
    },

    async addStatusMessage(options: CustomerMessageInput) {
      const { workspace, row } = await caseOfToken(options.slug, options.token, 'status');
      await limit('message', workspace, options.ip);
      return addCustomerMessage(workspace, row, options, 'Status page');
    },

    async statusFile(options: { slug: string; token: string; fileId: string }) {
      const { workspace, row } = await caseOfToken(options.slug, options.token, 'status');
      return fileOfCase(workspace, row, options.fileId);
    },

    async chatConfig(slug: string) {
      const workspace = await workspaceOf(slug);
      const settings = channelSettingsOf(workspace.channelSettings);
      return {
        isEnabled: settings.chat.isEnabled,
        workspaceName: workspace.name,
        defaultLanguage: (workspace.defaultLanguage === 'en' ? 'en' : 'ar') as 'ar' | 'en',
        greeting: settings.chat.greeting,
        accentColor: settings.chat.accentColor,
        isAgentAvailable: availableFor(workspace),
        expectedResponseHours: settings.expectedResponseHours,
        attachments: {
          types: [...PUBLIC_ATTACHMENT_TYPES],
          maxBytes: PUBLIC_ATTACHMENT_MAX_BYTES,
          maxCount: PUBLIC_ATTACHMENT_MAX_COUNT,
        },
        embedOrigins: settings.form.embedOrigins,
      };
    },

    async startChat(options: {
      slug: string;
      input: {
        name: string;
        email: string;
        topic: string;
        message?: string | undefined;
        language?: 'ar' | 'en' | undefined;
        website?: string | undefined;
      };
      ip: string;
      language: 'ar' | 'en';
    }) {
      const { input } = options;
      const workspace = await workspaceOf(options.slug);
      const settings = channelSettingsOf(workspace.channelSettings);
      if (!settings.chat.isEnabled) {
        throw new AppError('not_found', {
          en: 'Live chat is not offered here. Please use the complaint form or e-mail.',
          ar: 'المحادثة المباشرة غير متاحة هنا. استخدم نموذج الشكاوى أو البريد الإلكتروني.',
        });
      }
      await limit('chat', workspace, options.ip);
      if (input.website) {
        throw invalid('website', {
          en: 'A field that must stay empty was filled in. Reload the page and start again.',
          ar: 'مُلئ حقل يجب أن يبقى فارغًا. أعد تحميل الصفحة وابدأ من جديد.',
        });
      }
      for (const field of ['name', 'topic'] as const) {
        if (ONE_LINE.test(input[field])) {
          throw invalid(field, { en: 'Write this on one line.', ar: 'اكتب هذا في سطر واحد.' });
        }
      }
      const body = input.message?.trim() || input.topic.trim();
      if (!body) {
        throw invalid('message', {
          en: 'Write your question to start the chat.',
          ar: 'اكتب سؤالك لتبدأ المحادثة.',
        });
      }
      const isAgentAvailable = availableFor(workspace);
      const received = await intake.receive({
        workspace,
        channel: 'live_chat',
        deliveryKey: randomUUID(),
        externalId: null,
        threadCaseId: null,
        customer: { name: input.name, email: input.email },
        subject: input.topic.trim() || body.split('\n')[0]!.slice(0, 120),
        body,
        files: [],
        label: 'Live chat',
        isAutomatic: false,
        language: input.language ?? options.language,
        isFollowedByEmail: !isAgentAvailable,
        isAcknowledged: true,
      });
      const row = (await findCaseById(db, workspace.id, received.caseId))!;
      const token = grant(workspace, row.id, 'chat');
      return {
        token,
        reference: row.referenceNumber,
        status: row.status as CaseStatus,
        isAgentAvailable,
        expectedResponseBy: isAgentAvailable ? null : received.expectedResponseBy,
        messages: await chatMessages(workspace, row, token),
      };
    },

    async chatSession(options: { slug: string; token: string }) {
      const { workspace, row } = await caseOfToken(options.slug, options.token, 'chat');
      const isAgentAvailable = availableFor(workspace);
      return {
        token: options.token,
        reference: row.referenceNumber,
        status: row.status as CaseStatus,
        isAgentAvailable,
        expectedResponseBy: isAgentAvailable
          ? null
          : await expectedResponseBy(db, workspace, row.teamId, clock.now()),
        messages: await chatMessages(workspace, row, options.token),
      };
    },

    async sendChatMessage(options: CustomerMessageInput): Promise<ChatMessage> {
      const { workspace, row } = await caseOfToken(options.slug, options.token, 'chat');
      await limit('message', workspace, options.ip);
      const received = await addCustomerMessage(workspace, row, options, 'Live chat');
      const stored = (await findMessageById(db, received.messageId))!;
      return chatMessageOf(workspace, stored, options.token, null);
    },

    async chatFile(options: { slug: string; token: string; fileId: string }) {
      const { workspace, row } = await caseOfToken(options.slug, options.token, 'chat');
      return fileOfCase(workspace, row, options.fileId);
    },
  };

  async function addCustomerMessage(
    workspace: WorkspaceRow,
    row: CaseRow,
    options: { body: string; files: UploadedFile[]; clientMessageId?: string | undefined },
    label: string,
  ) {
    if (row.status === 'closed') {
      throw new AppError('conflict', {
        en: `Case ${row.referenceNumber} is closed. Please make a new complaint and mention this reference.`,
        ar: `الحالة ${row.referenceNumber} مغلقة. قدّم شكوى جديدة واذكر فيها هذا الرقم المرجعي.`,
      });
    }
    const files = acceptFiles(options.files, PUBLIC_FILE_LIMITS, randomUUID);
    const body = options.body.trim();
    if (!body && files.length === 0) {
      throw invalid('body', { en: 'Write a message or attach a file.', ar: 'اكتب رسالة أو أرفق ملفًا.' });
    }
    const customer = row.customerId ? await findCustomerSummary(db, workspace.id, row.customerId) : undefined;
    return intake.receive({
      workspace,
      channel: row.channel as 'web_form',
      deliveryKey: `${row.id}:${options.clientMessageId ?? randomUUID()}`,
      externalId: null,
      threadCaseId: row.id,
      customer: { id: customer?.id },
      subject: row.subject,
      body: body || files.map((file) => file.name).join(', '),
      files,
      label,
      isAutomatic: false,
      language: null,
      isAcknowledged: false,
    });
  }
}

export type PublicChannels = ReturnType<typeof createPublicChannels>;
