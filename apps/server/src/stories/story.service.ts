import { randomUUID } from 'node:crypto';
import type { Story, StoryStatus, UpdateStoryRequest } from '@sada/contracts';
import { AppError, assertCan, type CaseEventType } from '@sada/core';
import {
  announceCaseUpdated,
  type CaseRow,
  type Executor,
  findCaseById,
  findChosenOfferOfCase,
  findFirstCustomerMessage,
  findLastAgentReply,
  findLatestAnsweredSurvey,
  findStoryView,
  findStoryViewOfCase,
  findWorkspaceById,
  findWorkspaceBySlug,
  insertAuditRecord,
  insertCaseEvent,
  insertStory,
  listStoryViews,
  lockCaseById,
  lockCaseByReference,
  lockStory,
  type StoryRecord,
  type StoryView,
  updateStory,
} from '@sada/db';
import type { Actor } from '../auth/actor.ts';
import { caseNotFound, readCase } from '../cases/case.service.ts';
import { canShowButtons, customerLanguageOf, sendAutomaticMessage } from '../channels/automatic-message.ts';
import { type ButtonAnswer, buttonPayload, isPressOnCase } from '../channels/button-answers.ts';
import { grantFor, readGrant } from '../channels/signed-token.ts';
import { optionsOf, optionText } from '../offers/offer-steps.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { ServiceDeps } from '../services.ts';
import { sharedText, storyCardSvg, storyMarkdown } from './story-card.ts';

/** The lowest survey rating a story can come from. */
export const STORY_MIN_RATING = 4;

/** What the customer answered: consent, consent with their first name, or no. */
export type ConsentAnswer = 'yes' | 'yes_named' | 'no';
export type ConsentOutcome = 'consented' | 'declined' | 'already_answered' | 'not_asked';

type StepActor = { userId: string | null; label: string };
const CUSTOMER: StepActor = { userId: null, label: 'Customer' };

const storyNotFound = () =>
  new AppError('not_found', {
    en: 'No story with this id in this workspace.',
    ar: 'لا توجد قصة بهذا المعرّف في مساحة العمل هذه.',
  });

const CONSENT_REPLIES: Record<ConsentOutcome, { en: string; ar: string } | null> = {
  consented: {
    en: 'Thank you for letting us share your story!',
    ar: 'شكرًا لسماحك لنا بمشاركة قصتك!',
  },
  declined: {
    en: 'Understood: we will not share your story. Thank you.',
    ar: 'حسنًا، لن نشارك قصتك. شكرًا لك.',
  },
  already_answered: {
    en: 'We already have your answer about sharing your story; thank you.',
    ar: 'وصلتنا إجابتك عن مشاركة قصتك من قبل؛ شكرًا لك.',
  },
  not_asked: null,
};

/** The signed link to the page where the customer reads their story and answers. */
export function storyUrlFor(
  deps: { secrets: SecretBox; publicUrl: string },
  workspace: { id: string; slug: string },
  caseId: string,
  now: Date,
) {
  const token = grantFor(deps.secrets, 'story', workspace.id, caseId, now);
  return `${deps.publicUrl}/w/${encodeURIComponent(workspace.slug)}/story/${token}`;
}

function toStory(view: StoryView, rating: number | null): Story {
  return {
    id: view.id,
    caseId: view.caseId,
    referenceNumber: view.referenceNumber,
    customerName: view.customerName,
    rating,
    status: view.status as StoryStatus,
    problem: view.problem,
    resolution: view.resolution,
    customerWords: view.customerWords,
    isAnonymous: view.isAnonymous,
    preview: sharedText(view),
    consentRequestedAt: view.consentRequestedAt,
    consentAt: view.consentAt,
    consentVia: view.consentVia as Story['consentVia'],
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
  };
}

