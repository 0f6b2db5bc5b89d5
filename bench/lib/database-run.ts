import { type Database, openDatabase } from '@sada/db';
import { bulkLoadCases } from './bulk-load.ts';
import { clusterCpu, postmasterOf, processCpu } from './cpu-usage.ts';
import { countMatches, explainListQueries, type QueryPlan } from './explain.ts';
import { type BenchWorkspace, countCases, createBenchWorkspace } from './fixture.ts';
import { type CpuMeters, type IngestResult, runIngestLevel } from './ingest-bench.ts';
import { type ListResult, listQueries, runListBench } from './list-bench.ts';
import { databaseVersion } from './machine.ts';
import { type ServerDatabase, startServerProcess } from './server-process.ts';
import type { BenchSettings } from './settings.ts';
import { sampleWaits } from './wait-sampler.ts';

/** One database the benchmark runs against. */
export type BenchTarget = {
  kind: 'pglite' | 'postgres';
  name: string;
  /** Where the database comes from, for the report. */
  origin: string;
  server: ServerDatabase;
  /** Case counts at which the list is measured, smallest first. */
  listSizes: number[];
};

export type DatabaseResult = {
  kind: BenchTarget['kind'];
  name: string;
  origin: string;
  version: string;
  ingest: IngestResult[];
  list: ListResult[];
  loads: { cases: number; seconds: number }[];
  plans: { cases: number; plans: QueryPlan[] }[];
};

type Fixture = { ingest: BenchWorkspace[]; list: BenchWorkspace };
export type Log = (message: string) => void;

function openTarget(target: BenchTarget): Promise<Database> {
  return target.server.kind === 'pglite'
    ? openDatabase({ kind: 'pglite', dataDir: target.server.dataDir })
    : openDatabase({ kind: 'postgres', url: target.server.url, poolSize: 2 });
}

async function prepareFixture(database: Database, settings: BenchSettings, log: Log): Promise<Fixture> {
  const ingest: BenchWorkspace[] = [];
  for (const level of settings.concurrencyLevels) {
    ingest.push(
      await createBenchWorkspace(database, { label: `c${level}`, referencePrefix: 'ING', agents: 0 }),
    );
  }
  const list = await createBenchWorkspace(database, { label: 'list', referencePrefix: 'BLK', agents: 10 });
  log(`workspaces ready; bulk-loading ${settings.baseCases.toLocaleString('en')} cases`);
  return { ingest, list };
}

/** Plans and match counts need the database itself, so they are taken when the bench may open it. */
async function inspectList(database: Database, fixture: Fixture, results: ListResult[], cases: number) {
  const queries = listQueries(fixture.list);
  for (const result of results.filter((row) => row.cases === cases && row.word)) {
    result.matchingCases = await countMatches(database, fixture.list.workspaceId, result.word!);
  }
  return { cases, plans: await explainListQueries(database, fixture.list, queries) };
}

async function addCounts(database: Database, fixture: Fixture, ingest: IngestResult[]) {
  for (const [index, result] of ingest.entries()) {
    const counted = await countCases(database, fixture.ingest[index]!.workspaceId);
    result.casesInDatabase = counted.cases;
    result.referencesInDatabase = counted.references;
  }
}

/** The server's own CPU and, when PostgreSQL runs on this machine, the whole cluster's. */
async function cpuMeters(serverPid: number, database: Database | undefined): Promise<CpuMeters> {
  const [backend] = database ? await database.query<{ pid: number }>('SELECT pg_backend_pid() AS pid') : [];
  const postmaster = backend && postmasterOf(Number(backend.pid));
  return { server: processCpu(serverPid), database: postmaster ? clusterCpu(postmaster) : undefined };
}

async function runIngest(
  server: { url: string; pid: number },
  fixture: Fixture,
  settings: BenchSettings,
  log: Log,
  database: Database | undefined,
) {
  const results: IngestResult[] = [];
  const cpu = await cpuMeters(server.pid, database);
  for (const [index, concurrency] of settings.concurrencyLevels.entries()) {
    log(`POST /api/cases at concurrency ${concurrency}`);
    const workspace = fixture.ingest[index]!;
    const sampler = database && sampleWaits(database);
    const result = await runIngestLevel({
      baseUrl: server.url,
      cpu,
      workspace,
      concurrency,
      requests: settings.requests,
      warmup: settings.warmup,
    });
    if (sampler) result.waits = await sampler.stop();
    results.push(result);
  }
  return results;
}

type ListMeasurements = Pick<DatabaseResult, 'list' | 'plans' | 'loads'>;

/** The list at each size; PostgreSQL grows the workspace in place while the server idles. */
async function measureLists(
  context: { baseUrl: string; database: Database; fixture: Fixture; isEmbedded: boolean },
  target: BenchTarget,
  settings: BenchSettings,
  log: Log,
): Promise<ListMeasurements> {
  const { baseUrl, database, fixture, isEmbedded } = context;
  const measured: ListMeasurements = { list: [], plans: [], loads: [] };
  let loaded = target.listSizes[0]!;
  for (const size of target.listSizes) {
    if (size > loaded) {
      log(`bulk-loading up to ${size.toLocaleString('en')} cases`);
      const range = { from: loaded + 1, to: size };
      measured.loads.push({ cases: size, ...(await bulkLoadCases(database, fixture.list, range, log)) });
      loaded = size;
    }
    log(`list first page at ${size.toLocaleString('en')} cases`);
    const requests = settings.listRequests;
    measured.list.push(...(await runListBench({ baseUrl, workspace: fixture.list, cases: size, requests })));
    if (!isEmbedded) measured.plans.push(await inspectList(database, fixture, measured.list, size));
  }
  return measured;
}

/**
 * Bulk-loads the list workspace, starts `sada start` as a child process, measures case creation and
 * the list, grows the list workspace to each larger size (PostgreSQL only) and measures again.
 */
export async function runTarget(
  target: BenchTarget,
  settings: BenchSettings,
  log: Log,
): Promise<DatabaseResult> {
  let database = await openTarget(target);
  const version = await databaseVersion(database);
  const fixture = await prepareFixture(database, settings, log);
  const baseSize = target.listSizes[0]!;
  const baseLoad = await bulkLoadCases(database, fixture.list, { from: 1, to: baseSize }, log);
  const isEmbedded = target.kind === 'pglite';
  // The embedded database has one owner at a time: the bench hands it to the server and back.
  if (isEmbedded) await database.close();
  const server = await startServerProcess(target.server, settings.serverLogLevel);
  log(`server pid ${server.pid} listening on ${server.url}`);
  let ingest: IngestResult[];
  let measured: ListMeasurements;
  try {
    ingest = await runIngest(server, fixture, settings, log, isEmbedded ? undefined : database);
    const context = { baseUrl: server.url, database, fixture, isEmbedded };
    measured = await measureLists(context, target, settings, log);
  } finally {
    await server.stop();
  }
  if (isEmbedded) {
    database = await openTarget(target);
    measured.plans.push(await inspectList(database, fixture, measured.list, baseSize));
  }
  await addCounts(database, fixture, ingest);
  await database.close();
  const loads = [{ cases: baseSize, ...baseLoad }, ...measured.loads];
  const { kind, name, origin } = target; // not the server's URL: it may hold a password
  return { kind, name, origin, version, ingest, list: measured.list, plans: measured.plans, loads };
}
