// `npm run bench`: the foundation's performance figures on PGlite and on PostgreSQL.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type BenchTarget, type DatabaseResult, runTarget } from './lib/database-run.ts';
import { describeMachine } from './lib/machine.ts';
import { findPostgresBin, type PostgresCluster, startPostgresCluster } from './lib/postgres-cluster.ts';
import { databaseSection, machineLines, TARGETS } from './lib/report.ts';
import { type BenchSettings, describeSettings, readSettings } from './lib/settings.ts';

const startedAt = performance.now();
const log = (message: string) => {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(0).padStart(5);
  process.stderr.write(`[${seconds} s] ${message}\n`);
};

async function benchPglite(settings: BenchSettings): Promise<DatabaseResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sada-bench-pglite-'));
  const target: BenchTarget = {
    kind: 'pglite',
    name: 'PGlite',
    origin: `embedded, fresh data directory ${dataDir}`,
    server: { kind: 'pglite', dataDir },
    listSizes: [settings.baseCases],
  };
  try {
    return await runTarget(target, settings, (message) => log(`pglite: ${message}`));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Ctrl-C must not leave a PostgreSQL cluster running in the temporary directory.
function stopOnInterrupt(cluster: PostgresCluster): () => void {
  const stop = () => void cluster.stop().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
}

async function postgresSource(
  settings: BenchSettings,
): Promise<{ url: string; origin: string; cluster?: PostgresCluster } | undefined> {
  if (settings.databaseUrl) return { url: settings.databaseUrl, origin: 'BENCH_DATABASE_URL' };
  const bin = findPostgresBin();
  if (!bin) return undefined;
  const cluster = await startPostgresCluster(bin);
  const origin =
    'throwaway cluster on 127.0.0.1, fsync and synchronous_commit on, shared_buffers 512MB, max_wal_size 4GB';
  return { url: cluster.url, origin, cluster };
}

async function benchPostgres(settings: BenchSettings): Promise<DatabaseResult | string> {
  const source = await postgresSource(settings);
  if (!source)
    return 'PostgreSQL figures skipped: no BENCH_DATABASE_URL and no server under /usr/lib/postgresql.';
  const sizes = settings.isLargeSkipped ? [settings.baseCases] : [settings.baseCases, settings.largeCases];
  const target: BenchTarget = {
    kind: 'postgres',
    name: 'PostgreSQL',
    origin: source.origin,
    server: { kind: 'postgres', url: source.url },
    listSizes: sizes,
  };
  const forgetInterrupt = source.cluster ? stopOnInterrupt(source.cluster) : () => {};
  try {
    return await runTarget(target, settings, (message) => log(`postgres: ${message}`));
  } finally {
    forgetInterrupt();
    await source.cluster?.stop();
  }
}

function writeResults(settings: BenchSettings, results: (DatabaseResult | string)[]) {
  const document = {
    recordedAt: new Date().toISOString(),
    machine: describeMachine(),
    settings: describeSettings(settings),
    serverMode: 'child process (sada start), separate event loop from the load generator',
    targets: TARGETS,
    databases: results.filter((result): result is DatabaseResult => typeof result !== 'string'),
    skipped: results.filter((result): result is string => typeof result === 'string'),
  };
  mkdirSync(dirname(settings.resultsFile), { recursive: true });
  writeFileSync(settings.resultsFile, `${JSON.stringify(document, null, 2)}\n`);
}

async function main() {
  const settings = readSettings();
  const results: (DatabaseResult | string)[] = [];
  if (!settings.isPgliteSkipped) results.push(await benchPglite(settings));
  if (!settings.isPostgresSkipped) results.push(await benchPostgres(settings));
  const lines = [
    '',
    'Sada foundation benchmark',
    machineLines(describeMachine()),
    'Server: `sada start` in a child process (its own event loop); the load generator is this process, on the same machine.',
    `Targets: ≥${TARGETS.casesPerSecondAt16OnPostgres} cases/s at concurrency 16 on PostgreSQL; list first page p95 < ${TARGETS.listP95MsAt1M} ms and search p95 < ${TARGETS.searchP95MsAt1M} ms at 1M cases.`,
    '',
    ...results.flatMap((result) => [
      typeof result === 'string' ? result : databaseSection(result, settings),
      '',
    ]),
    `Figures written to ${settings.resultsFile} (query plans included).`,
  ];
  writeResults(settings, results);
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
