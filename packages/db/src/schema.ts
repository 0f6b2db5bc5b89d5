// Drizzle's view of the tables that migrations/*.sql create. The SQL files are the source of truth;
// schema.test.ts checks that both agree column by column.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  doublePrecision,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // node-postgres answers a Buffer, PGlite a Uint8Array.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const workspace = pgTable('workspace', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  referencePrefix: text('reference_prefix').notNull(),
  defaultLanguage: text('default_language').notNull().default('ar'),
  timeZone: text('time_zone').notNull().default('Asia/Riyadh'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  /** Categories and priority rules for triage; {} means the defaults. */
  triageSettings: jsonb('triage_settings').$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  /** The LLM assistant's endpoint, model and encrypted key; {} means off. */
  assistantSettings: jsonb('assistant_settings')
    .$type<Record<string, unknown>>()
    .notNull()
    .default(sql`'{}'`),
  /** Form, e-mail, chat and acknowledgement settings (ChannelSettings); {} means the defaults. */
  channelSettings: jsonb('channel_settings').$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  /** The workspace's business calendar; null: open around the clock. */
  calendarId: uuid('calendar_id'),
  /** Compensation types, currencies, limits per role and team budgets (migration 0011); {}: defaults. */
  compensationSettings: jsonb('compensation_settings')
    .$type<Record<string, unknown>>()
    .notNull()
    .default(sql`'{}'`),
  /** Satisfaction survey settings (migration 0011); {} means the defaults. */
  followUpSettings: jsonb('follow_up_settings').$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
});

export const appUser = pgTable('app_user', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  passwordHash: text('password_hash').notNull(),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  /** 'ar' | 'en'; null follows the workspace's default language. */
  language: text('language'),
  /** 'online' | 'away' | 'offline': only an online agent receives cases. */
  availability: text('availability').notNull().default('offline'),
  availabilityChangedAt: timestamptz('availability_changed_at'),
  /** AgentSkills: languages, channels and categories the agent handles. */
  skills: jsonb('skills').$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  /** Most open cases per channel type ({social, email, chat}); a type left out has no limit. */
  capacity: jsonb('capacity').$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  /** Weekly shifts in the workspace's zone, as calendar spans; [] means no shift plan. */
  shifts: jsonb('shifts').$type<unknown[]>().notNull().default(sql`'[]'`),
});

export const team = pgTable('team', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  name: text('name').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  /** The team's business calendar; null: the workspace's. */
  calendarId: uuid('calendar_id'),
  /** 'manual' | 'round_robin' | 'least_open' | 'skills'. */
  assignmentMode: text('assignment_mode').notNull().default('manual'),
  /** Round robin's place in the circle. */
  lastAssignedUserId: uuid('last_assigned_user_id'),
  /** The customer is told when a case reaches this team. */
  isRoutingNoticeOn: boolean('is_routing_notice_on').notNull().default(true),
});

export const teamMember = pgTable(
  'team_member',
  { teamId: uuid('team_id').notNull(), userId: uuid('user_id').notNull() },
  (table) => [primaryKey({ columns: [table.teamId, table.userId] })],
);

export const userSession = pgTable('user_session', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull(),
  workspaceId: uuid('workspace_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  expiresAt: timestamptz('expires_at').notNull(),
});

export const apiToken = pgTable('api_token', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  userId: uuid('user_id').notNull(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  tokenHint: text('token_hint').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  lastUsedAt: timestamptz('last_used_at'),
  revokedAt: timestamptz('revoked_at'),
});

export const loginAttempt = pgTable('login_attempt', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  account: text('account').notNull(),
  ip: text('ip').notNull(),
  isSuccess: boolean('is_success').notNull(),
  attemptedAt: timestamptz('attempted_at').notNull().defaultNow(),
});

