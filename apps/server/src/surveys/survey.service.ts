import type { FollowUpSettings, SurveySummary, UpdateFollowUpSettingsRequest } from '@sada/contracts';
import { AppError, assertCan, type Clock } from '@sada/core';
import {
  claimDueSurveys,
  claimExpiredSurveys,
  type Database,
  type Executor,
  findCaseById,
  findLatestSurveyOfCase,
  findWorkspaceById,
  findWorkspaceBySlug,
  insertAuditRecord,
  lockSurvey,
  lockWorkspace,
  type SurveyRow,
  setFollowUpSettings,
  summarizeSurveys,
  type WorkspaceRow,
} from '@sada/db';
import type { Actor } from '../auth/actor.ts';
import { customerLanguageOf } from '../channels/automatic-message.ts';
import { type ButtonAnswerHandler, isPressOnCase } from '../channels/button-answers.ts';
import { readGrant } from '../channels/signed-token.ts';
import type { Config } from '../config.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import {
  expireSurvey,
  recordAnswer,
  recordLateComment,
  type SurveyDeps,
  sendSurvey,
  surveyUrl,
} from './survey-lifecycle.ts';
import { surveySettingsOf } from './survey-settings.ts';

const BATCH = 50;

const workspaceGone = () =>
  new AppError('not_found', { en: 'This workspace no longer exists.', ar: 'مساحة العمل هذه لم تعد موجودة.' });

/** What the public survey page shows for a signed link. */
export type SurveyPageView = {
  workspace: { slug: string; name: string };
  language: 'ar' | 'en';
  reference: string;
  askNps: boolean;
  survey: Pick<SurveyRow, 'status' | 'rating' | 'nps' | 'comment' | 'answeredVia'>;
};

/** What a customer's answer did: stored, or why not. */
export type SurveyAnswerOutcome = 'answered' | 'comment_added' | 'already_answered' | 'closed';

