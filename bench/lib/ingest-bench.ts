import { caseRequestBody } from './case-bodies.ts';
import { type CpuMeter, type CpuPerCase, ownCpu } from './cpu-usage.ts';
import type { BenchWorkspace } from './fixture.ts';
import { createHttpClient, type HttpAnswer, runClosedLoop } from './http-load.ts';
import { type LatencySummary, summarise } from './stats.ts';
import type { WaitProfile } from './wait-sampler.ts';

/** One concurrency level of POST /api/cases. */
export type IngestResult = {
  concurrency: number;
  requests: number;
  /** Measured requests plus the warm-up, all of which must be found in the database. */
  sent: number;
  casesPerSecond: number;
  latencyMs: LatencySummary;
  /** Answers other than 201, by status. */
  failures: Record<string, number>;
  /** Distinct reference numbers in the 201 answers. */
  answeredReferences: number;
  /** Filled in after the run from the database: cases found and distinct reference numbers. */
  casesInDatabase?: number;
  referencesInDatabase?: number;
  /** CPU milliseconds per case created in the measured run: the server, the database server, this process. */
  cpuMsPerCase: CpuPerCase;
  /** PostgreSQL only: what the server's busy connections waited on during the measured run. */
  waits?: WaitProfile;
};

/** Where the CPU of one run is read: the server process and, when it runs here, the database server. */
export type CpuMeters = { server: CpuMeter; database: CpuMeter | undefined };

function cpuSnapshot(meters: CpuMeters) {
  return { server: meters.server(), database: meters.database?.(), loadGenerator: ownCpu() };
}

function cpuPerCase(
  before: ReturnType<typeof cpuSnapshot>,
  after: ReturnType<typeof cpuSnapshot>,
  cases: number,
): CpuPerCase {
  const per = (spent: number) => Math.round((spent / Math.max(cases, 1)) * 100) / 100;
  return {
    server: per(after.server - before.server),
    database:
      after.database === undefined || before.database === undefined
        ? undefined
        : per(after.database - before.database),
    loadGenerator: per(after.loadGenerator - before.loadGenerator),
  };
}

function countFailures(answers: HttpAnswer[]): Record<string, number> {
  const failures: Record<string, number> = {};
  for (const answer of answers) {
    if (answer.status !== 201) failures[answer.status] = (failures[answer.status] ?? 0) + 1;
  }
  return failures;
}

function referencesOf(answers: HttpAnswer[]): Set<string> {
  const references = new Set<string>();
  for (const answer of answers) {
    if (answer.status === 201)
      references.add((JSON.parse(answer.body) as { referenceNumber: string }).referenceNumber);
  }
  return references;
}

/**
 * Warms the sockets and the server up inside the workspace, then sends `requests` case creations
 * with `concurrency` requests in flight. Warm-up cases count towards the database check too.
 */
export async function runIngestLevel(options: {
  baseUrl: string;
  workspace: BenchWorkspace;
  concurrency: number;
  requests: number;
  warmup: number;
  cpu: CpuMeters;
}): Promise<IngestResult> {
  const { workspace, concurrency, requests, warmup } = options;
  const client = createHttpClient(options.baseUrl, workspace.token, concurrency);
  // The bodies are made before the clock starts: making them is not the server's work.
  const bodies = Array.from({ length: warmup + requests }, (_, index) =>
    Buffer.from(JSON.stringify(caseRequestBody(index, workspace.teamIds, concurrency))),
  );
  const post = (index: number) => client.request('POST', '/api/cases', bodies[index]);
  try {
    const warm = await runClosedLoop(warmup, concurrency, post);
    const before = cpuSnapshot(options.cpu);
    const measured = await runClosedLoop(requests, concurrency, (index) => post(warmup + index));
    const after = cpuSnapshot(options.cpu);
    const all = [...warm.answers, ...measured.answers];
    const created = measured.answers.filter((answer) => answer.status === 201).length;
    return {
      concurrency,
      requests,
      sent: all.length,
      casesPerSecond: Math.round((created / measured.elapsedMs) * 1000),
      latencyMs: summarise(measured.answers.map((answer) => answer.latencyMs)),
      failures: countFailures(all),
      answeredReferences: referencesOf(all).size,
      cpuMsPerCase: cpuPerCase(before, after, created),
    };
  } finally {
    client.close();
  }
}
