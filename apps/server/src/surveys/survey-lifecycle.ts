// A satisfaction survey's life, inside the caller's transaction: scheduled when a case is resolved,
// cancelled when it is reopened before going out, sent on the case's channel (rating buttons where
// the platform has them, always the signed link), answered once, expired (closing the case).
import { randomUUID } from 'node:crypto';
import type { CaseSurvey } from '@sada/contracts';
import type { CaseStatus } from '@sada/core';
import {
  announce,
  announceCaseUpdated,
  type CaseRow,
  type Executor,
  findActiveSurveyOfCase,
  findLatestSurveyOfCase,
  findWorkspaceById,
  insertCaseEvent,
  insertNotifications,
  insertSurvey,
  listSupervisorsFor,
  lockCaseById,
  type SurveyRow,
  updateCaseRow,
  updateSurvey,
  type WorkspaceRow,
} from '@sada/db';
import { recordMessage } from '../cases/case.service.ts';
import { canShowButtons, customerLanguageOf, sendAutomaticMessage } from '../channels/automatic-message.ts';
import { buttonPayload } from '../channels/button-answers.ts';
import { grantFor } from '../channels/signed-token.ts';
import type { Config } from '../config.ts';
import { createSecretBox, type SecretBox } from '../secrets/secret-box.ts';
import { syncCaseSla } from '../sla/sla-sync.ts';
import { surveySettingsOf } from './survey-settings.ts';

/** Who the timeline says did it. */
export const SURVEY_LABEL = 'Sada survey';

const DAY_MS = 86_400_000;

export type SurveyDeps = {
  config: Pick<Config, 'publicUrl' | 'mailDomain' | 'secretKey'>;
  secrets: SecretBox;
};

const boxes = new WeakMap<object, SecretBox>();
/** The secret box of a configuration (the case service has the configuration, not the box). */
export function surveyDepsOf(config: SurveyDeps['config']): SurveyDeps {
  let secrets = boxes.get(config);
  if (!secrets) {
    secrets = createSecretBox(config.secretKey);
    boxes.set(config, secrets);
  }
  return { config, secrets };
}

/** The public survey page of a case; the token dates from when the survey went out, so it stays the same. */
export function surveyUrl(
  deps: SurveyDeps,
  workspace: { id: string; slug: string },
  survey: Pick<SurveyRow, 'caseId' | 'sentAt' | 'createdAt'>,
): string {
  const token = grantFor(
    deps.secrets,
    'survey',
    workspace.id,
    survey.caseId,
    survey.sentAt ?? survey.createdAt,
  );
  return `${deps.config.publicUrl}/w/${encodeURIComponent(workspace.slug)}/survey/${token}`;
}

const RATING_TITLES = {
  en: ['Very poor', 'Poor', 'Okay', 'Good', 'Excellent'],
  ar: ['سيئ جدًا', 'ضعيف', 'مقبول', 'جيد', 'ممتاز'],
} as const;

/** "5 ★ Excellent": a rating's button title in the customer's language. */
export function ratingTitle(rating: number, language: 'ar' | 'en'): string {
  return `${rating} ★ ${RATING_TITLES[language][rating - 1] ?? ''}`.trim();
}

function surveyText(input: { language: 'ar' | 'en'; reference: string; url: string; hasButtons: boolean }) {
  const { reference, url } = input;
  if (input.language === 'ar') {
    return {
      subject: `كيف كانت خدمتنا؟ (${reference})`,
      body: `شكرًا لتواصلك معنا بخصوص الطلب ${reference}. كيف تقيّم تجربتك من 1 إلى 5؟${input.hasButtons ? ' اختر تقييمك من الأزرار،' : ''} أو أجب عبر هذا الرابط: ${url}`,
    };
  }
  return {
    subject: `How did we do? (${reference})`,
    body: `Thank you for contacting us about ${reference}. How would you rate your experience from 1 to 5?${input.hasButtons ? ' Choose a button below,' : ''} or answer at this link: ${url}`,
  };
}

async function caseEvent(
  tx: Executor,
  row: CaseRow,
  type: Parameters<typeof insertCaseEvent>[1]['type'],
  changes: Record<string, unknown>,
  now: Date,
) {
  await insertCaseEvent(tx, {
    workspaceId: row.workspaceId,
    caseId: row.id,
    type,
    actorUserId: null,
    actorLabel: SURVEY_LABEL,
    changes,
    createdAt: now,
  });
}

/**
 * Sends a scheduled survey on its case's channel, or cancels it when the case is no longer resolved
 * or closed. The case is locked here.
 */
