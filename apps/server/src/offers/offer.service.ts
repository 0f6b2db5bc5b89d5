import { randomUUID } from 'node:crypto';
import { type CreateOfferRequest, isMonetaryCompensationType } from '@sada/contracts';
import { AppError, assertCan } from '@sada/core';
import {
  announceCaseUpdated,
  findCaseById,
  findLatestSentOffer,
  findOffer,
  findWorkspaceBySlug,
  insertOffer,
  listCompensationsOfOffers,
  listOffersOfCase,
  lockCaseByReference,
  lockOffer,
  type OfferRecord,
  updateOffer,
} from '@sada/db';
import type { Actor } from '../auth/actor.ts';
import { caseNotFound, readCase } from '../cases/case.service.ts';
import { customerLanguageOf } from '../channels/automatic-message.ts';
import { type ButtonAnswer, isPressOnCase } from '../channels/button-answers.ts';
import { grantFor, readGrant } from '../channels/signed-token.ts';
import {
  assertAllowed,
  audit,
  caseEvent,
  policyOfWorkspace,
  recordRequested,
  requestCompensations,
  workspaceOf,
} from '../compensation/compensation-steps.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { ServiceDeps } from '../services.ts';
import {
  type ChoiceOutcome,
  CUSTOMER,
  cancelOpenCompensations,
  chooseOffer,
  expireIfDue,
  offerNotFound,
  optionsOf,
  optionText,
  publicOffer,
  type StoredOption,
  sendOffer,
} from './offer-steps.ts';

const DAY_MS = 86_400_000;

const notOpen = (status: string) =>
  new AppError('conflict', {
    en: `This offer is ${status.replace('_', ' ')}; only a sent offer can be chosen.`,
    ar: `هذا العرض في حالة «${status}»؛ لا يُختار إلا عرض مُرسل.`,
  });

const CHOICE_REPLIES: Record<ChoiceOutcome, { en: string; ar: string }> = {
  chosen: { en: 'Thank you, we have your choice: ', ar: 'شكرًا لك، وصلنا اختيارك: ' },
  already_chosen: {
    en: 'You have already chosen an option for this offer; thank you.',
    ar: 'لقد اخترت خيارًا لهذا العرض من قبل؛ شكرًا لك.',
  },
  expired: {
    en: 'This offer has expired; we will be in touch with you.',
    ar: 'انتهت صلاحية هذا العرض؛ سنتواصل معك.',
  },
  not_open: { en: 'This offer is no longer open.', ar: 'هذا العرض لم يعد متاحًا.' },
  unknown_option: {
    en: 'Please choose one of the offered options.',
    ar: 'يرجى اختيار أحد الخيارات المعروضة.',
  },
};

/** What the customer is told after choosing, in both languages. */
export function choiceReply(outcome: ChoiceOutcome, option: StoredOption | undefined) {
  const reply = CHOICE_REPLIES[outcome];
  if (outcome !== 'chosen' || !option) return reply;
  return { en: `${reply.en}${optionText(option, 'en')}`, ar: `${reply.ar}${optionText(option, 'ar')}` };
}

/** The signed link to a case's offer page. */
export function offerUrlFor(
  deps: { secrets: SecretBox; publicUrl: string },
  workspace: { id: string; slug: string },
  caseId: string,
  now: Date,
) {
  const token = grantFor(deps.secrets, 'offer', workspace.id, caseId, now);
  return `${deps.publicUrl}/w/${encodeURIComponent(workspace.slug)}/offer/${token}`;
}

