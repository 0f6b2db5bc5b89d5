// The benchmark's knobs, read once from the environment (the only place the bench reads it).

export type BenchSettings = {
  /** Measured POST /api/cases requests per concurrency level. */
  requests: number;
  /** Unmeasured requests before each level, on the same keep-alive sockets. */
  warmup: number;
  concurrencyLevels: number[];
  /** Measured GET /api/cases requests per list query. */
  listRequests: number;
  baseCases: number;
  largeCases: number;
  isLargeSkipped: boolean;
  isPgliteSkipped: boolean;
  isPostgresSkipped: boolean;
  databaseUrl: string | undefined;
  resultsFile: string;
  /** The server's LOG_LEVEL; anything but silent is copied to this process's stderr. */
  serverLogLevel: string;
};

const positive = (value: string | undefined, fallback: number): number => {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
};

const isSet = (value: string | undefined): boolean => ['1', 'true', 'yes'].includes(value ?? '');

export function readSettings(environment: NodeJS.ProcessEnv = process.env): BenchSettings {
  return {
    requests: positive(environment.BENCH_REQUESTS, 2000),
    warmup: positive(environment.BENCH_WARMUP, 200),
    concurrencyLevels: (environment.BENCH_CONCURRENCY ?? '1,4,16')
      .split(',')
      .map((level) => positive(level.trim(), 0))
      .filter((level) => level > 0),
    listRequests: positive(environment.BENCH_LIST_REQUESTS, 200),
    baseCases: positive(environment.BENCH_BASE_CASES, 100_000),
    largeCases: positive(environment.BENCH_LARGE_CASES, 1_000_000),
    isLargeSkipped: isSet(environment.BENCH_SKIP_1M),
    isPgliteSkipped: isSet(environment.BENCH_SKIP_PGLITE),
    isPostgresSkipped: isSet(environment.BENCH_SKIP_POSTGRES),
    databaseUrl: environment.BENCH_DATABASE_URL || undefined,
    serverLogLevel: environment.BENCH_SERVER_LOG_LEVEL ?? 'silent',
    resultsFile:
      environment.BENCH_RESULTS_FILE ?? new URL('../results/latest.json', import.meta.url).pathname,
  };
}

/** The settings as they may be written down: a database URL's credentials are masked. */
export function describeSettings(settings: BenchSettings) {
  return { ...settings, databaseUrl: settings.databaseUrl?.replace(/\/\/[^@/]*@/, '//***@') };
}
