import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { arAnalytics } from './ar/analytics.ts';
import { arAssignment } from './ar/assignment.ts';
import { arCase } from './ar/case.ts';
import { arCommon } from './ar/common.ts';
import { arCompensation } from './ar/compensation.ts';
import { arCustomer } from './ar/customer.ts';
import { arInbox } from './ar/inbox.ts';
import { arModeration } from './ar/moderation.ts';
import { arPlans } from './ar/plans.ts';
import { arProblems } from './ar/problems.ts';
import { arReports } from './ar/reports.ts';
import { arSla } from './ar/sla.ts';
import { arStories } from './ar/stories.ts';
import { arSurveys } from './ar/surveys.ts';
import { arTriage } from './ar/triage.ts';
import { enAnalytics } from './en/analytics.ts';
import { enAssignment } from './en/assignment.ts';
import { enCase } from './en/case.ts';
import { enCommon } from './en/common.ts';
import { enCompensation } from './en/compensation.ts';
import { enCustomer } from './en/customer.ts';
import { enInbox } from './en/inbox.ts';
import { enModeration } from './en/moderation.ts';
import { enPlans } from './en/plans.ts';
import { enProblems } from './en/problems.ts';
import { enReports } from './en/reports.ts';
import { enSla } from './en/sla.ts';
import { enStories } from './en/stories.ts';
import { enSurveys } from './en/surveys.ts';
import { enTriage } from './en/triage.ts';

export type UiLanguage = 'ar' | 'en';
export const UI_LANGUAGES: readonly UiLanguage[] = ['ar', 'en'];

// One namespace per area of the console; the Arabic files are typed against the English ones, so a
// string missing in either language fails the type check. The `admin`, `triageAdmin` and `channels`
// strings load with the admin pages (admin/AdminPage.tsx, admin/TriageSection.tsx and
// admin/ChannelsSection.tsx add them), outside the initial bundle.
export const resources = {
  en: {
    common: enCommon,
    inbox: enInbox,
    case: enCase,
    customer: enCustomer,
    triage: enTriage,
    assignment: enAssignment,
    sla: enSla,
    plans: enPlans,
    compensation: enCompensation,
    moderation: enModeration,
    surveys: enSurveys,
    stories: enStories,
    analytics: enAnalytics,
    problems: enProblems,
    reports: enReports,
  },
  ar: {
    common: arCommon,
    inbox: arInbox,
    case: arCase,
    customer: arCustomer,
    triage: arTriage,
    assignment: arAssignment,
    sla: arSla,
    plans: arPlans,
    compensation: arCompensation,
    moderation: arModeration,
    surveys: arSurveys,
    stories: arStories,
    analytics: arAnalytics,
    problems: arProblems,
    reports: arReports,
  },
} as const;

const STORAGE_KEY = 'sada.language';

export function storedLanguage(): UiLanguage | undefined {
  const value = globalThis.localStorage?.getItem(STORAGE_KEY);
  return value === 'ar' || value === 'en' ? value : undefined;
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage() ?? 'ar',
  fallbackLng: 'en',
  ns: [
    'common',
    'inbox',
    'case',
    'customer',
    'triage',
    'assignment',
    'sla',
    'plans',
    'compensation',
    'moderation',
    'surveys',
    'stories',
    'analytics',
    'problems',
    'slaAdmin',
    'admin',
    'triageAdmin',
    'channels',
    'calendars',
    'routing',
  ],
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Direction of a UI language: Arabic mirrors the whole layout. */
export const directionOf = (language: string): 'rtl' | 'ltr' => (language === 'ar' ? 'rtl' : 'ltr');

/** Switches the console's language, the document's lang/dir, and remembers the choice on this device. */
export async function applyLanguage(language: UiLanguage, options: { remember?: boolean } = {}) {
  if (options.remember) globalThis.localStorage?.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

/** The BCP 47 locale for dates and numbers: Gregorian calendar, Latin digits, as Gulf business software shows them. */
export const localeOf = (language: string) => (language === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB');