async function event(
  tx: Executor,
  caseRow: CaseRow,
  input: {
    type: CaseEventType;
    actor: StepActor;
    story: StoryRecord;
    changes?: Record<string, unknown>;
    now: Date;
  },
) {
  const changes = { storyId: input.story.id, ...input.changes };
  await insertCaseEvent(tx, {
    workspaceId: caseRow.workspaceId,
    caseId: caseRow.id,
    type: input.type,
    actorUserId: input.actor.userId,
    actorLabel: input.actor.label,
    changes,
    createdAt: input.now,
  });
  await insertAuditRecord(tx, {
    workspaceId: caseRow.workspaceId,
    actorUserId: input.actor.userId,
    action: input.type,
    subjectType: 'success_story',
    subjectId: input.story.id,
    details: changes,
    createdAt: input.now,
  });
  await announceCaseUpdated(tx, caseRow);
}

/** Why a case cannot be a story candidate (yet), or null when it can. */
function refusal(caseRow: CaseRow, rating: number | null): AppError | null {
  if (caseRow.status !== 'resolved' && caseRow.status !== 'closed')
    return new AppError('validation_failed', {
      en: `Only a resolved or closed case can become a success story; ${caseRow.referenceNumber} is ${caseRow.status}.`,
      ar: `لا تصبح قصة نجاح إلا حالة محلولة أو مغلقة؛ الحالة ${caseRow.referenceNumber} في وضع «${caseRow.status}».`,
    });
  if (rating === null || rating < STORY_MIN_RATING)
    return new AppError('validation_failed', {
      en:
        rating === null
          ? `The customer has not rated case ${caseRow.referenceNumber}; a success story needs a rating of ${STORY_MIN_RATING} or more.`
          : `The customer rated case ${caseRow.referenceNumber} ${rating} of 5; a success story needs ${STORY_MIN_RATING} or more.`,
      ar:
        rating === null
          ? `لم يقيّم العميل الحالة ${caseRow.referenceNumber}؛ تحتاج قصة النجاح إلى تقييم ${STORY_MIN_RATING} أو أكثر.`
          : `قيّم العميل الحالة ${caseRow.referenceNumber} بـ ${rating} من 5؛ تحتاج قصة النجاح إلى ${STORY_MIN_RATING} أو أكثر.`,
    });
  return null;
}

