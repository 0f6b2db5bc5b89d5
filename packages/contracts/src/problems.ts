// Problem management (issue 9): the cause behind many complaints, its linked cases, corrective
// actions, notes, how well the fix worked, and telling the customers it was fixed.
//   GET    /api/problems?status                       → ProblemList
//   POST   /api/problems                              → ProblemDetail (from cases or an emerging issue)
//   GET    /api/problems/:id                          → ProblemDetail
//   PATCH  /api/problems/:id                          → ProblemDetail
//   POST   /api/problems/:id/cases                    → ProblemDetail (link cases)
//   DELETE /api/problems/:id/cases/:ref               → ProblemDetail (unlink one)
//   GET    /api/problems/:id/suggestions?days         → ProblemSuggestions (similar cases not yet linked)
//   POST   /api/problems/:id/actions                  → ProblemDetail
//   PATCH  /api/problems/:id/actions/:actionId        → ProblemDetail
//   POST   /api/problems/:id/notes                    → ProblemDetail
//   POST   /api/problems/:id/close                    → ProblemDetail (optionally tells the linked customers)
//   GET    /api/problems/:id/effectiveness?at&weeks   → ProblemEffectiveness
//   GET    /api/cases/:ref/problem                    → CaseProblem
import { z } from 'zod';
import { isoDate, listParam, localizedMessage, nonEmptyText, uuid } from './common.ts';

export const PROBLEM_STATUSES = ['open', 'investigating', 'closed'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
export const PROBLEM_ACTION_STATUSES = ['todo', 'in_progress', 'done', 'cancelled'] as const;
export type ProblemActionStatus = (typeof PROBLEM_ACTION_STATUSES)[number];

/** The most cases one request links. */
export const MAX_PROBLEM_LINKS = 200;

const DAY_MS = 86_400_000;
const reference = z.string().trim().min(1).max(40);
const references = z
  .array(reference)
  .min(1)
  .max(MAX_PROBLEM_LINKS)
  .refine((list) => new Set(list.map((ref) => ref.toUpperCase())).size === list.length, {
    message: localizedMessage('Each reference number may appear only once.', 'يجب ألا يتكرر أي رقم مرجعي.'),
  });

/** An emerging issue of the analytics page: its range, label terms and example cases. */
export const problemIssueSource = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    terms: z.array(z.string().trim().min(1).max(100)).min(1).max(10),
    examples: z.array(reference).max(10).default([]).describe("The issue's example reference numbers"),
  })
  .refine((issue) => Date.parse(issue.to) > Date.parse(issue.from), {
    path: ['to'],
    message: localizedMessage('"to" must be after "from".', 'يجب أن يكون "to" بعد "from".'),
  })
  .refine((issue) => (Date.parse(issue.to) - Date.parse(issue.from)) / DAY_MS <= 366, {
    path: ['to'],
    message: localizedMessage('The range is at most 366 days.', 'المدى 366 يومًا على الأكثر.'),
  });

export const createProblemRequest = z
  .strictObject({
    title: nonEmptyText(200).optional().describe("Defaults to the issue's terms or the first case's subject"),
    rootCause: z.string().trim().max(5000).optional(),
    ownerUserId: uuid.nullable().optional(),
    references: references.optional().describe('Cases picked in the inbox'),
    issue: problemIssueSource.optional().describe('An emerging issue: its cases are linked'),
  })
  .refine((body) => (body.references === undefined) !== (body.issue === undefined), {
    path: ['references'],
    message: localizedMessage(
      'Give either references (cases picked in the inbox) or issue (an emerging issue), not both and not neither.',
      'أرسل إما references (حالات اخترتها في صندوق الوارد) أو issue (مشكلة ناشئة)، لا كليهما ولا أيًّا منهما.',
    ),
  });
export type CreateProblemRequest = z.output<typeof createProblemRequest>;

export const updateProblemRequest = z
  .strictObject({
    title: nonEmptyText(200).optional(),
    rootCause: z.string().trim().max(5000).optional(),
    ownerUserId: uuid.nullable().optional(),
    status: z
      .enum(['open', 'investigating'])
      .optional()
      .describe('Close with POST …/close; a closed problem is reopened by setting open or investigating'),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: localizedMessage(
      'Nothing to change: give title, rootCause, ownerUserId or status.',
      'لا شيء لتغييره: أرسل title أو rootCause أو ownerUserId أو status.',
    ),
  });
export type UpdateProblemRequest = z.output<typeof updateProblemRequest>;

export const linkProblemCasesRequest = z.strictObject({ references });

export const createProblemActionRequest = z.strictObject({
  title: nonEmptyText(300),
  ownerUserId: uuid.nullable().optional(),
  dueAt: isoDate.nullable().optional().describe('The deadline'),
  status: z.enum(PROBLEM_ACTION_STATUSES).default('todo'),
});
export type CreateProblemActionRequest = z.output<typeof createProblemActionRequest>;

export const updateProblemActionRequest = z
  .strictObject({
    title: nonEmptyText(300).optional(),
    ownerUserId: uuid.nullable().optional(),
    dueAt: isoDate.nullable().optional(),
    status: z.enum(PROBLEM_ACTION_STATUSES).optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: localizedMessage(
      'Nothing to change: give title, ownerUserId, dueAt or status.',
      'لا شيء لتغييره: أرسل title أو ownerUserId أو dueAt أو status.',
    ),
  });
export type UpdateProblemActionRequest = z.output<typeof updateProblemActionRequest>;

export const createProblemNoteRequest = z.strictObject({ body: nonEmptyText(5000) });

