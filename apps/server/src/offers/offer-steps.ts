// What happens to an offer inside one transaction: sent to the customer (text, buttons, signed
// link), chosen (compensation given, the plan started), expired. Shared by the offer service, the
// approvals (an approved offer goes out) and the public page.
import type { CompensationType, Offer, OfferStatus } from '@sada/contracts';
import { AppError } from '@sada/core';
import {
  announceCaseUpdated,
  appendPlanSteps,
  type CaseRow,
  type CompensationRecord,
  type Executor,
  findCaseById,
  listCompensationsOfOffer,
  lockCaseById,
  lockOffer,
  type OfferRecord,
  type OfferView,
  updateCompensation,
  updateOffer,
  type WorkspaceRow,
} from '@sada/db';
import { canShowButtons, customerLanguageOf, sendAutomaticMessage } from '../channels/automatic-message.ts';
import { buttonPayload } from '../channels/button-answers.ts';
import { audit, caseEvent, notifyUser, type StepActor } from '../compensation/compensation-steps.ts';

/** An option as solution_offer.options stores it. */
export type StoredOption = {
  id: '1' | '2' | '3';
  type: CompensationType;
  amount: number | null;
  currency: string | null;
  description: string;
  plan: { title: string; dueInDays: number; isCustomerVisible: boolean }[];
};

export const SADA: StepActor = { userId: null, label: 'Sada' };
export const CUSTOMER: StepActor = { userId: null, label: 'Customer' };
const DAY_MS = 86_400_000;

export const optionsOf = (offer: OfferRecord) => offer.options as StoredOption[];

const TYPE_NAMES: Record<CompensationType, { en: string; ar: string }> = {
  refund: { en: 'Refund', ar: 'استرداد المبلغ' },
  replacement: { en: 'Replacement', ar: 'استبدال' },
  discount: { en: 'Discount', ar: 'خصم' },
  voucher: { en: 'Voucher', ar: 'قسيمة' },
  repair: { en: 'Repair', ar: 'إصلاح' },
  apology: { en: 'Formal apology', ar: 'اعتذار رسمي' },
  service_credit: { en: 'Service credit', ar: 'رصيد خدمة' },
  explanation: { en: 'Explanation', ar: 'توضيح' },
};

export function typeName(type: CompensationType, language: 'ar' | 'en'): string {
  return TYPE_NAMES[type][language];
}

/** "Refund: 150 SAR — we return the price" in the customer's language. */
export function optionText(option: StoredOption, language: 'ar' | 'en'): string {
  const amount =
    option.amount !== null && option.currency
      ? ` ${new Intl.NumberFormat(language === 'ar' ? 'ar-u-nu-latn' : 'en', { maximumFractionDigits: 2 }).format(option.amount)} ${option.currency}`
      : '';
  return `${typeName(option.type, language)}${amount}: ${option.description}`;
}

/** A button's title: Telegram and WhatsApp cut long ones, so at most 20 characters. */
export function buttonTitle(option: StoredOption, language: 'ar' | 'en'): string {
  const text = `${option.id}. ${typeName(option.type, language)}`;
  return text.length <= 20 ? text : `${text.slice(0, 19)}…`;
}

function offerBody(input: {
  offer: OfferRecord;
  language: 'ar' | 'en';
  url: string;
  expiresAt: Date;
  timeZone: string;
}): string {
  const { offer, language } = input;
  const until = new Intl.DateTimeFormat(language === 'ar' ? 'ar-u-nu-latn' : 'en-GB', {
    dateStyle: 'full',
    timeZone: input.timeZone,
  }).format(input.expiresAt);
  const lines = optionsOf(offer).map((option) => `${option.id}. ${optionText(option, language)}`);
  const intro =
    language === 'ar'
      ? 'نقترح عليك الخيارات التالية، اختر ما يناسبك:'
      : 'We can offer you these options; please choose one:';
  const link = language === 'ar' ? `اختر من هنا: ${input.url}` : `Choose here: ${input.url}`;
  const open = language === 'ar' ? `العرض متاح حتى ${until}.` : `This offer is open until ${until}.`;
  return [offer.message, intro, ...lines, '', link, open]
    .filter((line, index) => index > 0 || line)
    .join('\n');
}