export const fieldDefinition = pgTable('field_definition', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  key: text('key').notNull(),
  labelAr: text('label_ar').notNull(),
  labelEn: text('label_en').notNull(),
  type: text('type').notNull(),
  isRequired: boolean('is_required').notNull().default(false),
  isActive: boolean('is_active').notNull().default(true),
  options: jsonb('options').$type<string[]>().notNull().default(sql`'[]'`),
  position: integer('position').notNull().default(0),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

export const customer = pgTable('customer', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  name: text('name').notNull(),
  email: text('email'),
  phone: text('phone'),
  language: text('language'),
  tags: text('tags').array().notNull().default(sql`'{}'`),
  notes: text('notes').notNull().default(''),
  mergedIntoId: uuid('merged_into_id'),
  searchText: text('search_text').notNull().default(''),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

export const customerIdentity = pgTable('customer_identity', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  channel: text('channel').notNull(),
  externalId: text('external_id').notNull(),
  handle: text('handle'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  /** Blocked by moderation: new messages are kept but open no case. */
  blockedAt: timestamptz('blocked_at'),
  blockedReason: text('blocked_reason'),
});

export const caseCounter = pgTable(
  'case_counter',
  {
    workspaceId: uuid('workspace_id').notNull(),
    year: integer('year').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.year] })],
);

export const supportCase = pgTable('support_case', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  referenceNumber: text('reference_number').notNull(),
  subject: text('subject').notNull(),
  description: text('description').notNull().default(''),
  status: text('status').notNull(),
  channel: text('channel').notNull(),
  kind: text('kind').notNull(),
  category: text('category'),
  product: text('product'),
  orderReference: text('order_reference'),
  region: text('region'),
  priority: text('priority').notNull(),
  sentiment: text('sentiment'),
  language: text('language'),
  teamId: uuid('team_id'),
  assigneeId: uuid('assignee_id'),
  customerId: uuid('customer_id'),
  tags: text('tags').array().notNull().default(sql`'{}'`),
  customFields: jsonb('custom_fields').$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  searchVector: tsvector('search_vector').notNull(),
  createdAt: timestamptz('created_at').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
  resolvedAt: timestamptz('resolved_at'),
  closedAt: timestamptz('closed_at'),
  /** What triage made of the case (the CaseTriage of packages/contracts); null until it has read it. */
  triage: jsonb('triage').$type<Record<string, unknown>>(),
  /** Null: the case's own text waits for triage. */
  triagedAt: timestamptz('triaged_at'),
  /** Fields a person set (kind, category, sentiment, language, priority): triage leaves them alone. */
  triageLocked: text('triage_locked').array().notNull().default(sql`'{}'`),
  /** A live chat started while no agent was online: replies also go out by e-mail. */
  isFollowedByEmail: boolean('is_followed_by_email').notNull().default(false),
  /** The social account the case came through; null for other channels. */
  channelAccountId: uuid('channel_account_id'),
  /** Its conversation on that account: `dm:AUTHOR` or `post:POST:AUTHOR`. */
  conversationKey: text('conversation_key'),
  /** Move to private: the public invitation's time, and when the customer then wrote privately. */
  movedPrivateAt: timestamptz('moved_private_at'),
  privateAcceptedAt: timestamptz('private_accepted_at'),
  /** The first reply by a person on the customer's conversation (automatic replies do not count). */
  firstResponseAt: timestamptz('first_response_at'),
  /** When the routing rules read the case; null: it waits for them. */
  routedAt: timestamptz('routed_at'),
  /** A progress update to the customer every N days while open (null: none), and the last one sent. */
  updateEveryDays: integer('update_every_days'),
  lastUpdateSentAt: timestamptz('last_update_sent_at'),
});

export type Attachment = { name: string; contentType: string; size: number; url?: string | undefined };

export const message = pgTable('message', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  caseId: uuid('case_id').notNull(),
  direction: text('direction').notNull(),
  visibility: text('visibility').notNull(),
  channel: text('channel').notNull(),
  body: text('body').notNull(),
  authorUserId: uuid('author_user_id'),
  authorCustomerId: uuid('author_customer_id'),
  externalId: text('external_id'),
  attachments: jsonb('attachments').$type<Attachment[]>().notNull().default(sql`'[]'`),
  createdAt: timestamptz('created_at').notNull(),
  /** An inbound message's classification; null (with triagedAt null) while it waits for triage. */
  triage: jsonb('triage').$type<Record<string, unknown>>(),
  triagedAt: timestamptz('triaged_at'),
  /** Written by Sada itself (an acknowledgement), not by a person. */
  isAutomatic: boolean('is_automatic').notNull().default(false),
  /** A public comment hidden on the platform: {isHidden, reason, note, userId, at}. */
  moderation: jsonb('moderation').$type<Record<string, unknown>>(),
});