export const closeProblemRequest = z
  .strictObject({
    notifyCustomers: z
      .boolean()
      .default(false)
      .describe("Tell each linked case's customer the cause was fixed"),
    templateId: uuid
      .optional()
      .describe('A reply template for the message; else message, else the default text'),
    message: z
      .strictObject({
        ar: z.string().trim().max(2000).default(''),
        en: z.string().trim().max(2000).default(''),
      })
      .optional()
      .describe(
        'The message in Arabic and English; template variables such as {{case.reference}} are filled',
      ),
  })
  .refine((body) => body.notifyCustomers || (body.templateId === undefined && body.message === undefined), {
    path: ['notifyCustomers'],
    message: localizedMessage(
      'A template or message is sent only when notifyCustomers is true.',
      'يُرسَل القالب أو الرسالة فقط عندما تكون notifyCustomers صحيحة.',
    ),
  });
export type CloseProblemRequest = z.output<typeof closeProblemRequest>;

const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const problemSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.enum(PROBLEM_STATUSES),
    source: z.enum(['cases', 'issue']),
    owner: person,
    linkedCases: z.number().int(),
    actions: z.number().int().describe('Actions not cancelled'),
    openActions: z.number().int().describe('To do or in progress'),
    createdAt: z.date(),
    updatedAt: z.date(),
    closedAt: z.date().nullable(),
  })
  .meta({ id: 'ProblemSummary' });
export type ProblemSummary = z.output<typeof problemSummary>;

export const problemListQuery = z.strictObject({ status: listParam(z.enum(PROBLEM_STATUSES)) });
export const problemList = z.object({ items: z.array(problemSummary) }).meta({ id: 'ProblemList' });
export type ProblemList = z.output<typeof problemList>;

export const problemAction = z.object({
  id: z.string(),
  title: z.string(),
  owner: person,
  dueAt: z.date().nullable(),
  status: z.enum(PROBLEM_ACTION_STATUSES),
  completedAt: z.date().nullable(),
  isOverdue: z.boolean().describe('Past its deadline and still to do or in progress'),
  createdAt: z.date(),
});
export type ProblemAction = z.output<typeof problemAction>;

export const problemCase = z.object({
  referenceNumber: z.string(),
  subject: z.string(),
  status: z.string(),
  channel: z.string(),
  customerName: z.string().nullable(),
  createdAt: z.date(),
  linkedAt: z.date(),
  notifiedAt: z.date().nullable().describe('When "the cause was fixed" was queued for its customer'),
});

export const problemDetail = z
  .object({
    id: z.string(),
    title: z.string(),
    rootCause: z.string(),
    status: z.enum(PROBLEM_STATUSES),
    source: z.enum(['cases', 'issue']),
    issueTerms: z.array(z.string()),
    owner: person,
    createdBy: person,
    createdAt: z.date(),
    updatedAt: z.date(),
    closedAt: z.date().nullable(),
    cases: z.array(problemCase).describe('The newest 1000 linked cases'),
    linkedCases: z.number().int(),
    actions: z.array(problemAction),
    notes: z.array(z.object({ id: z.string(), body: z.string(), author: person, createdAt: z.date() })),
    notified: z.number().int().describe('Linked cases whose customer was told the cause was fixed'),
  })
  .meta({ id: 'ProblemDetail' });
export type ProblemDetail = z.output<typeof problemDetail>;

export const problemSuggestionsQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(180).default(30).describe('Cases created in the last N days'),
});
export const problemSuggestions = z
  .object({
    items: z.array(
      z.object({
        referenceNumber: z.string(),
        subject: z.string(),
        status: z.string(),
        createdAt: z.date(),
        score: z.number().describe("Cosine similarity to the linked cases' centroid, 0–1"),
      }),
    ),
  })
  .meta({ id: 'ProblemSuggestions' });
export type ProblemSuggestions = z.output<typeof problemSuggestions>;

export const problemEffectivenessQuery = z.strictObject({
  at: isoDate.optional().describe('The action date; defaults to when the first action was done'),
  weeks: z.coerce.number().int().min(1).max(26).default(8).describe('Weeks shown on each side of the date'),
});
export type ProblemEffectivenessQuery = z.output<typeof problemEffectivenessQuery>;

const periodRate = z.object({
  weeks: z.number().int().describe('Whole weeks counted'),
  matching: z.number().int().describe("The problem's complaints in those weeks"),
  total: z.number().int().describe('All complaints in those weeks (spam and abuse left out)'),
  perWeek: z.number().nullable(),
  share: z.number().nullable().describe('matching / total'),
});

export const problemEffectiveness = z
  .object({
    /** The action date the weeks are counted from; null: no action is done yet and none was given. */
    actionAt: z.date().nullable(),
    /** Seven-day buckets starting at actionAt − weeks × 7 days (or ending now without an action date). */
    points: z.array(
      z.object({
        t: z.date(),
        matching: z.number().int(),
        total: z.number().int(),
        isAfter: z.boolean(),
        isPartial: z.boolean().describe('The week has not ended yet: left out of the rates'),
      }),
    ),
    before: periodRate.nullable(),
    after: periodRate.nullable(),
    /** (after.perWeek − before.perWeek) / before.perWeek; negative: fewer complaints since the action. */
    change: z.number().nullable(),
  })
  .meta({ id: 'ProblemEffectiveness' });
export type ProblemEffectiveness = z.output<typeof problemEffectiveness>;

export const caseProblem = z
  .object({
    problem: z.object({ id: z.string(), title: z.string(), status: z.enum(PROBLEM_STATUSES) }).nullable(),
  })
  .meta({ id: 'CaseProblem' });
export type CaseProblem = z.output<typeof caseProblem>;
