import { type Database, foldCaseRollup } from '@sada/db';
import { normalizeForSearch } from '@sada/triage';
import type { BenchWorkspace } from './fixture.ts';
import {
  ARABIC_DESCRIPTIONS,
  ARABIC_SUBJECTS,
  CATEGORIES,
  CUSTOMER_NAMES,
  DESCRIPTIONS,
  SUBJECTS,
} from './vocabulary.ts';

const BATCH_SIZE = 100_000;
// One customer for every five cases: most customers complain more than once in a year.
const CASES_PER_CUSTOMER = 5;
const CHANNELS = ['email', 'web_form', 'live_chat', 'phone', 'walk_in', 'x', 'instagram', 'whatsapp'];

// Customers get ids derived from their number, so a case can name its customer without a join.
// The md5 is shaped as a version-4 UUID, which the API's response schema insists on.
const uuidFrom = (seed: string) =>
  `overlay(overlay(md5(${seed}) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid`;
const INSERT_CUSTOMERS = `
INSERT INTO customer (id, workspace_id, name, phone, language, search_text, created_at, updated_at)
SELECT ${uuidFrom("$1::uuid::text || ':' || i")}, $1::uuid, ($2::text[])[1 + i % cardinality($2::text[])],
       '+9665' || (20000000 + i), 'ar', '', now() - interval '400 days', now() - interval '400 days'
  FROM generate_series($3::int, $4::int - 1) AS i`;

// Status follows age: last week's cases are mostly new or open, last year's mostly closed.
const STATUS_BY_AGE = `
CASE
  WHEN age_days < 7 THEN CASE WHEN r_status < 0.30 THEN 'new' WHEN r_status < 0.70 THEN 'open'
    WHEN r_status < 0.90 THEN 'pending' ELSE 'resolved' END
  WHEN age_days < 30 THEN CASE WHEN r_status < 0.05 THEN 'new' WHEN r_status < 0.35 THEN 'open'
    WHEN r_status < 0.55 THEN 'pending' WHEN r_status < 0.85 THEN 'resolved' ELSE 'closed' END
  ELSE CASE WHEN r_status < 0.03 THEN 'open' WHEN r_status < 0.05 THEN 'pending'
    WHEN r_status < 0.15 THEN 'resolved' ELSE 'closed' END
END`;

// $1 workspace, $2 prefix, $3/$4 subjects raw/normalised, $5/$6 descriptions raw/normalised,
// $7 Arabic subject count, $8 Arabic description count, $9 teams, $10 agents, $11 channels,
// $12 categories, $13..$14 numbers of this batch, $15..$16 numbers of this phase, $17 customers.
const INSERT_CASES = `
INSERT INTO support_case (id, workspace_id, reference_number, subject, description, status, channel, kind,
  category, product, order_reference, region, priority, sentiment, language, team_id, assignee_id,
  customer_id, tags, search_vector, created_at, updated_at, resolved_at, closed_at)
SELECT gen_random_uuid(), $1::uuid,
       $2::text || '-' || extract(year FROM created_at)::int || '-' || lpad(n::text, greatest(6, length(n::text)), '0'),
       ($3::text[])[subject_no], replace(($5::text[])[description_no], '{n}', order_no), status,
       ($11::text[])[1 + floor(r_channel * cardinality($11::text[]))::int],
       CASE WHEN r_kind < 0.70 THEN 'complaint' WHEN r_kind < 0.85 THEN 'question'
            WHEN r_kind < 0.90 THEN 'suggestion' WHEN r_kind < 0.95 THEN 'praise' ELSE 'other' END,
       ($12::text[])[1 + floor(r_category * cardinality($12::text[]))::int], NULL, order_no, NULL,
       CASE WHEN r_priority < 0.05 THEN 'P1' WHEN r_priority < 0.25 THEN 'P2'
            WHEN r_priority < 0.80 THEN 'P3' ELSE 'P4' END,
       CASE WHEN r_kind < 0.70 THEN 'negative' ELSE 'neutral' END,
       CASE WHEN subject_no <= $7::int THEN 'ar' ELSE 'en' END,
       CASE WHEN r_team < 0.05 THEN NULL
            ELSE ($9::uuid[])[1 + floor(power((r_team - 0.05) / 0.95, 1.6) * cardinality($9::uuid[]))::int] END,
       CASE WHEN status = 'new' OR cardinality($10::uuid[]) = 0 THEN NULL
            ELSE ($10::uuid[])[1 + n % cardinality($10::uuid[])] END,
       ${uuidFrom("$1::uuid::text || ':' || floor(r_customer * $17::int)::int")},
       CASE WHEN r_tag < 0.10 THEN ARRAY['vip'] WHEN r_tag < 0.15 THEN ARRAY['repeat'] ELSE '{}'::text[] END,
       sada_search_vector(($4::text[])[subject_no] || ' ' || replace(($6::text[])[description_no], '{n}', order_no)),
       created_at,
       CASE WHEN status = 'new' THEN created_at ELSE created_at + interval '3 hours' END,
       CASE WHEN status IN ('resolved', 'closed') THEN created_at + interval '1 day' END,
       CASE WHEN status = 'closed' THEN created_at + interval '4 days' END
FROM (
  SELECT *, ${STATUS_BY_AGE} AS status
  FROM (
    SELECT n, (4000000 + n)::text AS order_no, created_at,
           extract(epoch FROM now() - created_at) / 86400 AS age_days,
           1 + floor(r_subject * cardinality($3::text[]))::int AS subject_no,
           CASE WHEN r_subject * cardinality($3::text[]) < $7::int
                THEN 1 + floor(r_description * $8::int)::int
                ELSE 1 + $8::int + floor(r_description * (cardinality($5::text[]) - $8::int))::int END AS description_no,
           r_status, r_channel, r_kind, r_category, r_priority, r_team, r_customer, r_tag
    FROM (
      SELECT n, random() AS r_subject, random() AS r_description, random() AS r_status,
             random() AS r_channel, random() AS r_kind, random() AS r_category, random() AS r_priority,
             random() AS r_team, random() AS r_customer, random() AS r_tag,
             now() - interval '365 days'
               + (n - $15::int)::float8 / ($16::int - $15::int + 1) * interval '365 days'
               + random() * interval '1 hour' AS created_at
      FROM generate_series($13::int, $14::int) AS n
    ) AS drawn
  ) AS shaped
) AS cases`;

