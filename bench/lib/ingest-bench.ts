import { caseRequestBody } from './case-bodies.ts';
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
  /** PostgreSQL only: what the server's busy connections waited on during the measured run. */
  waits?: WaitProfile;
};

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
}): Promise<IngestResult> {
  const { workspace, concurrency, requests, warmup } = options;
  const client = createHttpClient(options.baseUrl, workspace.token, concurrency);
  const post = (index: number) =>
    client.request('POST', '/api/cases', caseRequestBody(index, workspace.teamIds, concurrency));
  try {
    const warm = await runClosedLoop(warmup, concurrency, post);
    const measured = await runClosedLoop(requests, concurrency, (index) => post(warmup + index));
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
    };
  } finally {
    client.close();
  }
}
