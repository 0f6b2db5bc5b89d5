import { DEFAULT_SURVEY_SETTINGS, type SurveySettings, surveySettings } from '@sada/contracts';

/**
 * The survey settings stored in workspace.follow_up_settings (`{}` meaning the defaults), each value
 * read on its own: one a newer release no longer accepts falls back to its default, not the others.
 */
export function surveySettingsOf(stored: Record<string, unknown> | null | undefined): SurveySettings {
  const survey = (stored?.survey ?? {}) as Record<string, unknown>;
  const shape = surveySettings.shape;
  const read = <K extends keyof SurveySettings>(key: K): SurveySettings[K] => {
    const parsed = shape[key].safeParse(survey[key]);
    return parsed.success ? (parsed.data as SurveySettings[K]) : DEFAULT_SURVEY_SETTINGS[key];
  };
  return {
    delayMinutes: read('delayMinutes'),
    lowScoreThreshold: read('lowScoreThreshold'),
    lowScoreAction: read('lowScoreAction'),
    expireAfterDays: read('expireAfterDays'),
    askNps: read('askNps'),
  };
}
