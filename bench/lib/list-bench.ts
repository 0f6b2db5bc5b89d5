import type { BenchWorkspace } from './fixture.ts';
import { createHttpClient } from './http-load.ts';
import { type LatencySummary, summarise } from './stats.ts';
import { SEARCH_WORDS } from './vocabulary.ts';

/** A first-page request of the case list, as the console sends it. */
export type ListQuery = {
  kind: 'list' | 'search' | 'analytics';
  label: string;
  path: string;
  /** For search: the word, for the database to count its matches. */
  word?: string;
};

export type ListResult = ListQuery & {
  cases: number;
  latencyMs: LatencySummary;
  rowsReturned: number;
  failures: number;
  /** Status and body of the first failed answer, to tell why. */
  firstFailure?: string | undefined;
  matchingCases?: number;
};

const WARMUP_REQUESTS = 20;

export function listQueries(workspace: BenchWorkspace): ListQuery[] {
  const busiestTeam = workspace.teamIds[0]!;
  return [
    {
      kind: 'list',
      label: 'status=open & team (busiest)',
      path: `/api/cases?status=open&team=${busiestTeam}&limit=25`,
    },
    ...SEARCH_WORDS.map(({ label, word }) => ({
      kind: 'search' as const,
      label: `q=${word} (${label})`,
      path: `/api/cases?q=${encodeURIComponent(word)}&limit=25`,
      word,
    })),
  ];
}

/** The analytics page's queries over the last 90 days (issue 9's target: p95 under 500 ms at 1M). */
export function analyticsQueries(): ListQuery[] {
  // As the analytics page asks: the last 90 days up to the next midnight (UTC).
  const to = new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000);
  const from = new Date(to.getTime() - 90 * 86_400_000);
  const range = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
  return [
    {
      kind: 'analytics',
      label: 'volume by category, per day, 90 days',
      path: `/api/analytics/volume?${range}&by=category`,
    },
    {
      kind: 'analytics',
      label: 'handling by team, 90 days',
      path: `/api/analytics/handling?${range}&by=team`,
    },
    { kind: 'analytics', label: 'peak hours, 90 days', path: `/api/analytics/heatmap?${range}` },
    { kind: 'analytics', label: 'backlog by age', path: '/api/analytics/backlog' },
    // With a filter the page offers, the counts come from case_metric rather than the hourly rollup.
    {
      kind: 'analytics',
      label: 'volume by category, WhatsApp only, 90 days',
      path: `/api/analytics/volume?${range}&by=category&channel=whatsapp`,
    },
    {
      kind: 'analytics',
      label: 'handling by agent, WhatsApp only, 90 days',
      path: `/api/analytics/handling?${range}&by=agent&channel=whatsapp`,
    },
    {
      kind: 'analytics',
      label: 'peak hours, WhatsApp only, 90 days',
      path: `/api/analytics/heatmap?${range}&channel=whatsapp`,
    },
  ];
}

/** How many rows an answer carries: a list's items, a report's series, rows, bands or weekdays. */
function rowsOf(body: Record<string, unknown>): number {
  for (const key of ['items', 'series', 'rows', 'bands', 'counts']) {
    const value = body[key];
    if (Array.isArray(value)) return value.length;
  }
  return 0;
}

/** Sends each query `requests` times, one at a time, and summarises the latencies. */
export async function runListBench(options: {
  baseUrl: string;
  workspace: BenchWorkspace;
  cases: number;
  requests: number;
}): Promise<ListResult[]> {
  const client = createHttpClient(options.baseUrl, options.workspace.token, 1);
  const results: ListResult[] = [];
  try {
    for (const query of [...listQueries(options.workspace), ...analyticsQueries()]) {
      for (let index = 0; index < WARMUP_REQUESTS; index++) await client.request('GET', query.path);
      const latencies: number[] = [];
      let failures = 0;
      let firstFailure: string | undefined;
      let rowsReturned = 0;
      for (let index = 0; index < options.requests; index++) {
        const answer = await client.request('GET', query.path);
        latencies.push(answer.latencyMs);
        if (answer.status !== 200) {
          failures += 1;
          firstFailure ??= `${answer.status} ${answer.body.slice(0, 300)}`;
        } else rowsReturned = rowsOf(JSON.parse(answer.body) as Record<string, unknown>);
      }
      results.push({
        ...query,
        cases: options.cases,
        latencyMs: summarise(latencies),
        rowsReturned,
        failures,
        firstFailure,
      });
    }
  } finally {
    client.close();
  }
  return results;
}