/** Solution offers: made by agents, approved when above a limit, chosen by the customer. */
export function createOfferService({
  database,
  clock,
  config,
  secrets,
}: ServiceDeps & { secrets: SecretBox }) {
  const db = database.orm;
  const urlFor = (workspace: { id: string; slug: string }, caseId: string) =>
    offerUrlFor({ secrets, publicUrl: config.publicUrl }, workspace, caseId, clock.now());
  const actorStep = (actor: Actor) => ({ userId: actor.userId, label: actor.name });

  async function present(actor: Actor, offers: OfferRecord[]) {
    const ids = offers.map((offer) => offer.id);
    const compensations = await listCompensationsOfOffers(db, actor.workspace.id, ids);
    const views = offers.length ? await listOffersOfCase(db, actor.workspace.id, offers[0]!.caseId) : [];
    return views
      .filter((view) => ids.includes(view.id))
      .map((view) => publicOffer(view, compensations, urlFor(actor.workspace, view.caseId)));
  }

  /** What the customer's signed page shows: the newest offer sent on the case, or null. */
  async function viewForCustomer(options: { slug: string; token: string }) {
    const workspace = await findWorkspaceBySlug(db, options.slug);
    if (!workspace) return null;
    const grant = readGrant(secrets, options.token, {
      purpose: 'offer',
      workspaceId: workspace.id,
      now: clock.now(),
    });
    if (!grant) return { workspace, offer: null, language: null };
    const found = await findLatestSentOffer(db, workspace.id, grant.caseId);
    if (!found) return { workspace, offer: null, language: null };
    const offer = await db.transaction(async (tx) => {
      const locked = await lockOffer(tx, workspace.id, found.id);
      return locked ? expireIfDue(tx, locked, clock.now()) : found;
    });
    const caseRow = await findCaseById(db, workspace.id, offer.caseId);
    return {
      workspace,
      offer,
      language: caseRow ? customerLanguageOf(caseRow, workspace) : null,
    };
  }

  return {
    /** Makes an offer; it goes to the customer at once unless a compensation waits for approval. */
    async create(options: { actor: Actor; referenceNumber: string; input: CreateOfferRequest }) {
      const { actor, input } = options;
      assertCan(actor.role, 'case:write');
      const now = clock.now();
      const offer = await db.transaction(async (tx) => {
        const caseRow = await lockCaseByReference(
          tx,
          actor.workspace.id,
          options.referenceNumber.toUpperCase(),
        );
        if (!caseRow) throw caseNotFound(options.referenceNumber);
        const workspace = await workspaceOf(tx, actor.workspace.id);
        const policy = policyOfWorkspace(workspace);
        for (const [index, option] of input.options.entries())
          assertAllowed(policy, option, `options.${index}.`);
        const stored: StoredOption[] = input.options.map((option, index) => {
          const isMonetary = isMonetaryCompensationType(option.type);
          return {
            id: String(index + 1) as StoredOption['id'],
            type: option.type,
            amount: isMonetary ? (option.amount ?? null) : null,
            currency: isMonetary ? (option.currency ?? null) : null,
            description: option.description,
            plan: option.plan,
          };
        });
        const created = await insertOffer(tx, {
          id: randomUUID(),
          workspaceId: caseRow.workspaceId,
          caseId: caseRow.id,
          status: 'pending_approval',
          message: input.message,
          options: stored,
          createdBy: actor.userId,
          createdAt: now,
          expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
        });
        const compensations = await requestCompensations(tx, {
          caseRow,
          workspace,
          requester: { userId: actor.userId, role: actor.role },
          items: stored
            .filter((option) => isMonetaryCompensationType(option.type))
            .map((option) => ({
              type: option.type,
              amount: option.amount,
              currency: option.currency,
              reason: option.description,
              offerId: created.id,
              optionId: option.id,
            })),
          isGivenAtOnce: false,
          now,
        });
        const isWaiting = compensations.some((row) => row.status === 'pending_approval');
        const changes = {
          offerId: created.id,
          options: stored.map(({ id, type, amount, currency }) => ({ id, type, amount, currency })),
          isWaitingForApproval: isWaiting,
        };
        await caseEvent(tx, caseRow, { type: 'offer.created', actor: actorStep(actor), changes, now });
        await recordRequested(tx, { caseRow, rows: compensations, actor: actorStep(actor), now });
        await audit(tx, {
          workspaceId: caseRow.workspaceId,
          actorUserId: actor.userId,
          action: 'offer.created',
          subjectType: 'solution_offer',
          subjectId: created.id,
          details: changes,
          now,
        });
        const result = isWaiting
          ? created
          : await sendOffer(tx, {
              offer: created,
              caseRow,
              workspace,
              url: urlFor(workspace, caseRow.id),
              now,
              mailDomain: config.mailDomain,
            });
        await announceCaseUpdated(tx, caseRow);
        return result;
      });
      const [shown] = await present(actor, [offer]);
      return shown!;
    },

    /** A case's offers, newest first (a sent offer past its expiry reads as expired). */
    async list(options: { actor: Actor; referenceNumber: string }) {
      const { actor } = options;
      assertCan(actor.role, 'case:read');
      const caseRow = await readCase(db, actor, options.referenceNumber);
      const now = clock.now();
      await db.transaction(async (tx) => {
        for (const view of await listOffersOfCase(tx, actor.workspace.id, caseRow.id)) {
          if (view.status !== 'sent' || !view.expiresAt || view.expiresAt > now) continue;
          const locked = await lockOffer(tx, actor.workspace.id, view.id);
          if (locked) await expireIfDue(tx, locked, now);
        }
      });
      const views = await listOffersOfCase(db, actor.workspace.id, caseRow.id);
      const compensations = await listCompensationsOfOffers(
        db,
        actor.workspace.id,
        views.map((view) => view.id),
      );
      return {
        items: views.map((view) => publicOffer(view, compensations, urlFor(actor.workspace, caseRow.id))),
      };
    },

    /** Takes back an offer not yet chosen: its compensations are cancelled. */
    async withdraw(options: { actor: Actor; id: string }) {
      const { actor } = options;
      assertCan(actor.role, 'case:write');
      const now = clock.now();
      const offer = await db.transaction(async (tx) => {
        const locked = await lockOffer(tx, actor.workspace.id, options.id);
        if (!locked) throw offerNotFound();
        const current = await expireIfDue(tx, locked, now);
        if (current.status !== 'sent' && current.status !== 'pending_approval')
          throw new AppError('conflict', {
            en: `This offer is ${current.status.replace('_', ' ')}; only a waiting or sent offer can be withdrawn.`,
            ar: `هذا العرض في حالة «${current.status}»؛ لا يُسحب إلا عرض منتظر أو مُرسل.`,
          });
        const caseRow = await findCaseById(tx, actor.workspace.id, current.caseId);
        if (!caseRow) throw offerNotFound();
        const withdrawn = await updateOffer(tx, actor.workspace.id, current.id, { status: 'withdrawn' });
        await cancelOpenCompensations(tx, {
          workspaceId: actor.workspace.id,
          offerId: current.id,
          now,
          actor: actorStep(actor),
          caseRow,
        });
        await caseEvent(tx, caseRow, {
          type: 'offer.withdrawn',
          actor: actorStep(actor),
          changes: { offerId: current.id },
          now,
        });
        await audit(tx, {
          workspaceId: actor.workspace.id,
          actorUserId: actor.userId,
          action: 'offer.withdrawn',
          subjectType: 'solution_offer',
          subjectId: current.id,
          details: { previousStatus: current.status },
          now,
        });
        await announceCaseUpdated(tx, caseRow);
        return withdrawn;
      });
      const [shown] = await present(actor, [offer]);
      return shown!;
    },

    /** Records a choice the customer made by phone or in person (chosen_via 'agent'). */
    async chooseForCustomer(options: { actor: Actor; id: string; optionId: string }) {
      const { actor } = options;
      assertCan(actor.role, 'case:write');
      const result = await db.transaction((tx) =>
        chooseOffer(tx, {
          workspaceId: actor.workspace.id,
          offerId: options.id,
          optionId: options.optionId,
          via: 'agent',
          actor: actorStep(actor),
          now: clock.now(),
        }),
      );
      if (!result.offer) throw offerNotFound();
      if (result.outcome === 'unknown_option')
        throw new AppError('validation_failed', {
          en: `This offer has no option ${options.optionId}.`,
          ar: `لا يحتوي هذا العرض على الخيار ${options.optionId}.`,
        });
      if (result.outcome !== 'chosen') throw notOpen(result.offer.status);
      const [shown] = await present(actor, [result.offer]);
      return shown!;
    },

    /**
     * The ButtonAnswerHandler for kind 'offer': a press in the offer's own conversation chooses the
     * option; a press from another conversation is ignored; a second press changes nothing.
     */
    async answerByButton(answer: ButtonAnswer) {
      const offer = await findOffer(db, answer.workspaceId, answer.subjectId);
      if (!offer) return null;
      const caseRow = await findCaseById(db, answer.workspaceId, offer.caseId);
      if (!isPressOnCase(caseRow, answer)) return null;
      const result = await db.transaction((tx) =>
        chooseOffer(tx, {
          workspaceId: answer.workspaceId,
          offerId: offer.id,
          optionId: answer.choice,
          via: 'button',
          actor: CUSTOMER,
          now: clock.now(),
        }),
      );
      const option = optionsOf(offer).find((candidate) => candidate.id === answer.choice);
      return choiceReply(result.outcome, option);
    },

    viewForCustomer,

    /** The customer chose on the signed page. */
    async chooseOnPage(options: { slug: string; token: string; offerId: string; optionId: string }) {
      const view = await viewForCustomer(options);
      if (!view?.offer || view.offer.id !== options.offerId) return null;
      const offer = view.offer;
      return db.transaction((tx) =>
        chooseOffer(tx, {
          workspaceId: offer.workspaceId,
          offerId: offer.id,
          optionId: options.optionId,
          via: 'web',
          actor: CUSTOMER,
          now: clock.now(),
        }),
      );
    },
  };
}

export type OfferService = ReturnType<typeof createOfferService>;
