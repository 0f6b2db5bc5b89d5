import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import {
  AppError,
  CASE_EVENT_TYPES,
  CASE_KINDS,
  CASE_STATUSES,
  CHANNELS,
  type ErrorCode,
  FIELD_TYPES,
  LANGUAGES,
  type LocalizedText,
  MESSAGE_DIRECTIONS,
  MESSAGE_VISIBILITIES,
  PRIORITIES,
  ROLES,
  SENTIMENTS,
  UI_LANGUAGES,
} from '@sada/core';
import {
  type AuditRecordTransfer,
  type CaseCounterTransfer,
  type CaseTransfer,
  type CustomerTransfer,
  type Database,
  type Executor,
  type FieldDefinitionTransfer,
  findWorkspaceBySlug,
  findWorkspaceForTransfer,
  insertAuditRecordsForTransfer,
  insertCaseCountersForTransfer,
  insertCasesForTransfer,
  insertCustomersForTransfer,
  insertFieldDefinitionsForTransfer,
  insertTeamsForTransfer,
  insertUsersForTransfer,
  insertWorkspaceForTransfer,
  linkMergedCustomers,
  listAuditRecordsForTransfer,
  listCaseCountersForTransfer,
  listCasesForTransfer,
  listCustomersForTransfer,
  listFieldDefinitionsForTransfer,
  listTeamsForTransfer,
  listUsersForTransfer,
  realignIdentitySequences,
  type TeamTransfer,
  type TransferCursor,
  type UserTransfer,
  type WorkspaceTransfer,
} from '@sada/db';
import { z } from 'zod';
import { caseSearchDocument } from '../cases/case.service.ts';

// The file: a header line, then one JSON object per line in dependency order (SECTIONS). Every
// record keeps its ids and timestamps, so export → import → export gives the same bytes.
export const EXPORT_HEADER = { type: 'sada-export', version: 1 } as const;
const SECTIONS = [
  'workspace',
  'user',
  'team',
  'field-definition',
  'customer',
  'case-counter',
  'case',
  'audit-record',
] as const;
type Section = (typeof SECTIONS)[number];

const id = z.guid();
const timestamp = z.iso.datetime({ offset: true });
const text = z.string();
const jsonObject = z.record(z.string(), z.unknown());
const record = <T extends Section, Shape extends z.ZodRawShape>(type: T, shape: Shape) =>
  z.strictObject({ type: z.literal(type), ...shape });
type Line<T extends Section, Row> = { type: T } & Row;

const identity = z.strictObject({
  id,
  channel: z.enum(CHANNELS),
  externalId: text,
  handle: text.nullable(),
  createdAt: timestamp,
  blockedAt: timestamp.nullable().default(null),
  blockedReason: text.nullable().default(null),
});
const messageRecord = z.strictObject({
  id,
  direction: z.enum(MESSAGE_DIRECTIONS),
  visibility: z.enum(MESSAGE_VISIBILITIES),
  channel: z.enum(CHANNELS),
  body: text,
  authorUserId: id.nullable(),
  authorCustomerId: id.nullable(),
  externalId: text.nullable(),
  attachments: z.array(
    z.strictObject({ name: text, contentType: text, size: z.number(), url: text.optional() }),
  ),
  createdAt: timestamp,
  triage: jsonObject.nullable().default(null),
  triagedAt: timestamp.nullable().default('1970-01-01T00:00:00.000Z'),
  isAutomatic: z.boolean().default(false),
  moderation: jsonObject.nullable().default(null),
});
const eventRecord = z.strictObject({
  id: z.number().int().positive(),
  type: z.enum(CASE_EVENT_TYPES),
  actorUserId: id.nullable(),
  actorLabel: text,
  changes: jsonObject,
  createdAt: timestamp,
});

