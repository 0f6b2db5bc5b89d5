import { createMailSender, type SmtpInbound, SOCIAL_ADAPTERS, startSmtpInbound } from '@sada/channels';
import { type Clock, systemClock } from '@sada/core';
import { type Database, openDatabase, type WorkspaceRow } from '@sada/db';
import type { FastifyInstance } from 'fastify';
import { type AlertDelivery, alertDeliveryJob, createAlertDelivery } from './analytics/alert-delivery.ts';
import { caseRollupFoldJob } from './analytics/rollup.job.ts';
import { spikeWatchJob } from './analytics/spike-watch.ts';
import { buildApp } from './app.ts';
import { type AssignmentWorker, createAssignmentWorker } from './assignment/assignment-worker.ts';
import { createDeliveryWorker, type DeliveryWorker, deliverySweepJob } from './channels/delivery-worker.ts';
import { createMailboxWatcher, type MailboxWatcher } from './channels/mailbox-watcher.ts';
import { mentionsPollJob } from './channels/social-jobs.ts';
import type { Config } from './config.ts';
import { seedDemoWorkspace } from './demo/demo-seed.ts';
import { startDemoPlatforms, startDemoTraffic } from './demo/demo-social.ts';
import { type JobRunner, maintenanceJob, registerJob, startJobRunner } from './jobs/job-runner.ts';
import { createLiveHub } from './live/live-hub.ts';
import { createPlanWorker, planDueJob } from './plans/plan-worker.ts';
import { reportScheduleJob } from './reports/report.job.ts';
import { responseTimeRefreshJob } from './response-time/response-time.job.ts';
import { createServices, type Services } from './services.ts';
import { createSlaWorker, slaEscalationJob } from './sla/sla-worker.ts';
import { createSurveyWorker, surveyJob } from './surveys/survey-worker.ts';
import { triageRetrainJob, triageSweepJob } from './triage/triage-jobs.ts';
import { createTriageWorker, type TriageWorker } from './triage/triage-worker.ts';

/** The largest mail the built-in SMTP server takes (attachments included, as encoded). */
const SMTP_MAX_BYTES = 35 * 1024 * 1024;

export type Sada = {
  app: FastifyInstance;
  database: Database;
  services: Services;
  jobs: JobRunner | undefined;
  /** Reads new cases and inbound messages in the background (when jobs and triage are on here). */
  triage: TriageWorker | undefined;
  /** Sends replies and acknowledgements from the outbox (when jobs are on here). */
  delivery: DeliveryWorker | undefined;
  /** Gives teams' queued cases to free agents (when jobs are on here). */
  assignment: AssignmentWorker | undefined;
  /** Reads the workspaces' IMAP mailboxes (when jobs are on here). */
  mailboxes: MailboxWatcher | undefined;
  /** Sends spike alerts to their e-mail and webhook subscribers (when jobs are on here). */
  alertDelivery: AlertDelivery | undefined;
  /** The built-in SMTP server, when SADA_SMTP_PORT is set (or in the demo). */
  smtp: SmtpInbound | undefined;
  /** The address it listens on, when started with `listen`. */
  url: string | undefined;
  stop(): Promise<void>;
};

export function openConfiguredDatabase(
  config: Config,
  options: { migrate?: boolean } = {},
): Promise<Database> {
  return openDatabase(
    config.database.kind === 'postgres'
      ? { kind: 'postgres', url: config.database.url, poolSize: config.database.poolSize }
      : { kind: 'pglite', dataDir: config.database.dataDir },
    options,
  );
}

/**
 * Opens the database (migrations applied), seeds the demo on first start, starts the jobs and
 * the real-time hub, and (with `listen`) serves HTTP. `stop()` shuts everything down in order.
 */
