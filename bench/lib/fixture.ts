import { randomBytes } from 'node:crypto';
import { systemClock } from '@sada/core';
import type { Database } from '@sada/db';
import { loadConfig } from '../../apps/server/src/config.ts';
import { createServices } from '../../apps/server/src/services.ts';
import { TEAM_NAMES } from './vocabulary.ts';

/** A workspace the benchmark works in, with its teams, agents and an admin's API token. */
export type BenchWorkspace = {
  slug: string;
  workspaceId: string;
  referencePrefix: string;
  token: string;
  teamIds: string[];
  agentIds: string[];
};

const PASSWORD = 'bench-password-not-secret';

/** Creates a workspace through the server's own services, as the CLI and the test harness do. */
export async function createBenchWorkspace(
  database: Database,
  options: { label: string; referencePrefix: string; agents: number },
): Promise<BenchWorkspace> {
  const config = loadConfig({ SADA_DEMO: 'false', SADA_JOBS: 'false', LOG_LEVEL: 'silent' });
  const { workspaces, auth, people } = createServices({ database, clock: systemClock, config });
  const slug = `bench-${options.label}-${randomBytes(3).toString('hex')}`;
  const { workspace } = await workspaces.ensureWorkspace({
    slug,
    name: `Benchmark ${options.label}`,
    referencePrefix: options.referencePrefix,
  });
  const admin = await workspaces.createUser({
    workspace,
    email: `admin@${slug}.bench`,
    name: 'Bench admin',
    role: 'admin',
    password: PASSWORD,
  });
  const actor = workspaces.systemActor(workspace, admin);
  const agentIds: string[] = [];
  for (let index = 0; index < options.agents; index++) {
    const agent = await workspaces.createUser({
      workspace,
      email: `agent${index}@${slug}.bench`,
      name: `Agent ${index}`,
      role: 'agent',
      password: PASSWORD,
    });
    agentIds.push(agent.id);
  }
  const teamIds: string[] = [];
  for (const name of TEAM_NAMES) {
    teamIds.push((await people.createTeam({ actor, name, memberIds: [] })).id);
  }
  const { secret } = await auth.createApiToken({ actor, name: 'benchmark' });
  return {
    slug,
    workspaceId: workspace.id,
    referencePrefix: workspace.referencePrefix,
    token: secret,
    teamIds,
    agentIds,
  };
}

/** How many cases a workspace holds, and how many distinct reference numbers among them. */
export async function countCases(database: Database, workspaceId: string) {
  const [row] = await database.query<{ cases: string; references: string }>(
    `SELECT count(*) AS cases, count(DISTINCT reference_number) AS "references"
       FROM support_case WHERE workspace_id = $1`,
    [workspaceId],
  );
  return { cases: Number(row!.cases), references: Number(row!.references) };
}