/** Success stories: marked by a supervisor, consented to by the customer, exported to share. */
export function createStoryService({
  database,
  clock,
  config,
  secrets,
}: ServiceDeps & { secrets: SecretBox }) {
  const db = database.orm;
  const actorStep = (actor: Actor): StepActor => ({ userId: actor.userId, label: actor.name });

  async function present(executor: Executor, view: StoryView) {
    const survey = await findLatestAnsweredSurvey(executor, view.workspaceId, view.caseId);
    return toStory(view, survey?.rating ?? null);
  }

  async function readStory(actor: Actor, id: string) {
    const view = await findStoryView(db, actor.workspace.id, id);
    if (!view) throw storyNotFound();
    return view;
  }

  /** The draft's text from the case: its problem, what was done, the customer's own words. */
  async function draftOf(tx: Executor, caseRow: CaseRow, comment: string | null) {
    const first = await findFirstCustomerMessage(tx, caseRow.workspaceId, caseRow.id);
    const told = first ?? caseRow.description;
    const problem = told && told !== caseRow.subject ? `${caseRow.subject}\n\n${told}` : caseRow.subject;
    const workspace = await findWorkspaceById(tx, caseRow.workspaceId);
    const language = customerLanguageOf(caseRow, { defaultLanguage: workspace?.defaultLanguage ?? 'ar' });
    const offer = await findChosenOfferOfCase(tx, caseRow.workspaceId, caseRow.id);
    const option = offer && optionsOf(offer).find((candidate) => candidate.id === offer.chosenOptionId);
    const resolution = option
      ? optionText(option, language)
      : ((await findLastAgentReply(tx, caseRow.workspaceId, caseRow.id)) ?? '');
    return { problem, resolution, customerWords: comment ?? '' };
  }

  /** Records the customer's answer once: a second answer (a retried press) changes nothing. */
  async function recordAnswer(
    tx: Executor,
    input: { workspaceId: string; storyId: string; answer: ConsentAnswer; via: 'button' | 'web' },
  ): Promise<ConsentOutcome> {
    const story = await lockStory(tx, input.workspaceId, input.storyId);
    if (!story) return 'not_asked';
    if (story.status === 'consented' || story.status === 'declined') return 'already_answered';
    if (story.status !== 'consent_requested') return 'not_asked';
    const caseRow = await findCaseById(tx, input.workspaceId, story.caseId);
    if (!caseRow) return 'not_asked';
    const now = clock.now();
    const isConsent = input.answer !== 'no';
    const updated = await updateStory(tx, input.workspaceId, story.id, {
      status: isConsent ? 'consented' : 'declined',
      consentAt: isConsent ? now : null,
      consentVia: input.via,
      ...(input.answer === 'yes_named' && { isAnonymous: false }),
      updatedAt: now,
    });
    await event(tx, caseRow, {
      type: isConsent ? 'story.consented' : 'story.declined',
      actor: CUSTOMER,
      story: updated,
      changes: { via: input.via, isAnonymous: updated.isAnonymous },
      now,
    });
    return isConsent ? 'consented' : 'declined';
  }

  async function consentedStory(actor: Actor, id: string) {
    assertCan(actor.role, 'story:manage');
    const view = await readStory(actor, id);
    if (view.status !== 'consented')
      throw new AppError('conflict', {
        en: 'This story can be exported only after the customer consents to sharing it.',
        ar: 'لا تُصدَّر هذه القصة إلا بعد موافقة العميل على مشاركتها.',
      });
    const workspace = await findWorkspaceById(db, actor.workspace.id);
    const caseRow = await findCaseById(db, actor.workspace.id, view.caseId);
    const fallback = caseRow && workspace ? customerLanguageOf(caseRow, workspace) : 'en';
    return { view, workspaceName: workspace?.name ?? actor.workspace.name, fallback };
  }

  /** What the customer's signed page shows: the story of the case the link names, as it would be shared. */
  async function viewForCustomer(options: { slug: string; token: string }) {
    const workspace = await findWorkspaceBySlug(db, options.slug);
    if (!workspace) return null;
    const grant = readGrant(secrets, options.token, {
      purpose: 'story',
      workspaceId: workspace.id,
      now: clock.now(),
    });
    const view = grant && (await findStoryViewOfCase(db, workspace.id, grant.caseId));
    if (!view) return { workspace, story: null, language: null };
    const caseRow = await findCaseById(db, workspace.id, view.caseId);
    return {
      workspace,
      story: { id: view.id, status: view.status as StoryStatus, text: sharedText(view) },
      language: caseRow ? customerLanguageOf(caseRow, workspace) : null,
    };
  }

  return {
    /** Whether the case can be marked now, and its story when it has one. */
    async candidacy(options: { actor: Actor; referenceNumber: string }) {
      const { actor } = options;
      assertCan(actor.role, 'story:manage');
      const caseRow = await readCase(db, actor, options.referenceNumber);
      const survey = await findLatestAnsweredSurvey(db, actor.workspace.id, caseRow.id);
      const rating = survey?.rating ?? null;
      const view = await findStoryViewOfCase(db, actor.workspace.id, caseRow.id);
      return {
        canMark: !view && refusal(caseRow, rating) === null,
        rating,
        story: view ? toStory(view, rating) : null,
      };
    },

    /** Marks a resolved case with a rating of 4 or 5 as a candidate, its draft prefilled from the case. */
    async mark(options: { actor: Actor; referenceNumber: string }) {
      const { actor } = options;
      assertCan(actor.role, 'story:manage');
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const caseRow = await lockCaseByReference(
          tx,
          actor.workspace.id,
          options.referenceNumber.toUpperCase(),
        );
        if (!caseRow) throw caseNotFound(options.referenceNumber);
        if (await findStoryViewOfCase(tx, actor.workspace.id, caseRow.id))
          throw new AppError('conflict', {
            en: `Case ${caseRow.referenceNumber} already has a success story.`,
            ar: `للحالة ${caseRow.referenceNumber} قصة نجاح من قبل.`,
          });
        const survey = await findLatestAnsweredSurvey(tx, actor.workspace.id, caseRow.id);
        const refused = refusal(caseRow, survey?.rating ?? null);
        if (refused) throw refused;
        const story = await insertStory(tx, {
          id: randomUUID(),
          workspaceId: caseRow.workspaceId,
          caseId: caseRow.id,
          status: 'candidate',
          ...(await draftOf(tx, caseRow, survey?.comment ?? null)),
          isAnonymous: true,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await event(tx, caseRow, { type: 'story.marked', actor: actorStep(actor), story, now });
        return story.id;
      });
      return present(db, (await findStoryView(db, actor.workspace.id, id))!);
    },

    async list(options: { actor: Actor; status?: StoryStatus | undefined }) {
      assertCan(options.actor.role, 'story:manage');
      const views = await listStoryViews(db, options.actor.workspace.id, options.status);
      return { items: await Promise.all(views.map((view) => present(db, view))) };
    },

    async get(options: { actor: Actor; id: string }) {
      assertCan(options.actor.role, 'story:manage');
      return present(db, await readStory(options.actor, options.id));
    },

    /** Edits the text or anonymity; a consented story's text is what the customer agreed to, so it stays. */
    async update(options: { actor: Actor; id: string; input: UpdateStoryRequest }) {
      const { actor, input } = options;
      assertCan(actor.role, 'story:manage');
      const now = clock.now();
      await db.transaction(async (tx) => {
        const story = await lockStory(tx, actor.workspace.id, options.id);
        if (!story) throw storyNotFound();
        if (story.status === 'consented' || story.status === 'declined')
          throw new AppError('conflict', {
            en: 'The customer has answered about this story; its text can no longer change.',
            ar: 'أجاب العميل عن هذه القصة؛ لم يعد ممكنًا تغيير نصها.',
          });
        await updateStory(tx, actor.workspace.id, story.id, { ...input, updatedAt: now });
        await insertAuditRecord(tx, {
          workspaceId: actor.workspace.id,
          actorUserId: actor.userId,
          action: 'story.edited',
          subjectType: 'success_story',
          subjectId: story.id,
          details: { fields: Object.keys(input) },
          createdAt: now,
        });
      });
      return present(db, await readStory(actor, options.id));
    },

    /** Asks the customer, on their channel and in their language, whether the story may be shared. */
    async requestConsent(options: { actor: Actor; id: string }) {
      const { actor } = options;
      assertCan(actor.role, 'story:manage');
      const now = clock.now();
      await db.transaction(async (tx) => {
        const story = await lockStory(tx, actor.workspace.id, options.id);
        if (!story) throw storyNotFound();
        if (story.status !== 'candidate' && story.status !== 'consent_requested')
          throw new AppError('conflict', {
            en: `The customer has already answered (${story.status}); they are not asked again.`,
            ar: `أجاب العميل من قبل (${story.status})؛ لا يُسأل مرة أخرى.`,
          });
        const caseRow = await lockCaseById(tx, actor.workspace.id, story.caseId);
        const workspace = await findWorkspaceById(tx, actor.workspace.id);
        if (!caseRow || !workspace) throw storyNotFound();
        const language = customerLanguageOf(caseRow, workspace);
        const url = storyUrlFor({ secrets, publicUrl: config.publicUrl }, workspace, caseRow.id, now);
        const body =
          language === 'ar'
            ? `شكرًا لكلماتك الطيبة. هل تسمح لنا بمشاركة قصتك مع عملاء آخرين، دون اسمك؟ يمكنك قراءتها كما ستُنشر والإجابة هنا: ${url}`
            : `Thank you for your kind words. May we share your story with other customers, without your name? You can read it as it would be shared and answer here: ${url}`;
        const buttons = canShowButtons(caseRow)
          ? [
              {
                title: language === 'ar' ? 'نعم، أوافق' : 'Yes, share it',
                payload: buttonPayload('story', story.id, 'yes'),
              },
              {
                title: language === 'ar' ? 'لا، شكرًا' : 'No, thanks',
                payload: buttonPayload('story', story.id, 'no'),
              },
            ]
          : [];
        const sent = await sendAutomaticMessage(tx, {
          caseRow,
          body,
          buttons,
          label: 'Sada',
          now,
          mailDomain: config.mailDomain,
          subject: language === 'ar' ? 'هل نشارك قصتك؟' : 'May we share your story?',
        });
        if (!sent)
          throw new AppError('conflict', {
            en: 'The customer cannot be written to on this case.',
            ar: 'لا يمكن مراسلة العميل على هذه الحالة.',
          });
        const updated = await updateStory(tx, actor.workspace.id, story.id, {
          status: 'consent_requested',
          consentRequestedAt: now,
          updatedAt: now,
        });
        await event(tx, caseRow, {
          type: 'story.consent_requested',
          actor: actorStep(actor),
          story: updated,
          changes: { messageId: sent.id, language },
          now,
        });
      });
      return present(db, await readStory(actor, options.id));
    },

    /** The customer took their consent back (told an agent): the story is declined and no longer exported. */
    async withdrawConsent(options: { actor: Actor; id: string; reason: string }) {
      const { actor } = options;
      assertCan(actor.role, 'story:manage');
      const now = clock.now();
      await db.transaction(async (tx) => {
        const story = await lockStory(tx, actor.workspace.id, options.id);
        if (!story) throw storyNotFound();
        if (story.status === 'declined')
          throw new AppError('conflict', {
            en: 'This story is already declined.',
            ar: 'هذه القصة مرفوضة من قبل.',
          });
        const caseRow = await findCaseById(tx, actor.workspace.id, story.caseId);
        if (!caseRow) throw storyNotFound();
        const updated = await updateStory(tx, actor.workspace.id, story.id, {
          status: 'declined',
          updatedAt: now,
        });
        await event(tx, caseRow, {
          type: 'story.declined',
          actor: actorStep(actor),
          story: updated,
          changes: { reason: options.reason, previousStatus: story.status, onCustomerRequest: true },
          now,
        });
      });
      return present(db, await readStory(actor, options.id));
    },

    async markdown(options: { actor: Actor; id: string; language?: 'ar' | 'en' | undefined }) {
      const { view, workspaceName, fallback } = await consentedStory(options.actor, options.id);
      return storyMarkdown(view, { workspaceName, language: options.language ?? fallback });
    },

    async card(options: { actor: Actor; id: string; language?: 'ar' | 'en' | undefined }) {
      const { view, workspaceName, fallback } = await consentedStory(options.actor, options.id);
      return storyCardSvg(view, { workspaceName, language: options.language ?? fallback });
    },

    /**
     * The ButtonAnswerHandler for kind 'story': a press in the story's own conversation records the
     * consent or refusal once; a press from another conversation is ignored.
     */
    async answerByButton(answer: ButtonAnswer) {
      if (answer.choice !== 'yes' && answer.choice !== 'no') return null;
      const view = await findStoryView(db, answer.workspaceId, answer.subjectId);
      if (!view) return null;
      const caseRow = await findCaseById(db, answer.workspaceId, view.caseId);
      if (!isPressOnCase(caseRow, answer)) return null;
      const outcome = await db.transaction((tx) =>
        recordAnswer(tx, {
          workspaceId: answer.workspaceId,
          storyId: view.id,
          answer: answer.choice as ConsentAnswer,
          via: 'button',
        }),
      );
      return CONSENT_REPLIES[outcome];
    },

    viewForCustomer,

    /** The customer answered on the signed page. */
    async answerOnPage(options: { slug: string; token: string; storyId: string; answer: ConsentAnswer }) {
      const found = await viewForCustomer(options);
      if (!found?.story || found.story.id !== options.storyId) return null;
      const workspaceId = found.workspace.id;
      return db.transaction((tx) =>
        recordAnswer(tx, { workspaceId, storyId: options.storyId, answer: options.answer, via: 'web' }),
      );
    },
  };
}

export type StoryService = ReturnType<typeof createStoryService>;
