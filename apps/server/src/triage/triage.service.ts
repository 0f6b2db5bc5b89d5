import type { TriageSettings } from '@sada/contracts';
import {
  AppError,
  assertCan,
  type Channel,
  diffFields,
  type MessageVisibility,
  replyLengthLimit,
} from '@sada/core';
import {
  countTriageCorrectionsSince,
  type Database,
  findCustomerSummary,
  findTriageAdaptation,
  findWorkspaceById,
  insertAuditRecord,
  listMessagesOfCase,
  listReplyTemplates,
  listResolvedCaseReplies,
  listTriageCorrections,
  lockWorkspace,
  saveTriageAdaptation,
  updateWorkspace,
} from '@sada/db';
import {
  type Correction,
  classifyWithModel,
  coachReply,
  evaluateOverlayGain,
  loadBundledModel,
  type OverlayGain,
  priorityRulesSchema,
  type ReplyCandidate,
  suggestReplies,
  trainWorkspaceOverlay,
} from '@sada/triage';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { readCase } from '../cases/case.service.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import {
  type AssistantEndpoint,
  completeChat,
  draftReplyPrompt,
  summaryPrompt,
  type ThreadLine,
} from './assistant.ts';
import { baseModelVersion, resolveTriageSettings, type TriageContexts } from './triage-context.ts';

export type TriageSettingsChanges = {
  isAutomatic?: boolean | undefined;
  categories?: TriageSettings['categories'] | undefined;
  priorityRules?: Record<string, unknown> | undefined;
  assistant?:
    | {
        isEnabled?: boolean | undefined;
        baseUrl?: string | undefined;
        model?: string | undefined;
        apiKey?: string | null | undefined;
      }
    | undefined;
};

/** workspace.assistant_settings as stored; the key sealed by the secret box. */
const storedAssistant = z.object({
  isEnabled: z.boolean().default(false),
  baseUrl: z.string().default(''),
  model: z.string().default(''),
  sealedApiKey: z.string().optional(),
});
type StoredAssistant = z.infer<typeof storedAssistant>;

const readAssistant = (raw: unknown): StoredAssistant => {
  const parsed = storedAssistant.safeParse(raw ?? {});
  return parsed.success ? parsed.data : storedAssistant.parse({});
};

/** The gain as the API tells it (stored as evaluateOverlayGain reported it). */
function publicGain(gain: OverlayGain) {
  return { heldOut: gain.heldOutCount, kind: gain.kind, category: gain.category };
}

/** How many resolved cases reply suggestions look through. */
const SUGGESTION_POOL = 500;