export const caseEvent = pgTable('case_event', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  workspaceId: uuid('workspace_id').notNull(),
  caseId: uuid('case_id').notNull(),
  type: text('type').notNull(),
  actorUserId: uuid('actor_user_id'),
  actorLabel: text('actor_label').notNull(),
  changes: jsonb('changes').$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  createdAt: timestamptz('created_at').notNull(),
});

export const auditRecord = pgTable('audit_record', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  workspaceId: uuid('workspace_id').notNull(),
  actorUserId: uuid('actor_user_id'),
  action: text('action').notNull(),
  subjectType: text('subject_type').notNull(),
  subjectId: uuid('subject_id').notNull(),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  createdAt: timestamptz('created_at').notNull(),
});

export const idempotencyKey = pgTable(
  'idempotency_key',
  {
    workspaceId: uuid('workspace_id').notNull(),
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    statusCode: integer('status_code'),
    responseBody: jsonb('response_body'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.userId, table.key] })],
);

export const replyTemplate = pgTable('reply_template', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  name: text('name').notNull(),
  bodyAr: text('body_ar').notNull().default(''),
  bodyEn: text('body_en').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: timestamptz('created_at').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});

export const savedView = pgTable('saved_view', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  /** Null: shared with the whole workspace. */
  ownerId: uuid('owner_id'),
  name: text('name').notNull(),
  filters: jsonb('filters').$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  position: integer('position').notNull().default(0),
  createdAt: timestamptz('created_at').notNull(),
});

export const notification = pgTable('notification', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  userId: uuid('user_id').notNull(),
  type: text('type').notNull(),
  caseId: uuid('case_id').notNull(),
  messageId: uuid('message_id'),
  actorUserId: uuid('actor_user_id'),
  createdAt: timestamptz('created_at').notNull(),
  readAt: timestamptz('read_at'),
});

export const triageCorrection = pgTable('triage_correction', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  caseId: uuid('case_id').notNull(),
  messageId: uuid('message_id'),
  text: text('text').notNull(),
  field: text('field').notNull(),
  predicted: text('predicted').notNull(),
  corrected: text('corrected').notNull(),
  userId: uuid('user_id'),
  createdAt: timestamptz('created_at').notNull(),
});

export const triageAdaptation = pgTable('triage_adaptation', {
  workspaceId: uuid('workspace_id').primaryKey(),
  overlay: jsonb('overlay').$type<Record<string, unknown>>().notNull(),
  corrections: integer('corrections').notNull(),
  gain: jsonb('gain').$type<Record<string, unknown>>().notNull(),
  trainedAt: timestamptz('trained_at').notNull(),
});

export const storedFile = pgTable('stored_file', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  caseId: uuid('case_id').notNull(),
  messageId: uuid('message_id').notNull(),
  name: text('name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  createdAt: timestamptz('created_at').notNull(),
});

export const outbox = pgTable('outbox', {
  messageId: uuid('message_id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  channel: text('channel').notNull(),
  recipient: text('recipient').notNull(),
  subject: text('subject').notNull(),
  status: text('status').notNull(),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamptz('next_attempt_at'),
  lastError: text('last_error'),
  lastErrorAr: text('last_error_ar'),
  lastErrorCode: text('last_error_code'),
  sentAt: timestamptz('sent_at'),
  createdAt: timestamptz('created_at').notNull(),
  /** Social: reply_public, message, private_reply or template; null for e-mail. */
  action: text('action'),
  /** What the platform last reported: delivered, read. */
  platformStatus: text('platform_status'),
  /** A WhatsApp template's {name, language, parameters} when action is 'template'. */
  payload: jsonb('payload').$type<Record<string, unknown>>(),
});

export const mailbox = pgTable('mailbox', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  host: text('host').notNull(),
  port: integer('port').notNull(),
  isSecure: boolean('is_secure').notNull(),
  username: text('username').notNull(),
  sealedPassword: text('sealed_password').notNull(),
  folder: text('folder').notNull(),
  isEnabled: boolean('is_enabled').notNull().default(true),
  uidValidity: text('uid_validity'),
  lastUid: bigint('last_uid', { mode: 'number' }).notNull().default(0),
  lastPolledAt: timestamptz('last_polled_at'),
  lastError: text('last_error'),
  lastErrorAr: text('last_error_ar'),
  lastErrorCode: text('last_error_code'),
  createdAt: timestamptz('created_at').notNull(),
});

