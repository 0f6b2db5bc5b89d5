import { z } from 'zod';
import { isoDate } from './common.ts';

/** How the satisfaction survey goes after a case is resolved (workspace.follow_up_settings.survey). */
export const surveySettings = z
  .object({
    delayMinutes: z
      .number()
      .int()
      .min(0)
      .max(43_200)
      .describe('Minutes between resolving a case and sending its survey; 0 sends at once'),
    lowScoreThreshold: z.number().int().min(1).max(4).describe('A rating at or below this is a low score'),
    lowScoreAction: z
      .enum(['reopen', 'alert'])
      .describe('reopen: the case goes back to open; alert: supervisors are told, the case stays'),
    expireAfterDays: z
      .number()
      .int()
      .min(1)
      .max(60)
      .describe('Days a sent survey waits for an answer; then it expires and the case closes'),
    askNps: z.boolean().describe('Also ask the 0–10 "would you recommend us" question'),
  })
  .meta({ id: 'SurveySettings' });
export type SurveySettings = z.infer<typeof surveySettings>;

export const DEFAULT_SURVEY_SETTINGS: SurveySettings = {
  delayMinutes: 1440,
  lowScoreThreshold: 2,
  lowScoreAction: 'reopen',
  expireAfterDays: 7,
  askNps: false,
};

/** The workspace's follow-up settings (GET /api/workspace/settings). */
export const followUpSettings = z.object({ survey: surveySettings }).meta({ id: 'FollowUpSettings' });
export type FollowUpSettings = z.infer<typeof followUpSettings>;

/** A partial change, deep-merged into the stored settings (PATCH /api/workspace/settings). */
export const updateFollowUpSettingsRequest = z.strictObject({
  survey: surveySettings.partial().strict().optional(),
});
export type UpdateFollowUpSettingsRequest = z.infer<typeof updateFollowUpSettingsRequest>;

export const SURVEY_STATUSES = ['scheduled', 'sent', 'answered', 'expired', 'cancelled'] as const;

/** The latest satisfaction survey of a case, as the case page shows it. */
export const caseSurvey = z
  .object({
    status: z.enum(SURVEY_STATUSES),
    /** The public survey page (a signed link the customer gets). */
    url: z.string(),
    rating: z.number().int().nullable(),
    nps: z.number().int().nullable(),
    comment: z.string().nullable(),
    sendAt: z.date(),
    sentAt: z.date().nullable(),
    answeredAt: z.date().nullable(),
    answeredVia: z.enum(['button', 'web']).nullable(),
  })
  .meta({ id: 'CaseSurvey' });
export type CaseSurvey = z.infer<typeof caseSurvey>;

export const surveySummaryQuery = z.strictObject({
  from: isoDate.optional().describe('Surveys sent at or after this instant'),
  to: isoDate.optional().describe('Surveys sent before this instant'),
  by: z.enum(['agent', 'team', 'channel']).default('agent'),
});

/** CSAT of one agent, team or channel over the surveys sent in the period. */
export const surveySummaryRow = z.object({
  /** The user or team id, or the channel; null for surveys with no assignee or team. */
  key: z.string().nullable(),
  label: z.string(),
  sent: z.number().int(),
  answered: z.number().int(),
  /** answered / sent, 0–1. */
  responseRate: z.number(),
  averageRating: z.number().nullable(),
  /** The share of answers rating 4 or 5, in percent. */
  csatPercent: z.number().nullable(),
  /** % promoters (9–10) minus % detractors (0–6) of the NPS answers; null when none. */
  nps: z.number().nullable(),
});

export const surveySummary = z.object({ rows: z.array(surveySummaryRow) }).meta({ id: 'SurveySummary' });
export type SurveySummary = z.infer<typeof surveySummary>;