/**
 * Sends an offer to the customer on the case's channel (buttons where it has them, always the
 * signed link) and marks it sent; its expiry counts from now. The case must be locked.
 */
export async function sendOffer(
  tx: Executor,
  input: {
    offer: OfferRecord;
    caseRow: CaseRow;
    workspace: WorkspaceRow;
    url: string;
    now: Date;
    mailDomain: string;
  },
): Promise<OfferRecord> {
  const { offer, caseRow, workspace, now } = input;
  const lifetime =
    (offer.expiresAt?.getTime() ?? offer.createdAt.getTime() + 7 * DAY_MS) - offer.createdAt.getTime();
  const expiresAt = new Date(now.getTime() + lifetime);
  const language = customerLanguageOf(caseRow, workspace);
  const options = optionsOf(offer);
  await sendAutomaticMessage(tx, {
    caseRow,
    body: offerBody({ offer, language, url: input.url, expiresAt, timeZone: workspace.timeZone }),
    subject:
      language === 'ar'
        ? `عرض حل لطلبك ${caseRow.referenceNumber}`
        : `A solution for ${caseRow.referenceNumber}`,
    ...(canShowButtons(caseRow) && {
      buttons: options.map((option) => ({
        title: buttonTitle(option, language),
        payload: buttonPayload('offer', offer.id, option.id),
      })),
    }),
    label: SADA.label,
    now,
    mailDomain: input.mailDomain,
  });
  const sent = await updateOffer(tx, offer.workspaceId, offer.id, { status: 'sent', sentAt: now, expiresAt });
  await caseEvent(tx, caseRow, {
    type: 'offer.sent',
    actor: SADA,
    changes: { offerId: offer.id, expiresAt, language },
    now,
  });
  return sent;
}

/** Cancels the offer's compensations still waiting or approved (not given). */
export async function cancelOpenCompensations(
  tx: Executor,
  input: {
    workspaceId: string;
    offerId: string;
    except?: string;
    now: Date;
    actor: StepActor;
    caseRow: CaseRow;
  },
) {
  const rows = await listCompensationsOfOffer(tx, input.workspaceId, input.offerId);
  for (const row of rows) {
    if (row.id === input.except || (row.status !== 'pending_approval' && row.status !== 'approved')) continue;
    await updateCompensation(tx, input.workspaceId, row.id, { status: 'cancelled' });
    await caseEvent(tx, input.caseRow, {
      type: 'compensation.cancelled',
      actor: input.actor,
      changes: { compensationId: row.id, offerId: input.offerId, optionId: row.optionId },
      now: input.now,
    });
  }
}

/** Marks a sent offer past its expiry as expired (lazily, when it is read or answered). */
export async function expireIfDue(tx: Executor, offer: OfferRecord, now: Date): Promise<OfferRecord> {
  if (offer.status !== 'sent' || !offer.expiresAt || offer.expiresAt > now) return offer;
  const caseRow = await findCaseById(tx, offer.workspaceId, offer.caseId);
  const expired = await updateOffer(tx, offer.workspaceId, offer.id, { status: 'expired' });
  if (caseRow) {
    await cancelOpenCompensations(tx, {
      workspaceId: offer.workspaceId,
      offerId: offer.id,
      now,
      actor: SADA,
      caseRow,
    });
    await caseEvent(tx, caseRow, { type: 'offer.expired', actor: SADA, changes: { offerId: offer.id }, now });
  }
  return expired;
}

export type ChoiceOutcome = 'chosen' | 'already_chosen' | 'expired' | 'not_open' | 'unknown_option';

/**
 * Records the customer's choice on a sent, unexpired offer, once: the chosen option's compensation is
 * given, the others cancelled, the option's plan appended to the case's plan, the creator notified.
 * A second choice (a retried webhook, a second press) changes nothing and says so.
 */