export function createTriageService(deps: {
  database: Database;
  clock: { now(): Date };
  contexts: TriageContexts;
  secrets: SecretBox;
}) {
  const { clock, contexts, secrets } = deps;
  const db = deps.database.orm;

  const caseOf = (actor: Actor, referenceNumber: string) => readCase(db, actor, referenceNumber);

  async function threadOf(caseId: string, subject: string, description: string): Promise<ThreadLine[]> {
    const messages = await listMessagesOfCase(db, caseId);
    return [
      { from: 'customer' as const, text: `${subject}\n${description}`.trim() },
      ...messages.map((message) => ({
        from:
          message.direction === 'inbound'
            ? ('customer' as const)
            : message.direction === 'note'
              ? ('note' as const)
              : ('agent' as const),
        text: message.body,
      })),
    ];
  }

  async function assistantEndpoint(workspaceId: string): Promise<AssistantEndpoint> {
    const workspace = await findWorkspaceById(db, workspaceId);
    const stored = readAssistant(workspace?.assistantSettings);
    if (!stored.isEnabled || !stored.baseUrl || !stored.model) {
      throw new AppError('conflict', {
        en: 'The assistant is off in this workspace. An admin can turn it on in Admin → Triage.',
        ar: 'المساعد متوقف في مساحة العمل هذه. يمكن للمسؤول تشغيله من الإدارة ← الفرز.',
      });
    }
    return {
      baseUrl: stored.baseUrl,
      model: stored.model,
      apiKey: stored.sealedApiKey ? secrets.open(stored.sealedApiKey) : undefined,
    };
  }

  /** Learns the workspace's adaptation from all its corrections and reports the gain on held-out ones. */
  async function retrain(workspaceId: string) {
    const rows = await listTriageCorrections(db, workspaceId);
    // One lesson per text: the latest correction of each field wins.
    const byText = new Map<string, Correction>();
    for (const row of rows) {
      const lesson: Correction = byText.get(row.text) ?? { text: row.text };
      if (row.field === 'kind') lesson.kind = row.corrected as Correction['kind'];
      else lesson.category = row.corrected;
      byText.set(row.text, lesson);
    }
    const corrections = [...byText.values()];
    if (corrections.length === 0) {
      throw new AppError('conflict', {
        en: 'No corrections yet: triage learns when agents change a kind or category it gave.',
        ar: 'لا توجد تصحيحات بعد: يتعلم الفرز عندما يغيّر الموظفون نوعًا أو فئة اقترحها.',
      });
    }
    const model = loadBundledModel();
    const workspace = await findWorkspaceById(db, workspaceId);
    const { categories } = resolveTriageSettings(workspace?.triageSettings);
    const gain = evaluateOverlayGain(model, corrections, { categories });
    const overlay = trainWorkspaceOverlay(model, corrections, { categories });
    await saveTriageAdaptation(db, {
      workspaceId,
      overlay: overlay as unknown as Record<string, unknown>,
      corrections: corrections.length,
      gain: gain as unknown as Record<string, unknown>,
      trainedAt: clock.now(),
    });
    contexts.forget(workspaceId);
    return { corrections: corrections.length, ...publicGain(gain) };
  }

  return {
    retrain,

    async settings(actor: Actor): Promise<TriageSettings> {
      assertCan(actor.role, 'workspace:read');
      const [workspace, adaptation] = await Promise.all([
        findWorkspaceById(db, actor.workspace.id),
        findTriageAdaptation(db, actor.workspace.id),
      ]);
      const pendingCorrections = await countTriageCorrectionsSince(
        db,
        actor.workspace.id,
        adaptation?.trainedAt ?? null,
      );
      const resolved = resolveTriageSettings(workspace?.triageSettings);
      const assistant = readAssistant(workspace?.assistantSettings);
      return {
        isAutomatic: resolved.isAutomatic,
        categories: resolved.categories.map((category) => ({
          id: category.id,
          names: category.names,
          ...(category.basedOn && { basedOn: category.basedOn }),
          ...(category.keywords && { keywords: category.keywords }),
        })),
        priorityRules: resolved.rules as unknown as Record<string, unknown>,
        assistant: {
          isEnabled: assistant.isEnabled,
          baseUrl: assistant.baseUrl,
          model: assistant.model,
          hasApiKey: !!assistant.sealedApiKey,
        },
        model: {
          baseVersion: baseModelVersion(loadBundledModel()),
          adaptation: adaptation
            ? {
                trainedAt: adaptation.trainedAt,
                corrections: adaptation.corrections,
                gain: publicGain(adaptation.gain as OverlayGain),
              }
            : null,
          pendingCorrections,
        },
      };
    },

    async updateSettings(actor: Actor, changes: TriageSettingsChanges) {
      assertCan(actor.role, 'workspace:admin');
      if (changes.priorityRules) {
        const checked = priorityRulesSchema.safeParse(changes.priorityRules);
        if (!checked.success) {
          throw new AppError(
            'validation_failed',
            { en: 'Some priority rules are not valid.', ar: 'بعض قواعد الأولوية غير صالحة.' },
            {
              fields: checked.error.issues.map((issue) => ({
                path: ['priorityRules', ...issue.path].join('.'),
                message: { en: issue.message, ar: `قيمة غير صالحة: ${issue.message}` },
              })),
            },
          );
        }
      }
      await db.transaction(async (tx) => {
        const current = await lockWorkspace(tx, actor.workspace.id);
        if (!current) {
          throw new AppError('not_found', {
            en: 'This workspace no longer exists.',
            ar: 'مساحة العمل هذه لم تعد موجودة.',
          });
        }
        const triage = { ...(current.triageSettings as Record<string, unknown>) };
        if (changes.isAutomatic !== undefined) triage.isAutomatic = changes.isAutomatic;
        if (changes.categories) triage.categories = changes.categories;
        if (changes.priorityRules) {
          triage.priorityRules = {
            ...((triage.priorityRules as Record<string, unknown> | undefined) ?? {}),
            ...changes.priorityRules,
          };
        }
        const before = readAssistant(current.assistantSettings);
        const after: StoredAssistant = { ...before };
        const asked = changes.assistant;
        if (asked?.isEnabled !== undefined) after.isEnabled = asked.isEnabled;
        if (asked?.baseUrl !== undefined) after.baseUrl = asked.baseUrl;
        if (asked?.model !== undefined) after.model = asked.model;
        if (asked?.apiKey === null) delete after.sealedApiKey;
        else if (asked?.apiKey) after.sealedApiKey = secrets.seal(asked.apiKey);
        if (after.isEnabled && (!after.baseUrl || !after.model)) {
          throw new AppError(
            'validation_failed',
            {
              en: 'To turn the assistant on, give its address and model.',
              ar: 'لتشغيل المساعد، أدخل عنوانه والنموذج.',
            },
            {
              fields: [
                {
                  path: after.baseUrl ? 'assistant.model' : 'assistant.baseUrl',
                  message: { en: 'required to turn the assistant on', ar: 'مطلوب لتشغيل المساعد' },
                },
              ],
            },
          );
        }
        await updateWorkspace(tx, current.id, { triageSettings: triage, assistantSettings: after });
        const { sealedApiKey: _before, ...beforeShown } = before;
        const { sealedApiKey: _after, ...afterShown } = after;
        await insertAuditRecord(tx, {
          workspaceId: current.id,
          actorUserId: actor.userId,
          action: 'triage.settings_changed',
          subjectType: 'workspace',
          subjectId: current.id,
          details: {
            ...diffFields(
              { categories: (current.triageSettings as Record<string, unknown>).categories ?? null },
              { categories: triage.categories ?? null },
            ),
            ...(changes.isAutomatic !== undefined && { isAutomatic: changes.isAutomatic }),
            ...(changes.priorityRules && { priorityRules: changes.priorityRules }),
            ...diffFields(beforeShown, afterShown),
            ...(asked?.apiKey !== undefined && { apiKey: asked.apiKey === null ? 'removed' : 'replaced' }),
          },
          createdAt: clock.now(),
        });
      });
      contexts.forget(actor.workspace.id);
      return this.settings(actor);
    },

    async retrainAsAdmin(actor: Actor) {
      assertCan(actor.role, 'workspace:admin');
      return retrain(actor.workspace.id);
    },

    async classify(actor: Actor, text: string) {
      assertCan(actor.role, 'case:read');
      const workspace = await contexts.get(actor.workspace.id);
      return classifyWithModel(loadBundledModel(), text, {
        categories: workspace.categories,
        ...(workspace.overlay && { overlay: workspace.overlay }),
      });
    },

    async coach(
      actor: Actor,
      input: { draft: string; referenceNumber?: string | undefined; visibility: MessageVisibility },
    ) {
      assertCan(actor.role, 'case:read');
      const templates = await listReplyTemplates(db, actor.workspace.id);
      const templateBodies = templates.flatMap((t) => [t.bodyAr, t.bodyEn]).filter((body) => body !== '');
      if (!input.referenceNumber) return coachReply(input.draft, { templates: templateBodies });
      const row = await caseOf(actor, input.referenceNumber);
      const [messages, customer] = await Promise.all([
        listMessagesOfCase(db, row.id),
        row.customerId ? findCustomerSummary(db, actor.workspace.id, row.customerId) : undefined,
      ]);
      const lastInbound = messages.filter((m) => m.direction === 'inbound').at(-1)?.body;
      const limit = replyLengthLimit(row.channel as Channel, input.visibility);
      return coachReply(input.draft, {
        customerMessage: lastInbound ?? `${row.subject}\n${row.description}`,
        ...(customer?.name && { customerName: customer.name }),
        ...(limit.max !== null && { maxLength: limit.max }),
        templates: templateBodies,
      });
    },

    async suggestions(actor: Actor, referenceNumber: string) {
      assertCan(actor.role, 'case:read');
      const row = await caseOf(actor, referenceNumber);
      const [messages, templates, resolved] = await Promise.all([
        listMessagesOfCase(db, row.id),
        listReplyTemplates(db, actor.workspace.id),
        listResolvedCaseReplies(db, actor.workspace.id, { excludeCaseId: row.id, limit: SUGGESTION_POOL }),
      ]);
      const language = row.language === 'en' ? 'en' : row.language === 'ar' ? 'ar' : actor.language;
      const candidates: ReplyCandidate[] = [
        ...templates.flatMap((template) => {
          const body =
            (language === 'en' ? template.bodyEn : template.bodyAr) || template.bodyAr || template.bodyEn;
          return [
            {
              id: template.id,
              source: 'template' as const,
              matchText: `${template.name}\n${body}`,
              reply: body,
            },
          ];
        }),
        ...resolved.map((item) => ({
          id: item.caseId,
          source: 'resolved_case' as const,
          matchText: item.text,
          reply: item.reply,
        })),
      ];
      const caseText = [
        row.subject,
        row.description,
        ...messages.filter((m) => m.direction === 'inbound').map((m) => m.body),
      ].join('\n');
      const titles = new Map<string, string>([
        ...templates.map((t) => [t.id, t.name] as [string, string]),
        ...resolved.map((r) => [r.caseId, r.referenceNumber] as [string, string]),
      ]);
      return {
        items: suggestReplies(caseText, candidates, 3).map((suggestion) => ({
          source: suggestion.source === 'template' ? ('template' as const) : ('case' as const),
          id: suggestion.id,
          title: titles.get(suggestion.id) ?? '',
          body: suggestion.reply,
          score: suggestion.score,
        })),
      };
    },

    async draftReply(actor: Actor, referenceNumber: string) {
      assertCan(actor.role, 'case:write');
      const row = await caseOf(actor, referenceNumber);
      const endpoint = await assistantEndpoint(actor.workspace.id);
      const customer = row.customerId
        ? await findCustomerSummary(db, actor.workspace.id, row.customerId)
        : undefined;
      const text = await completeChat(
        endpoint,
        draftReplyPrompt({
          thread: await threadOf(row.id, row.subject, row.description),
          language: row.language === 'en' ? 'en' : row.language === 'ar' ? 'ar' : actor.language,
          customerName: customer?.name ?? null,
          workspaceName: actor.workspace.name,
        }),
      );
      return { text, model: endpoint.model };
    },

    async summarise(actor: Actor, referenceNumber: string) {
      assertCan(actor.role, 'case:read');
      const row = await caseOf(actor, referenceNumber);
      const endpoint = await assistantEndpoint(actor.workspace.id);
      const text = await completeChat(
        endpoint,
        summaryPrompt({
          thread: await threadOf(row.id, row.subject, row.description),
          language: actor.language,
        }),
      );
      return { text, model: endpoint.model };
    },
  };
}

export type TriageService = ReturnType<typeof createTriageService>;