export const publicAttempt = pgTable('public_attempt', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  bucket: text('bucket').notNull(),
  ip: text('ip').notNull(),
  attemptedAt: timestamptz('attempted_at').notNull(),
});

export const channelAccount = pgTable('channel_account', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  accountId: text('account_id').notNull(),
  sealedCredentials: text('sealed_credentials').notNull(),
  verifyToken: text('verify_token'),
  isEnabled: boolean('is_enabled').notNull().default(true),
  /** X without webhook access: mentions are polled, from `pollSinceId` on. */
  isPolling: boolean('is_polling').notNull().default(false),
  pollSinceId: text('poll_since_id'),
  lastEventAt: timestamptz('last_event_at'),
  lastError: text('last_error'),
  lastErrorAr: text('last_error_ar'),
  lastErrorCode: text('last_error_code'),
  createdAt: timestamptz('created_at').notNull(),
});

/** One failure of a social account or a mailbox, as its setup page's error log shows it. */
export const channelError = pgTable('channel_error', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  channelAccountId: uuid('channel_account_id'),
  mailboxId: uuid('mailbox_id'),
  occurredAt: timestamptz('occurred_at').notNull(),
  /** webhook, send, poll, test or mailbox. */
  source: text('source').notNull(),
  code: text('code').notNull(),
  textEn: text('text_en').notNull(),
  textAr: text('text_ar').notNull(),
  detail: jsonb('detail').$type<Record<string, unknown>>(),
  /** The same failure again within a minute counts here instead of adding a row. */
  occurrences: integer('occurrences').notNull().default(1),
});

export type CalendarSpan = { day: number; from: string; to: string };
export type CalendarHoliday = { date: string; name: string };

export const businessCalendar = pgTable('business_calendar', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull(),
  isAlwaysOpen: boolean('is_always_open').notNull().default(false),
  hours: jsonb('hours').$type<CalendarSpan[]>().notNull().default(sql`'[]'`),
  holidays: jsonb('holidays').$type<CalendarHoliday[]>().notNull().default(sql`'[]'`),
  createdAt: timestamptz('created_at').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});

export const slaPolicy = pgTable('sla_policy', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  name: text('name').notNull(),
  position: integer('position').notNull(),
  conditions: jsonb('conditions').$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  firstResponseMinutes: integer('first_response_minutes'),
  nextResponseMinutes: integer('next_response_minutes'),
  updateMinutes: integer('update_minutes'),
  resolutionMinutes: integer('resolution_minutes'),
  calendarId: uuid('calendar_id'),
  escalation: jsonb('escalation').$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  isEnabled: boolean('is_enabled').notNull().default(true),
  createdAt: timestamptz('created_at').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});

export const caseSla = pgTable(
  'case_sla',
  {
    caseId: uuid('case_id').notNull(),
    /** 'first_response' | 'next_response' | 'update' | 'resolution'. */
    target: text('target').notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    policyId: uuid('policy_id').notNull(),
    targetSeconds: integer('target_seconds').notNull(),
    /** Business seconds spent before the last pause. */
    consumedSeconds: integer('consumed_seconds').notNull().default(0),
    startedAt: timestamptz('started_at').notNull(),
    /** Null while paused or completed. */
    runningSince: timestamptz('running_since'),
    dueAt: timestamptz('due_at'),
    completedAt: timestamptz('completed_at'),
    breachedAt: timestamptz('breached_at'),
    /** 0 none, 1 warned, 2 escalated at breach. */
    escalationLevel: smallint('escalation_level').notNull().default(0),
    /** When the warning is due (migration 0010); null without one or when not running. */
    warnAt: timestamptz('warn_at'),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.target] })],
);

export const routingRule = pgTable('routing_rule', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  name: text('name').notNull(),
  position: integer('position').notNull(),
  conditions: jsonb('conditions').$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  actions: jsonb('actions').$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  isFinal: boolean('is_final').notNull().default(false),
  isEnabled: boolean('is_enabled').notNull().default(true),
  createdAt: timestamptz('created_at').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});