const transferLine = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('sada-export'), version: z.literal(1, 'this Sada reads version 1') }),
  record('workspace', {
    id,
    slug: text.min(1),
    name: text,
    referencePrefix: text.min(1),
    defaultLanguage: text,
    timeZone: text,
    createdAt: timestamp,
    // Files written before triage read as "the default categories and rules".
    triageSettings: jsonObject.default({}),
    // Files written before issue 8: the default compensation policy and survey settings.
    compensationSettings: jsonObject.default({}),
    followUpSettings: jsonObject.default({}),
  }) satisfies z.ZodType<Line<'workspace', WorkspaceTransfer>>,
  record('user', {
    id,
    email: text.min(1),
    name: text,
    role: z.enum(ROLES),
    passwordHash: text.min(1),
    isActive: z.boolean(),
    createdAt: timestamp,
    // Files written before users had a language of their own read as "the workspace's".
    language: z.enum(UI_LANGUAGES).nullable().default(null),
    // Files written before assignment: no skills, no limits, no shift plan.
    skills: jsonObject.default({}),
    capacity: jsonObject.default({}),
    shifts: z.array(z.unknown()).default([]),
  }) satisfies z.ZodType<Line<'user', UserTransfer>>,
  record('team', {
    id,
    name: text,
    memberIds: z.array(id),
    createdAt: timestamp,
    assignmentMode: z.enum(['manual', 'round_robin', 'least_open', 'skills']).default('manual'),
    isRoutingNoticeOn: z.boolean().default(true),
  }) satisfies z.ZodType<Line<'team', TeamTransfer>>,
  record('field-definition', {
    id,
    key: text.min(1),
    labelAr: text,
    labelEn: text,
    fieldType: z.enum(FIELD_TYPES),
    isRequired: z.boolean(),
    isActive: z.boolean(),
    options: z.array(text),
    position: z.number().int(),
    createdAt: timestamp,
  }) satisfies z.ZodType<Line<'field-definition', FieldDefinitionTransfer>>,
  record('customer', {
    id,
    name: text,
    email: text.nullable(),
    phone: text.nullable(),
    language: text.nullable(),
    tags: z.array(text),
    notes: text,
    mergedIntoId: id.nullable(),
    searchText: text,
    createdAt: timestamp,
    updatedAt: timestamp,
    identities: z.array(identity),
  }) satisfies z.ZodType<Line<'customer', CustomerTransfer>>,
  record('case-counter', {
    year: z.number().int(),
    lastValue: z.number().int().nonnegative(),
  }) satisfies z.ZodType<Line<'case-counter', CaseCounterTransfer>>,
  record('case', {
    id,
    referenceNumber: text.min(1),
    subject: text,
    description: text,
    status: z.enum(CASE_STATUSES),
    channel: z.enum(CHANNELS),
    kind: z.enum(CASE_KINDS),
    category: text.nullable(),
    product: text.nullable(),
    orderReference: text.nullable(),
    region: text.nullable(),
    priority: z.enum(PRIORITIES),
    sentiment: z.enum(SENTIMENTS).nullable(),
    language: z.enum(LANGUAGES).nullable(),
    teamId: id.nullable(),
    assigneeId: id.nullable(),
    customerId: id.nullable(),
    tags: z.array(text),
    customFields: jsonObject,
    createdAt: timestamp,
    updatedAt: timestamp,
    resolvedAt: timestamp.nullable(),
    closedAt: timestamp.nullable(),
    // Files written before triage: the case counts as read (its fields are what the file says).
    triage: jsonObject.nullable().default(null),
    triagedAt: timestamp.nullable().default('1970-01-01T00:00:00.000Z'),
    triageLocked: z.array(text).default([]),
    isFollowedByEmail: z.boolean().default(false),
    firstResponseAt: timestamp.nullable().default(null),
    // Files written before routing: the case counts as routed (its team is what the file says).
    routedAt: timestamp.nullable().default('1970-01-01T00:00:00.000Z'),
    updateEveryDays: z.int().positive().nullable().default(null),
    lastUpdateSentAt: timestamp.nullable().default(null),
    messages: z.array(messageRecord),
    events: z.array(eventRecord),
  }) satisfies z.ZodType<Line<'case', CaseTransfer>>,
  record('audit-record', {
    id: z.number().int().positive(),
    actorUserId: id.nullable(),
    action: text,
    subjectType: text,
    subjectId: id,
    details: jsonObject,
    createdAt: timestamp,
  }) satisfies z.ZodType<Line<'audit-record', AuditRecordTransfer>>,
]);
type TransferLine = z.infer<typeof transferLine>;
type TransferRecord = Exclude<TransferLine, { type: 'sada-export' }>;
/** What export writes: the same records, with the vocabularies typed as the database holds them. */
type ExportLine =
  | typeof EXPORT_HEADER
  | Line<'workspace', WorkspaceTransfer>
  | Line<'user', UserTransfer>
  | Line<'team', TeamTransfer>
  | Line<'field-definition', FieldDefinitionTransfer>
  | Line<'customer', CustomerTransfer>
  | Line<'case-counter', CaseCounterTransfer>
  | Line<'case', CaseTransfer>
  | Line<'audit-record', AuditRecordTransfer>;