export async function sendSurvey(tx: Executor, deps: SurveyDeps, survey: SurveyRow, now: Date) {
  const caseRow = await lockCaseById(tx, survey.workspaceId, survey.caseId);
  const workspace = await findWorkspaceById(tx, survey.workspaceId);
  if (!caseRow || !workspace) return updateSurvey(tx, survey.id, { status: 'cancelled' });
  if (caseRow.status !== 'resolved' && caseRow.status !== 'closed') {
    return updateSurvey(tx, survey.id, { status: 'cancelled' });
  }
  const settings = surveySettingsOf(workspace.followUpSettings);
  const language = customerLanguageOf(caseRow, workspace);
  const url = surveyUrl(deps, workspace, { ...survey, sentAt: now });
  const hasButtons = canShowButtons(caseRow);
  const text = surveyText({ language, reference: caseRow.referenceNumber, url, hasButtons });
  const message = await sendAutomaticMessage(tx, {
    caseRow,
    body: text.body,
    subject: caseRow.channel === 'email' ? `Re: ${caseRow.subject}` : text.subject,
    ...(hasButtons && {
      buttons: [5, 4, 3, 2, 1].map((rating) => ({
        title: ratingTitle(rating, language),
        payload: buttonPayload('survey', survey.id, String(rating)),
      })),
    }),
    buttonsLabel: language === 'ar' ? 'قيّمنا' : 'Rate us',
    label: SURVEY_LABEL,
    now,
    mailDomain: deps.config.mailDomain,
  });
  const sent = await updateSurvey(tx, survey.id, {
    status: 'sent',
    sentAt: now,
    expiresAt: new Date(now.getTime() + settings.expireAfterDays * DAY_MS),
  });
  await caseEvent(
    tx,
    caseRow,
    'survey.sent',
    { surveyId: survey.id, hasButtons, messageId: message?.id ?? null, language },
    now,
  );
  await announceCaseUpdated(tx, caseRow);
  return sent;
}

/**
 * What a case's status change means for its survey: resolving schedules one (sent at once when the
 * delay is 0); leaving resolved or closed for an open state cancels one not yet sent.
 */
export async function afterCaseStatusChange(
  tx: Executor,
  deps: SurveyDeps,
  input: { from: CaseStatus; row: CaseRow; now: Date },
) {
  const { from, row, now } = input;
  const to = row.status as CaseStatus;
  if (to === 'resolved' && from !== 'resolved') return scheduleSurvey(tx, deps, row, now);
  if (to === 'resolved' || to === 'closed') return;
  const active = await findActiveSurveyOfCase(tx, row.workspaceId, row.id);
  if (active?.status === 'scheduled') await updateSurvey(tx, active.id, { status: 'cancelled' });
}

async function scheduleSurvey(tx: Executor, deps: SurveyDeps, row: CaseRow, now: Date) {
  const workspace = await findWorkspaceById(tx, row.workspaceId);
  if (!workspace) return;
  const settings = surveySettingsOf(workspace.followUpSettings);
  const active = await findActiveSurveyOfCase(tx, row.workspaceId, row.id);
  if (active?.status === 'scheduled') return;
  // A survey from an earlier resolution that got no answer gives way to this one.
  if (active) await updateSurvey(tx, active.id, { status: 'expired' });
  const survey = await insertSurvey(tx, {
    id: randomUUID(),
    workspaceId: row.workspaceId,
    caseId: row.id,
    customerId: row.customerId,
    assigneeId: row.assigneeId,
    teamId: row.teamId,
    channel: row.channel,
    status: 'scheduled',
    sendAt: new Date(now.getTime() + settings.delayMinutes * 60_000),
    createdAt: now,
  });
  if (settings.delayMinutes === 0) await sendSurvey(tx, deps, survey, now);
}

/** Expires a sent survey nobody answered; its case, still resolved, is closed. */
export async function expireSurvey(tx: Executor, survey: SurveyRow, now: Date) {
  await updateSurvey(tx, survey.id, { status: 'expired' });
  const caseRow = await lockCaseById(tx, survey.workspaceId, survey.caseId);
  if (!caseRow) return;
  const isClosing = caseRow.status === 'resolved';
  await caseEvent(tx, caseRow, 'survey.expired', { surveyId: survey.id, isCaseClosed: isClosing }, now);
  if (!isClosing) return;
  const closed = await updateCaseRow(tx, caseRow.id, { status: 'closed', closedAt: now, updatedAt: now });
  await caseEvent(
    tx,
    caseRow,
    'case.status_changed',
    { status: { before: 'resolved', after: 'closed' }, reason: 'survey.expired' },
    now,
  );
  await syncCaseSla(tx, closed, now);
  await announceCaseUpdated(tx, closed);
}

async function notify(tx: Executor, row: CaseRow, userIds: string[], messageId: string | null, now: Date) {
  const rows = await insertNotifications(
    tx,
    [...new Set(userIds)].map((userId) => ({
      id: randomUUID(),
      workspaceId: row.workspaceId,
      userId,
      type: 'survey.low_score',
      caseId: row.id,
      messageId,
      createdAt: now,
    })),
  );
  for (const item of rows) {
    await announce(tx, {
      workspaceId: item.workspaceId,
      userId: item.userId,
      type: 'notification.created',
      notificationId: item.id,
    });
  }
}

/** A private note with the score and the comment, so the notification and the thread show them. */
async function lowScoreNote(tx: Executor, row: CaseRow, survey: SurveyRow, now: Date) {
  const comment = survey.comment?.trim();
  const recorded = await recordMessage(tx, row, {
    author: { userId: null, label: SURVEY_LABEL },
    direction: 'note',
    visibility: 'private',
    body: `${comment ? `«${comment}» — ` : ''}${survey.rating}/5 · تقييم منخفض في استبيان الرضا / low satisfaction score`,
    attachments: [],
    isAutomatic: true,
    now,
  });
  return recorded ?? null;
}