export async function startSada(options: {
  config: Config;
  clock?: Clock;
  database?: Database;
  listen?: boolean;
  onDemoCreated?: (credentials: { email: string; password: string; workspace: string }) => void;
}): Promise<Sada> {
  const { clock = systemClock } = options;
  // The demo plays the social platforms itself: their API is a simulator in this process.
  const platforms = options.config.demoPlatforms ? await startDemoPlatforms() : undefined;
  const config: Config = platforms
    ? { ...options.config, platformUrls: { meta: platforms.url, telegram: platforms.url, x: platforms.url } }
    : options.config;
  const database = options.database ?? (await openConfiguredDatabase(config));
  const hub = createLiveHub(database, { clock });
  const services = createServices({ database, clock, config, isAgentAvailable: hub.hasConsoles });
  if (config.isDemo) {
    const created = await seedDemoWorkspace({ services, database, clock });
    if (created) options.onDemoCreated?.(created);
  }
  await hub.start();
  const app = await buildApp({ config, database, clock, services, hub });
  const triage =
    config.isJobsEnabled && config.isTriageEnabled
      ? createTriageWorker({
          database,
          clock,
          contexts: services.triageContexts,
          afterCaseRead: services.routing.routeTriagedCase,
          onError: (error) =>
            app.log.error({ err: error }, 'triage failed; the texts wait for the next sweep'),
        })
      : undefined;
  const delivery = config.isJobsEnabled
    ? createDeliveryWorker({
        database,
        clock,
        config,
        sender: config.smtpRelay ? createMailSender(config.smtpRelay) : null,
        social: { adapters: SOCIAL_ADAPTERS, credentialsOf: services.social.credentialsOf },
        statusLink: services.statusLink,
        onError: (error) => app.log.error({ err: error }, 'delivery failed; the outbox keeps it for a retry'),
      })
    : undefined;
  const alertDelivery = config.isJobsEnabled
    ? createAlertDelivery({
        database,
        clock,
        config,
        secrets: services.secrets,
        sender: config.smtpRelay ? createMailSender(config.smtpRelay) : null,
        onError: (error) => app.log.error({ err: error }, 'alert delivery failed; it is retried'),
      })
    : undefined;
  const assignment = config.isJobsEnabled
    ? createAssignmentWorker({
        assignment: services.assignment,
        onError: (error) =>
          app.log.error({ err: error }, 'assignment failed; the cases wait for the next sweep'),
      })
    : undefined;
  const mailboxes = config.isJobsEnabled
    ? createMailboxWatcher({
        database,
        clock,
        secrets: services.secrets,
        email: services.emailIntake,
        onError: (error) => app.log.error({ err: error }, 'IMAP mailbox error'),
      })
    : undefined;
  const slaWorker = config.isJobsEnabled
    ? createSlaWorker({
        database,
        clock,
        onError: (error) => app.log.error({ err: error }, 'SLA escalation failed; the next minute retries'),
      })
    : undefined;
  const surveyWorker = config.isJobsEnabled
    ? createSurveyWorker({
        surveys: services.surveys,
        onError: (error) => app.log.error({ err: error }, 'survey follow-up failed; the next minute retries'),
      })
    : undefined;
  const planWorker = config.isJobsEnabled
    ? createPlanWorker({
        runDue: services.plans.runDue,
        onError: (error) => app.log.error({ err: error }, 'plan jobs failed; the next minute retries'),
      })
    : undefined;
  const stopWaking = hub.onNotice((notice) => {
    if (notice.type === 'case.created' || notice.type === 'message.created') triage?.kick();
    if (notice.type === 'message.created' || notice.type === 'case.updated') delivery?.kick();
    if (notice.type === 'case.created' || notice.type === 'case.updated') assignment?.kick();
  });
  const jobs = config.isJobsEnabled
    ? await startJobRunner({
        database,
        jobs: [
          registerJob(maintenanceJob(database, clock)),
          registerJob(triageRetrainJob(database, services.triage)),
          ...(triage ? [registerJob(triageSweepJob(triage))] : []),
          ...(delivery ? [registerJob(deliverySweepJob(delivery))] : []),
          registerJob(mentionsPollJob(services.social)),
          ...(slaWorker ? [registerJob(slaEscalationJob(slaWorker))] : []),
          ...(planWorker ? [registerJob(planDueJob(planWorker))] : []),
          ...(surveyWorker ? [registerJob(surveyJob(surveyWorker))] : []),
          registerJob(responseTimeRefreshJob(services.responseTime)),
          registerJob(caseRollupFoldJob(database)),
          registerJob(spikeWatchJob(services.spikes, () => alertDelivery?.kick())),
          ...(alertDelivery ? [registerJob(alertDeliveryJob(alertDelivery))] : []),
          registerJob(reportScheduleJob(services.reports)),
        ],
        isWorking: true,
        onError: (error) => app.log.error({ err: error }, 'background job error'),
      })
    : undefined;
  triage?.kick();
  delivery?.kick();
  assignment?.kick();
  slaWorker?.kick();
  await mailboxes?.start();
  const smtp = config.smtpPort !== null ? await startMailServer(config, services, app) : undefined;
  const traffic = trackTraffic(app);
  const url = options.listen ? await app.listen({ port: config.port, host: config.host }) : undefined;
  const demoTraffic =
    platforms && url && config.demoPlatforms
      ? await startDemoTraffic({
          database,
          clock,
          secrets: services.secrets,
          simulator: platforms,
          serverUrl: url.replace('0.0.0.0', '127.0.0.1'),
          perMinute: config.demoPlatforms.trafficPerMinute,
          onError: (error) => app.log.warn({ err: error }, 'demo traffic not delivered'),
        })
      : undefined;
  let stopping: Promise<void> | undefined;
  return {
    app,
    database,
    services,
    jobs,
    triage,
    delivery,
    assignment,
    mailboxes,
    alertDelivery,
    smtp,
    url,
    stop() {
      // Order matters: stop taking requests and finish those in flight, then jobs, then the database.
      stopping ??= (async () => {
        // Requests already sent may still sit unread in the socket buffers; let them arrive and finish.
        demoTraffic?.stop();
        await smtp?.close();
        await traffic.quiet();
        await app.close();
        stopWaking();
        await hub.stop();
        await mailboxes?.stop();
        await triage?.stop();
        await delivery?.stop();
        await alertDelivery?.stop();
        await slaWorker?.stop();
        await planWorker?.stop();
        await surveyWorker?.stop();
        await assignment?.stop();
        await jobs?.stop();
        await platforms?.close();
        await database.close();
      })();
      return stopping;
    },
  };
}