export function createSurveyService(deps: {
  database: Database;
  clock: Clock;
  config: Config;
  secrets: SecretBox;
}) {
  const { database, clock } = deps;
  const db = database.orm;
  const surveyDeps: SurveyDeps = { config: deps.config, secrets: deps.secrets };

  /** The workspace and the case's latest survey a signed link reaches; unauthorized when it does not. */
  async function surveyOfToken(executor: Executor, slug: string, token: string, isLocked: boolean) {
    const workspace = await findWorkspaceBySlug(executor, slug);
    const grant =
      workspace &&
      readGrant(deps.secrets, token, { purpose: 'survey', workspaceId: workspace.id, now: clock.now() });
    const caseRow = workspace && grant ? await findCaseById(executor, workspace.id, grant.caseId) : undefined;
    const survey = caseRow
      ? await findLatestSurveyOfCase(executor, caseRow.workspaceId, caseRow.id, { isLocked })
      : undefined;
    if (!workspace || !caseRow || !survey) {
      throw new AppError('unauthorized', {
        en: 'This survey link is not valid or has expired.',
        ar: 'رابط الاستبيان هذا غير صالح أو انتهت صلاحيته.',
      });
    }
    return { workspace, caseRow, survey };
  }

  async function answer(
    executor: Executor,
    input: {
      workspace: WorkspaceRow;
      survey: SurveyRow;
      rating: number | null;
      nps: number | null;
      comment: string | null;
      via: 'button' | 'web';
    },
  ): Promise<SurveyAnswerOutcome> {
    const { workspace, survey, via } = input;
    const now = clock.now();
    if (survey.status === 'answered') {
      // After a button rating, the page takes the comment (once); anything else changes nothing.
      if (via === 'web' && survey.answeredVia === 'button' && !survey.comment && input.comment) {
        await recordLateComment(executor, { survey, workspace, comment: input.comment, now });
        return 'comment_added';
      }
      return 'already_answered';
    }
    if (survey.status !== 'scheduled' && survey.status !== 'sent') return 'closed';
    if (input.rating === null) return 'closed';
    await recordAnswer(executor, {
      survey,
      workspace,
      rating: input.rating,
      nps: input.nps,
      comment: input.comment,
      via,
      now,
    });
    return 'answered';
  }

  const answerByButton: ButtonAnswerHandler = async (press) => {
    const rating = Number(press.choice);
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) return null;
    return db.transaction(async (tx) => {
      const survey = await lockSurvey(tx, press.workspaceId, press.subjectId);
      if (!survey) return null;
      const caseRow = await findCaseById(tx, press.workspaceId, survey.caseId);
      const workspace = await findWorkspaceById(tx, press.workspaceId);
      // A payload copied from another person's chat is ignored.
      if (!workspace || !isPressOnCase(caseRow, press)) return null;
      const outcome = await answer(tx, {
        workspace,
        survey,
        rating,
        nps: null,
        comment: null,
        via: 'button',
      });
      if (outcome !== 'answered') return null;
      const url = surveyUrl(surveyDeps, workspace, survey);
      return {
        en: `Thank you for rating us ${rating} out of 5. Anything to add? Leave a comment here: ${url}`,
        ar: `شكرًا لتقييمك لنا ${rating} من 5. هل لديك ما تضيفه؟ اترك تعليقك هنا: ${url}`,
      };
    });
  };

  return {
    answerByButton,

    async settings(actor: Actor): Promise<FollowUpSettings> {
      assertCan(actor.role, 'followUp:read');
      const row = await findWorkspaceById(db, actor.workspace.id);
      if (!row) throw workspaceGone();
      return { survey: surveySettingsOf(row.followUpSettings) };
    },

    /** Deep-merges a partial change into the stored settings, with an audit record. */
    async updateSettings(options: { actor: Actor; changes: UpdateFollowUpSettingsRequest }) {
      const { actor, changes } = options;
      assertCan(actor.role, 'workspace:admin');
      return db.transaction(async (tx) => {
        const current = await lockWorkspace(tx, actor.workspace.id);
        if (!current) throw workspaceGone();
        const before = surveySettingsOf(current.followUpSettings);
        const survey = { ...before, ...changes.survey };
        await setFollowUpSettings(tx, current.id, { ...current.followUpSettings, survey });
        await insertAuditRecord(tx, {
          workspaceId: current.id,
          actorUserId: actor.userId,
          action: 'workspace.follow_up_changed',
          subjectType: 'workspace',
          subjectId: current.id,
          details: { survey: { before, after: survey } },
          createdAt: clock.now(),
        });
        return { survey };
      });
    },

    /** One batch of the job: sends the due surveys, then expires the unanswered. Returns how many. */
    async processDue(): Promise<number> {
      return db.transaction(async (tx) => {
        const now = clock.now();
        const due = await claimDueSurveys(tx, now, BATCH);
        for (const survey of due) await sendSurvey(tx, surveyDeps, survey, now);
        const expired = await claimExpiredSurveys(tx, now, BATCH);
        for (const survey of expired) await expireSurvey(tx, survey, now);
        return due.length + expired.length;
      });
    },

    /** The survey a signed link opens; unauthorized for a bad, expired or foreign link. */
    async viewByToken(o: { slug: string; token: string }): Promise<SurveyPageView> {
      const { workspace, caseRow, survey } = await surveyOfToken(db, o.slug, o.token, false);
      return {
        workspace: { slug: workspace.slug, name: workspace.name },
        language: customerLanguageOf(caseRow, workspace),
        reference: caseRow.referenceNumber,
        askNps: surveySettingsOf(workspace.followUpSettings).askNps,
        survey,
      };
    },

    /** The customer's answer from the public page (a valid rating; the page checks the form). */
    async answerByToken(o: {
      slug: string;
      token: string;
      rating: number | null;
      nps: number | null;
      comment: string | null;
    }): Promise<SurveyAnswerOutcome> {
      return db.transaction(async (tx) => {
        const { workspace, survey } = await surveyOfToken(tx, o.slug, o.token, true);
        return answer(tx, {
          workspace,
          survey,
          rating: o.rating,
          nps: o.nps,
          comment: o.comment,
          via: 'web',
        });
      });
    },

    /** CSAT by agent, team or channel of the surveys sent in the period. */
    async summary(options: {
      actor: Actor;
      query: { from?: string | undefined; to?: string | undefined; by: 'agent' | 'team' | 'channel' };
    }): Promise<SurveySummary> {
      const { actor, query } = options;
      assertCan(actor.role, 'analytics:read');
      const groups = await summarizeSurveys(db, {
        workspaceId: actor.workspace.id,
        from: query.from ? new Date(query.from) : null,
        to: query.to ? new Date(query.to) : null,
        by: query.by,
      });
      const percent = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;
      return {
        rows: groups.map((group) => ({
          key: group.key,
          label: group.label ?? '',
          sent: group.sent,
          answered: group.answered,
          responseRate: group.sent > 0 ? Math.round((group.answered / group.sent) * 1000) / 1000 : 0,
          averageRating: group.averageRating === null ? null : Math.round(group.averageRating * 100) / 100,
          csatPercent: group.answered > 0 ? percent(group.satisfied, group.answered) : null,
          nps:
            group.npsAnswers > 0
              ? Math.round(
                  percent(group.promoters, group.npsAnswers) - percent(group.detractors, group.npsAnswers),
                )
              : null,
        })),
      };
    },
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