export async function chooseOffer(
  tx: Executor,
  input: {
    workspaceId: string;
    offerId: string;
    optionId: string;
    via: 'button' | 'web' | 'agent';
    actor: StepActor;
    now: Date;
  },
): Promise<{ outcome: ChoiceOutcome; offer: OfferRecord | undefined }> {
  const { workspaceId, now, actor } = input;
  const locked = await lockOffer(tx, workspaceId, input.offerId);
  if (!locked) return { outcome: 'not_open', offer: undefined };
  const offer = await expireIfDue(tx, locked, now);
  if (offer.status === 'chosen') return { outcome: 'already_chosen', offer };
  if (offer.status === 'expired') return { outcome: 'expired', offer };
  if (offer.status !== 'sent') return { outcome: 'not_open', offer };
  const option = optionsOf(offer).find((candidate) => candidate.id === input.optionId);
  if (!option) return { outcome: 'unknown_option', offer };
  const caseRow = await lockCaseById(tx, workspaceId, offer.caseId);
  if (!caseRow) return { outcome: 'not_open', offer };
  const chosen = await updateOffer(tx, workspaceId, offer.id, {
    status: 'chosen',
    chosenOptionId: option.id,
    chosenAt: now,
    chosenVia: input.via,
  });
  const compensations = await listCompensationsOfOffer(tx, workspaceId, offer.id);
  const given = compensations.find((row) => row.optionId === option.id && row.status === 'approved');
  if (given) {
    await updateCompensation(tx, workspaceId, given.id, { status: 'given', givenAt: now });
    await caseEvent(tx, caseRow, {
      type: 'compensation.given',
      actor,
      changes: { compensationId: given.id, type: given.type, amount: given.amount, currency: given.currency },
      now,
    });
  }
  await cancelOpenCompensations(tx, {
    workspaceId,
    offerId: offer.id,
    ...(given && { except: given.id }),
    now,
    actor,
    caseRow,
  });
  const steps = await appendPlanSteps(
    tx,
    workspaceId,
    caseRow.id,
    option.plan.map((step) => ({
      title: step.title,
      dueAt: new Date(now.getTime() + step.dueInDays * DAY_MS),
      isCustomerVisible: step.isCustomerVisible,
      ownerUserId: caseRow.assigneeId,
      ownerTeamId: caseRow.teamId,
      offerId: offer.id,
      createdBy: offer.createdBy,
    })),
    now,
  );
  for (const step of steps) {
    await caseEvent(tx, caseRow, {
      type: 'plan.step_added',
      actor,
      changes: { stepId: step.id, title: step.title, dueAt: step.dueAt, offerId: offer.id },
      now,
    });
  }
  const changes = { offerId: offer.id, optionId: option.id, via: input.via, type: option.type };
  await caseEvent(tx, caseRow, { type: 'offer.chosen', actor, changes, now });
  await audit(tx, {
    workspaceId,
    actorUserId: actor.userId,
    action: 'offer.chosen',
    subjectType: 'solution_offer',
    subjectId: offer.id,
    details: changes,
    now,
  });
  if (offer.createdBy !== actor.userId) {
    await notifyUser(tx, {
      workspaceId,
      userId: offer.createdBy,
      caseId: caseRow.id,
      type: 'offer.chosen',
      actorUserId: actor.userId,
      now,
    });
  }
  await announceCaseUpdated(tx, caseRow);
  return { outcome: 'chosen', offer: chosen };
}

/** The offer as the API shows it. */
export function publicOffer(view: OfferView, compensations: CompensationRecord[], url: string): Offer {
  const statusOf = (optionId: string) =>
    compensations.find((row) => row.offerId === view.id && row.optionId === optionId)?.status ?? null;
  return {
    id: view.id,
    caseId: view.caseId,
    status: view.status as OfferStatus,
    message: view.message,
    options: optionsOf(view).map((option) => ({
      ...option,
      compensationStatus: statusOf(option.id) as Offer['options'][number]['compensationStatus'],
    })),
    chosenOptionId: view.chosenOptionId as Offer['chosenOptionId'],
    chosenAt: view.chosenAt,
    chosenVia: view.chosenVia as Offer['chosenVia'],
    createdBy: { id: view.createdBy, name: view.createdByName },
    createdAt: view.createdAt,
    sentAt: view.sentAt,
    expiresAt: view.expiresAt,
    url,
  };
}

export const offerNotFound = () =>
  new AppError('not_found', {
    en: 'No offer with this id in this workspace.',
    ar: 'لا يوجد عرض بهذا المعرّف في مساحة العمل هذه.',
  });