/**
 * Stores an answer on a locked survey (status scheduled or sent) and acts on a low score: the case
 * reopens (the assignee and the supervisors told, with the comment) or the supervisors are alerted.
 */
export async function recordAnswer(
  tx: Executor,
  input: {
    survey: SurveyRow;
    workspace: WorkspaceRow;
    rating: number;
    nps: number | null;
    comment: string | null;
    via: 'button' | 'web';
    now: Date;
  },
) {
  const { workspace, now } = input;
  const answered = await updateSurvey(tx, input.survey.id, {
    status: 'answered',
    rating: input.rating,
    nps: input.nps,
    comment: input.comment,
    answeredVia: input.via,
    answeredAt: now,
  });
  const caseRow = await lockCaseById(tx, workspace.id, answered.caseId);
  if (!caseRow) return answered;
  await caseEvent(
    tx,
    caseRow,
    'survey.answered',
    {
      surveyId: answered.id,
      rating: answered.rating,
      nps: answered.nps,
      comment: answered.comment,
      via: input.via,
    },
    now,
  );
  const settings = surveySettingsOf(workspace.followUpSettings);
  if (input.rating <= settings.lowScoreThreshold)
    await actOnLowScore(tx, caseRow, answered, settings.lowScoreAction, now);
  else await announceCaseUpdated(tx, caseRow);
  return answered;
}

async function actOnLowScore(
  tx: Executor,
  caseRow: CaseRow,
  survey: SurveyRow,
  action: 'reopen' | 'alert',
  now: Date,
) {
  const from = caseRow.status as CaseStatus;
  const isReopening = action === 'reopen' && (from === 'resolved' || from === 'closed');
  await caseEvent(
    tx,
    caseRow,
    'survey.low_score',
    { surveyId: survey.id, rating: survey.rating, comment: survey.comment, action, isReopened: isReopening },
    now,
  );
  const noted = await lowScoreNote(tx, caseRow, survey, now);
  let row = noted?.row ?? caseRow;
  if (isReopening) {
    row = await updateCaseRow(tx, row.id, {
      status: 'open',
      resolvedAt: null,
      closedAt: null,
      updatedAt: now,
    });
    await caseEvent(
      tx,
      row,
      'case.status_changed',
      {
        status: { before: from, after: 'open' },
        reason: 'survey.low_score',
        isReopen: true,
        rating: survey.rating,
      },
      now,
    );
    await syncCaseSla(tx, row, now);
  }
  const supervisors = await listSupervisorsFor(tx, row.workspaceId, row.teamId);
  const people = action === 'reopen' && row.assigneeId ? [row.assigneeId, ...supervisors] : supervisors;
  await notify(tx, row, people, noted?.message.id ?? null, now);
  await announceCaseUpdated(tx, row);
}

/** A comment added after a button rating; a low score tells the same people again, with the words. */
export async function recordLateComment(
  tx: Executor,
  input: { survey: SurveyRow; workspace: WorkspaceRow; comment: string; now: Date },
) {
  const { workspace, now } = input;
  const survey = await updateSurvey(tx, input.survey.id, { comment: input.comment });
  const caseRow = await lockCaseById(tx, workspace.id, survey.caseId);
  if (!caseRow) return survey;
  await caseEvent(
    tx,
    caseRow,
    'survey.answered',
    { surveyId: survey.id, comment: survey.comment, via: 'web' },
    now,
  );
  const settings = surveySettingsOf(workspace.followUpSettings);
  if ((survey.rating ?? 5) <= settings.lowScoreThreshold) {
    const noted = await lowScoreNote(tx, caseRow, survey, now);
    const supervisors = await listSupervisorsFor(tx, caseRow.workspaceId, caseRow.teamId);
    const people = caseRow.assigneeId ? [caseRow.assigneeId, ...supervisors] : supervisors;
    await notify(tx, noted?.row ?? caseRow, people, noted?.message.id ?? null, now);
  }
  await announceCaseUpdated(tx, caseRow);
  return survey;
}

/** The latest survey of a case as the case page shows it; null before the case was first resolved. */
export async function caseSurveyOf(
  executor: Executor,
  deps: SurveyDeps,
  input: { workspace: { id: string; slug: string }; caseId: string },
): Promise<CaseSurvey | null> {
  const survey = await findLatestSurveyOfCase(executor, input.workspace.id, input.caseId);
  if (!survey) return null;
  return {
    status: survey.status as CaseSurvey['status'],
    url: surveyUrl(deps, input.workspace, survey),
    rating: survey.rating,
    nps: survey.nps,
    comment: survey.comment,
    sendAt: survey.sendAt,
    sentAt: survey.sentAt,
    answeredAt: survey.answeredAt,
    answeredVia: survey.answeredVia as CaseSurvey['answeredVia'],
  };
}
