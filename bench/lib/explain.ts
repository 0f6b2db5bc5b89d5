import { type CaseListQuery, type Database, type Executor, listCases } from '@sada/db';
import { normalizeForSearch } from '@sada/triage';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { BenchWorkspace } from './fixture.ts';
import type { ListQuery } from './list-bench.ts';

/** The plan PostgreSQL chose for one statement of a list query, run for real. */
export type QueryPlan = { label: string; executionMs: number; plan: string };

type Statement = { text: string; values: unknown[] };

// The repository's own query, as the case service calls it for GET /api/cases.
function caseListQuery(query: ListQuery, workspace: BenchWorkspace): CaseListQuery {
  const common = { workspaceId: workspace.workspaceId, sort: 'createdAt' as const, order: 'desc' as const };
  return query.kind === 'search'
    ? { ...common, limit: 25, normalizedQuery: normalizeForSearch(query.word!) }
    : { ...common, limit: 25, statuses: ['open'], teamIds: [workspace.teamIds[0]!] };
}

/** Runs listCases() through a Drizzle that records its SQL, so the plans follow the repository's code. */
async function statementsOf(database: Database, query: CaseListQuery): Promise<Statement[]> {
  const statements: Statement[] = [];
  const logger = { logQuery: (text: string, values: unknown[]) => statements.push({ text, values }) };
  const orm = database.pool
    ? drizzleNodePostgres({ client: database.pool, logger })
    : drizzlePglite({ client: database.pglite!, logger });
  await listCases(orm as unknown as Executor, query);
  return statements;
}

async function explain(database: Database, statement: Statement): Promise<Omit<QueryPlan, 'label'>> {
  const rows = await database.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
    statement.values,
  );
  const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
  return { executionMs: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN), plan };
}

export async function explainListQueries(
  database: Database,
  workspace: BenchWorkspace,
  queries: ListQuery[],
): Promise<QueryPlan[]> {
  const plans: QueryPlan[] = [];
  for (const query of queries) {
    const statements = await statementsOf(database, caseListQuery(query, workspace));
    for (const [index, statement] of statements.entries()) {
      const label =
        statements.length > 1 ? `${query.label}, statement ${index + 1}/${statements.length}` : query.label;
      plans.push({ label, ...(await explain(database, statement)) });
    }
  }
  return plans;
}

/** How many cases of the workspace match a search word. */
export async function countMatches(database: Database, workspaceId: string, word: string): Promise<number> {
  const [row] = await database.query<{ matches: string }>(
    'SELECT count(*) AS matches FROM support_case WHERE workspace_id = $1 AND search_vector @@ sada_search_query($2)',
    [workspaceId, normalizeForSearch(word)],
  );
  return Number(row!.matches);
}