export const responseTimeSnapshot = pgTable(
  'response_time_snapshot',
  {
    workspaceId: uuid('workspace_id').notNull(),
    channel: text('channel').notNull(),
    medianSeconds: integer('median_seconds'),
    sampleSize: integer('sample_size').notNull(),
    /** 1, or 24 when the last hour had too few first responses. */
    windowHours: integer('window_hours').notNull(),
    computedAt: timestamptz('computed_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.channel] })],
);

export const planStep = pgTable('plan_step', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  caseId: uuid('case_id').notNull(),
  position: integer('position').notNull(),
  title: text('title').notNull(),
  ownerUserId: uuid('owner_user_id'),
  ownerTeamId: uuid('owner_team_id'),
  dueAt: timestamptz('due_at'),
  /** 'pending' | 'in_progress' | 'done' | 'cancelled'. */
  status: text('status').notNull().default('pending'),
  isCustomerVisible: boolean('is_customer_visible').notNull().default(false),
  /** What the customer is told when the step is done. */
  customerNote: text('customer_note'),
  completedAt: timestamptz('completed_at'),
  overdueNotifiedAt: timestamptz('overdue_notified_at'),
  offerId: uuid('offer_id'),
  createdBy: uuid('created_by'),
  createdAt: timestamptz('created_at').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});

/** A problem: the one cause behind many complaints, with its corrective actions (migration 0014). */
export const problem = pgTable('problem', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  title: text('title').notNull(),
  rootCause: text('root_cause').notNull().default(''),
  /** 'open' | 'investigating' | 'closed'. */
  status: text('status').notNull().default('open'),
  ownerUserId: uuid('owner_user_id'),
  /** 'cases' | 'issue'. */
  source: text('source').notNull(),
  issueTerms: jsonb('issue_terms').$type<string[]>().notNull().default(sql`'[]'`),
  createdBy: uuid('created_by'),
  createdAt: timestamptz('created_at').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
  closedAt: timestamptz('closed_at'),
  closedBy: uuid('closed_by'),
});

/** A case linked to a problem (one problem per case); notifiedAt once "the cause was fixed" was queued. */
export const problemCase = pgTable(
  'problem_case',
  {
    workspaceId: uuid('workspace_id').notNull(),
    problemId: uuid('problem_id').notNull(),
    caseId: uuid('case_id').notNull(),
    linkedBy: uuid('linked_by'),
    linkedAt: timestamptz('linked_at').notNull(),
    notifiedAt: timestamptz('notified_at'),
    notifiedMessageId: uuid('notified_message_id'),
  },
  (table) => [primaryKey({ columns: [table.problemId, table.caseId] })],
);

export const problemAction = pgTable('problem_action', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  problemId: uuid('problem_id').notNull(),
  title: text('title').notNull(),
  ownerUserId: uuid('owner_user_id'),
  dueAt: timestamptz('due_at'),
  /** 'todo' | 'in_progress' | 'done' | 'cancelled'. */
  status: text('status').notNull().default('todo'),
  completedAt: timestamptz('completed_at'),
  createdBy: uuid('created_by'),
  createdAt: timestamptz('created_at').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});

export const problemNote = pgTable('problem_note', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  problemId: uuid('problem_id').notNull(),
  body: text('body').notNull(),
  authorUserId: uuid('author_user_id'),
  createdAt: timestamptz('created_at').notNull(),
});

export const solutionOffer = pgTable('solution_offer', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  caseId: uuid('case_id').notNull(),
  /** 'pending_approval' | 'sent' | 'chosen' | 'withdrawn' | 'rejected' | 'expired'. */
  status: text('status').notNull(),
  message: text('message').notNull().default(''),
  options: jsonb('options').$type<unknown[]>().notNull(),
  chosenOptionId: text('chosen_option_id'),
  chosenAt: timestamptz('chosen_at'),
  /** 'button' | 'web' | 'agent'. */
  chosenVia: text('chosen_via'),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamptz('created_at').notNull(),
  sentAt: timestamptz('sent_at'),
  expiresAt: timestamptz('expires_at'),
});