/**
 * The built-in SMTP server: mail to an address of a workspace becomes its case. The demo's default
 * port may be taken by something else; then the demo goes on without it, saying so.
 */
async function startMailServer(config: Config, services: Services, app: FastifyInstance) {
  const { emailIntake } = services;
  try {
    return await startSmtpInbound({
      port: config.smtpPort!,
      host: config.host,
      serverName: config.mailDomain,
      maxBytes: SMTP_MAX_BYTES,
      acceptsRecipient: async (address) => !!(await emailIntake.workspaceOfAddress(address)),
      async deliver({ recipients, mail, raw }) {
        // One mail to two workspaces' addresses reaches each of them once.
        const workspaces = new Map<string, WorkspaceRow>();
        for (const address of recipients) {
          const workspace = await emailIntake.workspaceOfAddress(address);
          if (workspace) workspaces.set(workspace.id, workspace);
        }
        for (const workspace of workspaces.values()) await emailIntake.receive(workspace, mail, raw);
      },
      logger: {
        warn: (message, details) => app.log.warn(details ?? {}, message),
        error: (message, details) => app.log.error(details ?? {}, message),
      },
    });
  } catch (error) {
    if (config.isSmtpPortRequired) throw error;
    app.log.warn(
      { err: error },
      `the demo's SMTP server could not listen on port ${config.smtpPort}; e-mail intake is off`,
    );
    return undefined;
  }
}

const QUIET_MS = 250;
const MAX_DRAIN_MS = 15_000;

/** Counts HTTP requests in flight, so that a shutdown can wait until none is running or arriving. */
function trackTraffic(app: FastifyInstance) {
  let inFlight = 0;
  let lastArrival = 0;
  app.server.on('request', (_request, response) => {
    inFlight += 1;
    lastArrival = Date.now();
    response.on('close', () => {
      inFlight -= 1;
    });
  });
  return {
    async quiet() {
      const deadline = Date.now() + MAX_DRAIN_MS;
      while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastArrival < QUIET_MS)) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}
