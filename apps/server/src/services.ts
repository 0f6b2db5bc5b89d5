import { SOCIAL_ADAPTERS } from '@sada/channels';
import type { Clock, FieldDefinition } from '@sada/core';
import type { Database } from '@sada/db';
import { createAlertSubscriptions } from './analytics/alert-subscription.service.ts';
import { createAnalyticsService } from './analytics/analytics.service.ts';
import { createSpikeWatch } from './analytics/spike-watch.ts';
import { createAssignmentService } from './assignment/assignment.service.ts';
import { createAuthService, type TokenActor } from './auth/auth.service.ts';
import { createCalendarService } from './calendars/calendar.service.ts';
import { createStaffingService } from './calendars/staffing.service.ts';
import { createCaseService } from './cases/case.service.ts';
import type { ButtonAnswerHandlers } from './channels/button-answers.ts';
import { createChannelAdmin } from './channels/channel-admin.service.ts';
import { createChannelIntake } from './channels/channel-intake.ts';
import { createEmailIntake } from './channels/email-intake.ts';
import { createPublicChannels } from './channels/public-channels.service.ts';
import { statusPathFor } from './channels/signed-token.ts';
import { createSocialChannels } from './channels/social-channels.service.ts';
import { createCompensationService } from './compensation/compensation.service.ts';
import type { Config } from './config.ts';
import { createCustomerService } from './customers/customer.service.ts';
import { createModerationService } from './moderation/moderation.service.ts';
import { createNotificationService } from './notifications/notification.service.ts';
import { createOfferService } from './offers/offer.service.ts';
import { createPeopleService } from './people/people.service.ts';
import { createPlanService } from './plans/plan.service.ts';
import { createProblemService } from './problems/problem.service.ts';
import { createReadCache, type ReadCache } from './read-cache.ts';
import { createReportService } from './reports/report.service.ts';
import { problemActionsReader } from './reports/report-actions.ts';
import { createReportMailer } from './reports/report-mail.ts';
import { createResponseTime } from './response-time/response-time.service.ts';
import { createRoutingService } from './routing/routing.service.ts';
import { createSecretBox } from './secrets/secret-box.ts';
import { createSlaService } from './sla/sla.service.ts';
import { createStoryService } from './stories/story.service.ts';
import { createSurveyService } from './surveys/survey.service.ts';
import { createTemplateService } from './templates/template.service.ts';
import { createTriageService } from './triage/triage.service.ts';
import { createTriageContexts } from './triage/triage-context.ts';
import { createViewService } from './views/view.service.ts';
import { createWorkspaceService } from './workspaces/workspace.service.ts';

export type ServiceDeps = {
  database: Database;
  clock: Clock;
  config: Config;
  /** Whether an agent has the console open (from the live hub); a process without one says no. */
  isAgentAvailable?: ((workspaceId: string) => boolean) | undefined;
};

/**
 * Read on every API call, changed rarely: an API token's actor (by token hash) and a workspace's
 * custom field definitions (by workspace id). This process forgets what it changes at once; another
 * process may go on using an entry for up to READ_CACHE_TTL_MS.
 */
export type ReadCaches = {
  tokenActors: ReadCache<TokenActor>;
  fieldDefinitions: ReadCache<FieldDefinition[]>;
};
export const READ_CACHE_TTL_MS = 1000;

/** The services' shared dependencies inside one process. */
export type ServiceContext = ServiceDeps & { caches: ReadCaches };

function createReadCaches(clock: Clock): ReadCaches {
  const options = { clock, ttlMs: READ_CACHE_TTL_MS, maxEntries: 10_000 };
  return { tokenActors: createReadCache(options), fieldDefinitions: createReadCache(options) };
}

/** Every domain service, built once per process over one database. */
export function createServices(deps: ServiceDeps) {
  const context: ServiceContext = { ...deps, caches: createReadCaches(deps.clock) };
  const triageContexts = createTriageContexts({
    database: deps.database,
    clock: deps.clock,
    ttlMs: READ_CACHE_TTL_MS,
  });
  const secrets = createSecretBox(deps.config.secretKey);
  /** The signed link to a case's status page, as customers get it in e-mails. */
  const statusLink = (workspace: { id: string; slug: string }, caseId: string) =>
    `${deps.config.publicUrl}${statusPathFor(secrets, workspace, caseId, deps.clock.now())}`;
  const channelIntake = createChannelIntake({ ...deps, statusLink });
  const assignment = createAssignmentService(context);
  // Who answers a Sada button a customer pressed on a social channel (issue 8). Handlers are called
  // only when a press arrives, so they may name services built further down. One line each:
  // offer: (answer) => offers.answerByButton(answer), survey: …surveys…, story: …stories….
  const buttonAnswers: ButtonAnswerHandlers = {};
  const surveys = createSurveyService({ ...deps, secrets });
  buttonAnswers.survey = surveys.answerByButton;
  const offers = createOfferService({ ...deps, secrets });
  buttonAnswers.offer = offers.answerByButton;
  const stories = createStoryService({ ...deps, secrets });
  buttonAnswers.story = stories.answerByButton;
  const analytics = createAnalyticsService(deps);
  const problems = createProblemService({ ...deps, statusLink });
  return {
    secrets,
    statusLink,
    channelIntake,
    social: createSocialChannels({
      ...deps,
      secrets,
      intake: channelIntake,
      adapters: SOCIAL_ADAPTERS,
      buttonAnswers,
    }),
    emailIntake: createEmailIntake({ ...deps, intake: channelIntake }),
    channels: createChannelAdmin({ ...deps, secrets }),
    publicChannels: createPublicChannels({
      ...deps,
      secrets,
      intake: channelIntake,
      triageContexts,
      isAgentAvailable: deps.isAgentAvailable ?? (() => false),
    }),
    triageContexts,
    triage: createTriageService({ ...deps, contexts: triageContexts, secrets }),
    auth: createAuthService(context),
    people: createPeopleService({ ...context, onAssignmentChange: assignment.signalChange }),
    assignment,
    customers: createCustomerService(deps),
    cases: createCaseService(context),
    workspaces: createWorkspaceService(context),
    templates: createTemplateService(deps),
    calendars: createCalendarService(deps),
    staffing: createStaffingService(deps),
    views: createViewService(deps),
    sla: createSlaService(deps),
    notifications: createNotificationService(deps),
    moderation: createModerationService(deps),
    responseTime: createResponseTime(deps),
    analytics,
    spikes: createSpikeWatch(deps),
    alertSubscriptions: createAlertSubscriptions({ ...deps, secrets }),
    routing: createRoutingService(deps),
    surveys,
    plans: createPlanService({ ...deps, statusLink }),
    problems,
    reports: createReportService({
      ...deps,
      analytics,
      mailer: createReportMailer(deps),
      readActions: problemActionsReader(problems),
    }),
    offers,
    stories,
    compensation: createCompensationService({ ...deps, secrets }),
  };
}

export type Services = ReturnType<typeof createServices>;