export const compensation = pgTable('compensation', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  caseId: uuid('case_id').notNull(),
  customerId: uuid('customer_id'),
  teamId: uuid('team_id'),
  offerId: uuid('offer_id'),
  optionId: text('option_id'),
  type: text('type').notNull(),
  amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
  currency: text('currency').notNull(),
  reason: text('reason').notNull(),
  category: text('category'),
  product: text('product'),
  /** 'pending_approval' | 'approved' | 'rejected' | 'given' | 'cancelled'. */
  status: text('status').notNull(),
  requestedBy: uuid('requested_by').notNull(),
  requestedAt: timestamptz('requested_at').notNull(),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamptz('decided_at'),
  decisionReason: text('decision_reason'),
  givenAt: timestamptz('given_at'),
});

export const satisfactionSurvey = pgTable('satisfaction_survey', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  caseId: uuid('case_id').notNull(),
  customerId: uuid('customer_id'),
  assigneeId: uuid('assignee_id'),
  teamId: uuid('team_id'),
  channel: text('channel').notNull(),
  /** 'scheduled' | 'sent' | 'answered' | 'expired' | 'cancelled'. */
  status: text('status').notNull(),
  sendAt: timestamptz('send_at').notNull(),
  sentAt: timestamptz('sent_at'),
  expiresAt: timestamptz('expires_at'),
  answeredAt: timestamptz('answered_at'),
  rating: smallint('rating'),
  nps: smallint('nps'),
  comment: text('comment'),
  /** 'button' | 'web'. */
  answeredVia: text('answered_via'),
  createdAt: timestamptz('created_at').notNull(),
});

export const moderationItem = pgTable('moderation_item', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  messageId: uuid('message_id').notNull(),
  caseId: uuid('case_id').notNull(),
  /** 'abuse' | 'spam'. */
  label: text('label').notNull(),
  /** 'triage' | 'agent'. */
  source: text('source').notNull(),
  /** 'open' | 'hidden' | 'blocked' | 'not_complaint' | 'kept'. */
  status: text('status').notNull().default('open'),
  reason: text('reason'),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamptz('decided_at'),
  createdAt: timestamptz('created_at').notNull(),
});

export const successStory = pgTable('success_story', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  caseId: uuid('case_id').notNull(),
  /** 'candidate' | 'consent_requested' | 'consented' | 'declined'. */
  status: text('status').notNull().default('candidate'),
  problem: text('problem').notNull().default(''),
  resolution: text('resolution').notNull().default(''),
  customerWords: text('customer_words').notNull().default(''),
  isAnonymous: boolean('is_anonymous').notNull().default(true),
  consentRequestedAt: timestamptz('consent_requested_at'),
  consentAt: timestamptz('consent_at'),
  /** 'button' | 'web'. */
  consentVia: text('consent_via'),
  createdBy: uuid('created_by'),
  createdAt: timestamptz('created_at').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});