export type LoadProgress = (message: string) => void;

function caseParameters(workspace: BenchWorkspace) {
  return [
    workspace.workspaceId,
    workspace.referencePrefix,
    SUBJECTS,
    SUBJECTS.map(normalizeForSearch),
    DESCRIPTIONS,
    DESCRIPTIONS.map(normalizeForSearch),
    ARABIC_SUBJECTS.length,
    ARABIC_DESCRIPTIONS.length,
    workspace.teamIds,
    workspace.agentIds,
    CHANNELS,
    CATEGORIES,
  ];
}

/**
 * Adds cases numbered `from`..`to` (1-based) to the workspace, in batches of 100k, spreading this
 * phase's created_at over the last year, then refreshes the planner's statistics.
 */
export async function bulkLoadCases(
  database: Database,
  workspace: BenchWorkspace,
  range: { from: number; to: number },
  progress: LoadProgress,
): Promise<{ seconds: number }> {
  const startedAt = performance.now();
  const customers = Math.ceil(range.to / CASES_PER_CUSTOMER);
  const existingCustomers = Math.ceil((range.from - 1) / CASES_PER_CUSTOMER);
  await database.query(INSERT_CUSTOMERS, [
    workspace.workspaceId,
    CUSTOMER_NAMES,
    existingCustomers,
    customers,
  ]);
  const fixed = caseParameters(workspace);
  for (let batchFrom = range.from; batchFrom <= range.to; batchFrom += BATCH_SIZE) {
    const batchTo = Math.min(range.to, batchFrom + BATCH_SIZE - 1);
    await database.query(INSERT_CASES, [...fixed, batchFrom, batchTo, range.from, range.to, customers]);
    progress(`loaded cases up to ${batchTo.toLocaleString('en')} (${elapsed(startedAt)} s)`);
  }
  // What the job analytics.rollup does every minute: the hourly counts' changes folded in.
  await foldCaseRollup(database.orm);
  // What autovacuum would do after a bulk load: statistics, visibility map, GIN pending list.
  await database.query('VACUUM ANALYZE support_case, customer, case_metric, case_rollup, case_rollup_change');
  progress(`vacuumed and analysed (${elapsed(startedAt)} s)`);
  return { seconds: Number(elapsed(startedAt)) };
}

const elapsed = (startedAt: number) => ((performance.now() - startedAt) / 1000).toFixed(1);