/** How many records of each kind an export wrote or an import read. */
export type TransferSummary = {
  workspaces: number;
  users: number;
  teams: number;
  fieldDefinitions: number;
  customers: number;
  identities: number;
  caseCounters: number;
  cases: number;
  messages: number;
  caseEvents: number;
  auditRecords: number;
};

function emptySummary(): TransferSummary {
  return {
    workspaces: 0,
    users: 0,
    teams: 0,
    fieldDefinitions: 0,
    customers: 0,
    identities: 0,
    caseCounters: 0,
    cases: 0,
    messages: 0,
    caseEvents: 0,
    auditRecords: 0,
  };
}

function count(summary: TransferSummary, line: ExportLine) {
  switch (line.type) {
    case 'sada-export':
      return;
    case 'workspace':
      summary.workspaces += 1;
      return;
    case 'user':
      summary.users += 1;
      return;
    case 'team':
      summary.teams += 1;
      return;
    case 'field-definition':
      summary.fieldDefinitions += 1;
      return;
    case 'customer':
      summary.customers += 1;
      summary.identities += line.identities.length;
      return;
    case 'case-counter':
      summary.caseCounters += 1;
      return;
    case 'case':
      summary.cases += 1;
      summary.messages += line.messages.length;
      summary.caseEvents += line.events.length;
      return;
    case 'audit-record':
      summary.auditRecords += 1;
      return;
  }
}

/** Import and export run from the CLI; their errors still speak both languages like every AppError. */
function failure(code: ErrorCode, en: string, options: { ar: string; cause?: unknown }) {
  return new AppError(code, { en, ar: options.ar }, { cause: options.cause });
}

// ---- export ----

/** Rows per keyset query on export, and records per insert batch on import. */
const DEFAULT_CHUNK_SIZE = 500;