/** A press of a Sada button on a social channel, kept by the platform's id of it (migration 0012). */
export const buttonPress = pgTable(
  'button_press',
  {
    channelAccountId: uuid('channel_account_id').notNull(),
    deliveryKey: text('delivery_key').notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    /** 'offer' | 'survey' | 'story'. */
    kind: text('kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    choice: text('choice').notNull(),
    conversationKey: text('conversation_key').notNull(),
    receivedAt: timestamptz('received_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.channelAccountId, table.deliveryKey] })],
);

/** An hour with far more negative complaints than usual for a category, product or channel (migration 0013). */
export const spikeAlert = pgTable('spike_alert', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  /** 'category' | 'product' | 'channel'. */
  dimension: text('dimension').notNull(),
  key: text('key').notNull(),
  windowStart: timestamptz('window_start').notNull(),
  windowEnd: timestamptz('window_end').notNull(),
  count: integer('count').notNull(),
  usual: doublePrecision('usual').notNull(),
  threshold: integer('threshold').notNull(),
  exampleCaseIds: jsonb('example_case_ids').$type<string[]>().notNull().default(sql`'[]'`),
  createdAt: timestamptz('created_at').notNull(),
});

/**
 * The analytics' narrow copy of each case (migration 0018), kept by triggers on support_case, case_sla
 * and satisfaction_survey in the same transaction as the change. Written only by those triggers.
 */
export const caseMetric = pgTable('case_metric', {
  caseId: uuid('case_id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  createdAt: timestamptz('created_at').notNull(),
  status: text('status').notNull(),
  channel: text('channel').notNull(),
  kind: text('kind').notNull(),
  category: text('category'),
  product: text('product'),
  region: text('region'),
  priority: text('priority').notNull(),
  sentiment: text('sentiment'),
  teamId: uuid('team_id'),
  assigneeId: uuid('assignee_id'),
  firstResponseAt: timestamptz('first_response_at'),
  resolvedAt: timestamptz('resolved_at'),
  closedAt: timestamptz('closed_at'),
  movedPrivateAt: timestamptz('moved_private_at'),
  privateAcceptedAt: timestamptz('private_accepted_at'),
  reopened: boolean('reopened').notNull().default(false),
  everResolved: boolean('ever_resolved').notNull().default(false),
  slaMet: smallint('sla_met').notNull().default(0),
  slaBreached: smallint('sla_breached').notNull().default(0),
  rating: smallint('rating'),
  nps: smallint('nps'),
});

/**
 * Cases per UTC hour and value of one field (migration 0019): what the whole-workspace volume chart
 * and heatmap read. Written only by foldCaseRollup (analytics.repository.ts) from case_rollup_change.
 */
export const caseRollup = pgTable('case_rollup', {
  workspaceId: uuid('workspace_id').notNull(),
  /** category | channel | kind | product | region | sentiment | team */
  dimension: text('dimension').notNull(),
  hour: timestamptz('hour').notNull(),
  /** `null`: the field is not set. */
  value: text('value'),
  cases: integer('cases').notNull(),
});

/** Changes to case_rollup not folded in yet (+1 / -1 per case and field), appended by triggers on case_metric. */
export const caseRollupChange = pgTable('case_rollup_change', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  workspaceId: uuid('workspace_id').notNull(),
  dimension: text('dimension').notNull(),
  hour: timestamptz('hour').notNull(),
  value: text('value'),
  cases: integer('cases').notNull(),
});

/** A period's report as it was made, PDF and CSV (migration 0015): weekly and monthly once per period. */
export const report = pgTable('report', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  /** 'weekly' | 'monthly' | 'on-demand'. */
  kind: text('kind').notNull(),
  periodStart: timestamptz('period_start').notNull(),
  periodEnd: timestamptz('period_end').notNull(),
  timeZone: text('time_zone').notNull(),
  /** 'ar' | 'en': the workspace's default language when it was made. */
  language: text('language').notNull(),
  pdf: bytea('pdf').notNull(),
  pdfPages: integer('pdf_pages').notNull(),
  csv: text('csv').notNull(),
  requestedBy: uuid('requested_by'),
  mailedAt: timestamptz('mailed_at'),
  createdAt: timestamptz('created_at').notNull(),
});

/** Which scheduled reports a user receives by e-mail (migration 0015). */
export const reportSubscription = pgTable('report_subscription', {
  userId: uuid('user_id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  isWeekly: boolean('is_weekly').notNull().default(false),
  isMonthly: boolean('is_monthly').notNull().default(false),
  updatedAt: timestamptz('updated_at').notNull(),
});

/** Who hears of early warnings outside the console: a user by e-mail or a webhook (migration 0016). */
export const alertSubscription = pgTable('alert_subscription', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  /** 'email' (userId set) | 'webhook' (url and secretSealed set). */
  kind: text('kind').notNull(),
  userId: uuid('user_id'),
  url: text('url'),
  /** The webhook's signing secret, sealed by the secret box. */
  secretSealed: text('secret_sealed'),
  isEnabled: boolean('is_enabled').notNull().default(true),
  createdBy: uuid('created_by'),
  createdAt: timestamptz('created_at').notNull(),
});

/** One alert to one subscription, sent once by a job with retries (migration 0016). */
export const alertDelivery = pgTable('alert_delivery', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  alertId: uuid('alert_id').notNull(),
  subscriptionId: uuid('subscription_id').notNull(),
  /** 'pending' | 'sent' | 'failed' | 'skipped' (the subscription was switched off before it went). */
  status: text('status').notNull(),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamptz('next_attempt_at'),
  lastAttemptAt: timestamptz('last_attempt_at'),
  lastError: text('last_error'),
  lastErrorAr: text('last_error_ar'),
  lastErrorCode: text('last_error_code'),
  sentAt: timestamptz('sent_at'),
  createdAt: timestamptz('created_at').notNull(),
});
