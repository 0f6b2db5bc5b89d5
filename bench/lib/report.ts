import type { DatabaseResult } from './database-run.ts';
import type { IngestResult } from './ingest-bench.ts';
import type { ListResult } from './list-bench.ts';
import type { Machine } from './machine.ts';

/** The foundation's performance targets, printed beside the figures they judge. */
export const TARGETS = {
  casesPerSecondAt16OnPostgres: 1000,
  listP95MsAt1M: 50,
  searchP95MsAt1M: 150,
  analyticsP95MsAt1M: 500,
} as const;

const LARGE = 1_000_000;
const number = (value: number | undefined) => (value === undefined ? '—' : value.toLocaleString('en'));
const ms = (value: number) => value.toFixed(1);
const ms2 = (value: number) => value.toFixed(2);

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

function verdict(isMet: boolean) {
  return isMet ? 'met' : 'MISSED';
}

function ingestTarget(result: IngestResult, kind: DatabaseResult['kind']): string {
  if (kind !== 'postgres' || result.concurrency !== 16) return '';
  const goal = TARGETS.casesPerSecondAt16OnPostgres;
  return `≥${number(goal)}/s: ${verdict(result.casesPerSecond >= goal)}`;
}

function integrity(result: IngestResult): string {
  const isWhole = result.casesInDatabase === result.sent && result.referencesInDatabase === result.sent;
  return isWhole ? 'ok' : 'LOST/DUPLICATE';
}

// Two cores give 2 ms of CPU per case at 1,000 cases/s, for everything on the machine.
function cpuCell(result: IngestResult): string {
  const { server, database, loadGenerator } = result.cpuMsPerCase;
  const total = server + (database ?? 0) + loadGenerator;
  return `${ms2(server)}+${database === undefined ? '?' : ms2(database)}+${ms2(loadGenerator)}=${ms2(total)}`;
}

export function ingestTable(result: DatabaseResult): string {
  const rows = result.ingest.map((row) => [
    String(row.concurrency),
    number(row.casesPerSecond),
    ms(row.latencyMs.p50),
    ms(row.latencyMs.p95),
    ms(row.latencyMs.p99),
    number(Object.values(row.failures).reduce((sum, count) => sum + count, 0)),
    number(row.sent),
    number(row.casesInDatabase),
    number(row.referencesInDatabase),
    integrity(row),
    cpuCell(row),
    ingestTarget(row, result.kind),
  ]);
  const headers = [
    'concurrency',
    'cases/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'non-201',
    'sent',
    'in DB',
    'distinct refs',
    'check',
    'CPU ms/case srv+db+gen',
    'target',
  ];
  return table(headers, rows);
}

function listTarget(row: ListResult): string {
  if (row.cases < LARGE) return '';
  const goal =
    row.kind === 'list'
      ? TARGETS.listP95MsAt1M
      : row.kind === 'analytics'
        ? TARGETS.analyticsP95MsAt1M
        : TARGETS.searchP95MsAt1M;
  return `p95<${goal} ms: ${verdict(row.latencyMs.p95 < goal)}`;
}

export function listTable(result: DatabaseResult): string {
  const rows = result.list.map((row) => [
    number(row.cases),
    row.label,
    row.kind === 'search' ? number(row.matchingCases) : '',
    String(row.rowsReturned),
    ms(row.latencyMs.p50),
    ms(row.latencyMs.p95),
    ms(row.latencyMs.p99),
    row.failures ? String(row.failures) : '0',
    listTarget(row),
  ]);
  return table(
    ['cases', 'first page query', 'matches', 'rows', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'target'],
    rows,
  );
}

export function machineLines(machine: Machine): string {
  return `Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB RAM, ${machine.os}, Node ${machine.node}; load average ${machine.loadAverage.join(' / ')} (1/5/15 min, at the end)`;
}

function waitLines(result: DatabaseResult): string[] {
  return result.ingest
    .filter((row) => row.waits?.length)
    .map((row) => {
      const top = row.waits!.slice(0, 4).map((wait) => `${wait.wait} ${wait.share}%`);
      return `  concurrency ${row.concurrency}: ${top.join(', ')}`;
    });
}

// The nodes that say how a plan finds its rows: scans, sorts and the limit.
function planOutline(plan: string): string {
  return plan
    .split('\n')
    .filter((line) => /Scan|Sort|Limit|Execution Time/.test(line) && !/Sort (Key|Method)/.test(line))
    .map((line) => `    ${line.trim().replace(/\s+\(cost=[^)]*\)/, '')}`)
    .join('\n');
}

function planLines(result: DatabaseResult): string[] {
  const largest = result.plans.at(-1);
  if (!largest) return [];
  return [
    `Query plans at ${number(largest.cases)} cases (EXPLAIN ANALYZE of each statement listCases() sends, captured from Drizzle; full plans in the JSON):`,
    ...largest.plans.map((plan) => `  ${plan.label}: ${ms(plan.executionMs)} ms\n${planOutline(plan.plan)}`),
  ];
}

export function databaseSection(
  result: DatabaseResult,
  settings: { requests: number; warmup: number; listRequests: number },
) {
  const loads = result.loads
    .map((load) => `${number(load.cases)} in ${load.seconds.toFixed(0)} s`)
    .join(', ');
  return [
    `== ${result.name} — ${result.version} (${result.origin}) ==`,
    '',
    `Case creation, POST /api/cases with an API token: ${number(settings.requests)} measured requests per level after ${number(settings.warmup)} warm-up`,
    '(sent, in DB and distinct refs include the warm-up; check = every case stored once with its own number)',
    ingestTable(result),
    ...(waitLines(result).length
      ? [
          "What the server's busy PostgreSQL connections were doing (sampled pg_stat_activity):",
          ...waitLines(result),
        ]
      : []),
    '',
    `Case list, first page (limit 25): ${number(settings.listRequests)} sequential requests per query after 20 warm-up; bulk load: ${loads}`,
    listTable(result),
    '',
    ...planLines(result),
  ].join('\n');
}