async function* keysetPages<Row extends { createdAt: string; id: string | number }>(
  pageSize: number,
  loadPage: (after: TransferCursor<Row['id']> | undefined) => Promise<Row[]>,
): AsyncGenerator<Row> {
  let after: TransferCursor<Row['id']> | undefined;
  for (;;) {
    const rows = await loadPage(after);
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

async function* exportLines(
  tx: Executor,
  workspace: WorkspaceTransfer,
  pageSize: number,
): AsyncGenerator<ExportLine> {
  const workspaceId = workspace.id;
  const page = { workspaceId, limit: pageSize };
  yield EXPORT_HEADER;
  yield { type: 'workspace', ...workspace };
  for (const row of await listUsersForTransfer(tx, workspaceId)) yield { type: 'user', ...row };
  for (const row of await listTeamsForTransfer(tx, workspaceId)) yield { type: 'team', ...row };
  for (const row of await listFieldDefinitionsForTransfer(tx, workspaceId)) {
    yield { type: 'field-definition', ...row };
  }
  for await (const row of keysetPages<CustomerTransfer>(pageSize, (after) =>
    listCustomersForTransfer(tx, { ...page, after }),
  )) {
    yield { type: 'customer', ...row };
  }
  for (const row of await listCaseCountersForTransfer(tx, workspaceId)) {
    yield { type: 'case-counter', ...row };
  }
  for await (const row of keysetPages<CaseTransfer>(pageSize, (after) =>
    listCasesForTransfer(tx, { ...page, after }),
  )) {
    yield { type: 'case', ...row };
  }
  for await (const row of keysetPages<AuditRecordTransfer>(pageSize, (after) =>
    listAuditRecordsForTransfer(tx, { ...page, after }),
  )) {
    yield { type: 'audit-record', ...row };
  }
}

async function writeLine(output: Writable, line: string) {
  if (!output.write(`${line}\n`)) await once(output, 'drain');
}

/** Writes one workspace as JSON lines to `out` (or standard output), from one consistent snapshot. */
export async function exportWorkspace(options: {
  database: Database;
  slug: string;
  out?: string | undefined;
  pageSize?: number | undefined;
}): Promise<TransferSummary> {
  const { database, slug, out, pageSize = DEFAULT_CHUNK_SIZE } = options;
  return database.orm.transaction(
    async (tx) => {
      const workspace = await findWorkspaceForTransfer(tx, slug);
      if (!workspace) {
        throw failure('not_found', `There is no workspace "${slug}" in this database.`, {
          ar: `لا توجد مساحة عمل "${slug}" في قاعدة البيانات هذه.`,
        });
      }
      const output = out ? createWriteStream(out) : process.stdout;
      const summary = emptySummary();
      try {
        for await (const line of exportLines(tx, workspace, pageSize)) {
          count(summary, line);
          await writeLine(output, JSON.stringify(line));
        }
        if (out) await finished(output.end());
      } catch (error) {
        // A half-written file would look like a complete export of less data.
        if (out) await rm(out, { force: true });
        throw error;
      }
      return summary;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

// ---- import ----

function parseLine(textLine: string, lineNumber: number): TransferLine {
  let value: unknown;
  try {
    value = JSON.parse(textLine);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw failure('validation_failed', `line ${lineNumber} is not valid JSON: ${why}`, {
      ar: `السطر ${lineNumber} ليس JSON صحيحًا: ${why}`,
    });
  }
  const parsed = transferLine.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  throw failure('validation_failed', `line ${lineNumber} is not a valid record: ${problems}`, {
    ar: `السطر ${lineNumber} ليس سجلًا صحيحًا: ${problems}`,
  });
}

const linesText = (from: number, to: number): LocalizedText =>
  from === to
    ? { en: `line ${from}`, ar: `السطر ${from}` }
    : { en: `lines ${from}–${to}`, ar: `الأسطر ${from}–${to}` };

/** A database refusal (a missing reference, an id already taken) told with the lines it came from. */
function importFailure(where: LocalizedText, error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current && typeof current === 'object'; depth += 1) {
    const { code, message, detail } = current as { code?: unknown; message?: unknown; detail?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof message === 'string') {
      const why = typeof detail === 'string' ? `${message} (${detail})` : message;
      return failure(
        code === '23505' ? 'conflict' : 'validation_failed',
        `${where.en} could not be imported: ${why}`,
        {
          ar: `تعذّر استيراد ${where.ar}: ${why}`,
          cause: error,
        },
      );
    }
    current = (current as { cause?: unknown }).cause;
  }
  return error;
}

type RowOf<T extends Section> = Omit<Extract<TransferRecord, { type: T }>, 'type'>;

function withoutType<Line extends { type: string }>(line: Line): Omit<Line, 'type'> {
  const { type: _, ...row } = line;
  return row;
}

// A batch holds records of one kind only; this hands them on as that kind's rows.
function rowsOf<T extends Section>(records: TransferRecord[], type: T): RowOf<T>[] {
  return records
    .filter((line): line is Extract<TransferRecord, { type: T }> => line.type === type)
    .map(withoutType);
}

async function writeRecords(tx: Executor, workspaceId: string, type: Section, records: TransferRecord[]) {
  switch (type) {
    case 'workspace':
      return;
    case 'user':
      return insertUsersForTransfer(tx, workspaceId, rowsOf(records, type));
    case 'team':
      return insertTeamsForTransfer(tx, workspaceId, rowsOf(records, type));
    case 'field-definition':
      return insertFieldDefinitionsForTransfer(tx, workspaceId, rowsOf(records, type));
    case 'customer':
      return insertCustomersForTransfer(tx, workspaceId, rowsOf(records, type));
    case 'case-counter':
      return insertCaseCountersForTransfer(tx, workspaceId, rowsOf(records, type));
    case 'case': {
      const cases = rowsOf(records, type);
      const documents = new Map(
        cases.map((row) => [
          row.id,
          caseSearchDocument(
            row.subject,
            row.description,
            row.messages.map((message) => message.body),
          ),
        ]),
      );
      return insertCasesForTransfer(tx, workspaceId, cases, documents);
    }
    case 'audit-record':
      return insertAuditRecordsForTransfer(tx, workspaceId, rowsOf(records, type));
  }
}

/** Checks the order of records and writes them in batches of one kind, inside the caller's transaction. */
function createImporter(tx: Executor, batchSize: number) {
  const summary = emptySummary();
  let hasHeader = false;
  let workspaceId: string | undefined;
  let section = -1;
  let batch: { section: Section; records: TransferRecord[]; fromLine: number; toLine: number } | undefined;
  const merges: { id: string; mergedIntoId: string }[] = [];

  async function flush() {
    if (!batch || !workspaceId) return;
    const { section: type, records, fromLine, toLine } = batch;
    batch = undefined;
    try {
      await writeRecords(tx, workspaceId, type, records);
    } catch (error) {
      throw importFailure(linesText(fromLine, toLine), error);
    }
  }

  async function startWorkspace(lineNumber: number, line: Extract<TransferRecord, { type: 'workspace' }>) {
    if (await findWorkspaceBySlug(tx, line.slug)) {
      throw failure(
        'conflict',
        `line ${lineNumber}: a workspace "${line.slug}" already exists in this database; import creates a new workspace and never merges into one.`,
        {
          ar: `السطر ${lineNumber}: مساحة العمل "${line.slug}" موجودة في قاعدة البيانات هذه؛ الاستيراد ينشئ مساحة جديدة ولا يدمج في مساحة قائمة.`,
        },
      );
    }
    await insertWorkspaceForTransfer(tx, withoutType(line)).catch((error: unknown) => {
      throw importFailure(linesText(lineNumber, lineNumber), error);
    });
    workspaceId = line.id;
  }

  function assertOrder(lineNumber: number, line: TransferLine) {
    const misplaced = (en: string, ar: string) =>
      failure('validation_failed', `line ${lineNumber}: ${en}`, { ar: `السطر ${lineNumber}: ${ar}` });
    if (line.type === 'sada-export') {
      if (hasHeader) throw misplaced('a second export header.', 'ترويسة تصدير ثانية.');
      hasHeader = true;
      return;
    }
    const header = JSON.stringify(EXPORT_HEADER);
    if (!hasHeader) {
      throw misplaced(
        `expected the header ${header} first; is this a Sada export?`,
        `يجب أن يبدأ الملف بالترويسة ${header}؛ هل هو ملف تصدير من صدى؟`,
      );
    }
    const rank = SECTIONS.indexOf(line.type);
    if (rank > 0 && section < 0) {
      throw misplaced('the workspace record must come first.', 'يجب أن يأتي سجل مساحة العمل أولًا.');
    }
    if (rank < section || (rank === 0 && section === 0)) {
      const order = SECTIONS.join(', ');
      throw misplaced(
        `a ${line.type} record cannot follow ${SECTIONS[section]} records; the order is ${order}, one workspace per file.`,
        `لا يأتي سجل ${line.type} بعد سجلات ${SECTIONS[section]}؛ الترتيب: ${order}، ومساحة عمل واحدة لكل ملف.`,
      );
    }
    section = rank;
  }

  return {
    async add(lineNumber: number, line: TransferLine) {
      assertOrder(lineNumber, line);
      if (line.type === 'sada-export') return;
      count(summary, line);
      if (line.type === 'workspace') return startWorkspace(lineNumber, line);
      if (line.type === 'customer' && line.mergedIntoId) {
        merges.push({ id: line.id, mergedIntoId: line.mergedIntoId });
      }
      if (batch && (batch.section !== line.type || batch.records.length >= batchSize)) await flush();
      batch ??= { section: line.type, records: [], fromLine: lineNumber, toLine: lineNumber };
      batch.records.push(line);
      batch.toLine = lineNumber;
    },

    async finish(): Promise<TransferSummary> {
      if (!workspaceId) {
        throw failure('validation_failed', 'The file holds no workspace record; is it a Sada export?', {
          ar: 'لا يحوي الملف سجل مساحة عمل؛ هل هو ملف تصدير من صدى؟',
        });
      }
      await flush();
      await linkMergedCustomers(tx, merges).catch((error: unknown) => {
        throw importFailure({ en: 'the links of merged customers', ar: 'روابط العملاء المدموجين' }, error);
      });
      await realignIdentitySequences(tx);
      return summary;
    },
  };
}

/**
 * Reads an export line by line and writes it in one transaction: a bad line, or a workspace whose
 * slug already exists, leaves the database as it was. Ids, reference numbers and timestamps are kept.
 */
export async function importFile(options: {
  database: Database;
  file: string;
  batchSize?: number | undefined;
}): Promise<TransferSummary> {
  // Opening first turns a missing file into a plain error before any transaction starts.
  const file = await open(options.file);
  const input = file.createReadStream({ encoding: 'utf8' });
  try {
    return await options.database.orm.transaction(async (tx) => {
      // readline starts reading at once; made here, no line is emitted before the loop listens
      // (on PostgreSQL the transaction first waits for a pooled connection).
      const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
      const importer = createImporter(tx, options.batchSize ?? DEFAULT_CHUNK_SIZE);
      let lineNumber = 0;
      for await (const textLine of lines) {
        lineNumber += 1;
        if (textLine.trim() === '') continue;
        await importer.add(lineNumber, parseLine(textLine, lineNumber));
      }
      return importer.finish();
    });
  } finally {
    input.destroy();
  }
}
