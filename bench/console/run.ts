// `npm run bench:console`: the agent console's inbox in Chromium over 10,000 cases.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@sada/db';
import { type Browser, type CDPSession, chromium, type Page } from 'playwright-core';
import { bulkLoadCases } from '../lib/bulk-load.ts';
import { createBenchWorkspace } from '../lib/fixture.ts';
import { describeMachine } from '../lib/machine.ts';
import { machineLines } from '../lib/report.ts';
import { type ServerDatabase, startServerProcess } from '../lib/server-process.ts';
import { type LatencySummary, summarise } from '../lib/stats.ts';
import { type BundleSize, measureBundle } from './bundle-size.ts';
import { LOAD_EVERY_PAGE, PROBE_SCRIPT, READ_NAVIGATION, SCROLL_THROUGH } from './probe.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARGETS = { firstRowsMs: 1000, pushToRowMs: 300, initialJsGzipKb: 300 };

const positive = (value: string | undefined, fallback: number) => {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
};
// The only place this benchmark reads its environment.
const settings = {
  cases: positive(process.env.BENCH_CONSOLE_CASES, 10_000),
  warmNavigations: positive(process.env.BENCH_CONSOLE_NAVIGATIONS, 5),
  pushes: positive(process.env.BENCH_CONSOLE_PUSHES, 20),
  scrollStep: positive(process.env.BENCH_CONSOLE_SCROLL_STEP, 560),
  databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
  chromium: process.env.SADA_CHROMIUM ?? '/usr/bin/chromium',
  resultsFile: process.env.BENCH_RESULTS_FILE ?? join(REPO_ROOT, 'bench/results/console-latest.json'),
};

const startedAt = performance.now();
const log = (message: string) =>
  process.stderr.write(`[${((performance.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);

/** Builds the console when its sources changed since the last build, as `npm start` does. */
function ensureConsoleBuilt() {
  execFileSync(process.execPath, [join(REPO_ROOT, 'apps/web/scripts/ensure-built.mjs')], {
    stdio: 'inherit',
  });
}

/**
 * Waits until `check` is true in the page. Playwright's waitForFunction evaluates strings, which the
 * console's Content-Security-Policy forbids; polling page.evaluate does not. The figures come from
 * the page's own clock, so the polling interval does not enter them.
 */
async function waitInPage<Arg>(page: Page, check: (arg: Arg) => boolean, arg: Arg, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  const inPage = check as (value: unknown) => boolean;
  while (!(await page.evaluate(inPage, arg))) {
    if (Date.now() > deadline) throw new Error('the page did not reach the awaited state in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const hasPaintedRows = () => {
  const bench = (globalThis as unknown as { __consoleBench?: { firstRowPainted: number | null } })
    .__consoleBench;
  return bench !== undefined && bench.firstRowPainted !== null;
};

type Navigation = {
  firstRowDom: number;
  firstRowPainted: number;
  firstContentfulPaint: number | null;
  domContentLoaded: number | null;
  firstPageResponseEnd: number | null;
  firstPageDuration: number | null;
  scriptBytesTransferred: number;
  /** The API requests of the page load: path, start and end on the page's clock. */
  api: { path: string; start: number; end: number }[];
};
type ViewResult = { path: string; cold: Navigation; warm: Navigation[]; warmFirstRows: LatencySummary };
type PushResult = {
  pushToDom: LatencySummary;
  pushToPainted: LatencySummary;
  requestToPainted: LatencySummary;
};
type ScrollResult = {
  rowsLoaded: number;
  loadAllSeconds: number;
  stepPx: number;
  frames: LatencySummary;
  framesOver50ms: number;
  longTasks: number;
  longestTaskMs: number;
  rowsInDom: number;
  mainThreadMsPerFrame: { task: number; script: number; layout: number; style: number };
};

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: settings.chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Navigation → first case rows painted, once with an empty cache and then with the assets cached. */
async function measureView(browser: Browser, baseURL: string, storageState: string, path: string) {
  const context = await browser.newContext({ baseURL, storageState, viewport: { width: 1366, height: 800 } });
  await context.addInitScript({ content: PROBE_SCRIPT });
  const page = await context.newPage();
  const navigate = async (): Promise<Navigation> => {
    await page.goto(path, { waitUntil: 'commit' });
    await waitInPage(page, hasPaintedRows, undefined);
    return (await page.evaluate(READ_NAVIGATION)) as Navigation;
  };
  const cold = await navigate();
  const warm: Navigation[] = [];
  for (let run = 0; run < settings.warmNavigations; run++) warm.push(await navigate());
  await context.close();
  return { path, cold, warm, warmFirstRows: summarise(warm.map((navigation) => navigation.firstRowPainted)) };
}

/** A case created over the API while the inbox is open: WebSocket push → its row in the DOM and painted. */
async function measurePush(
  browser: Browser,
  baseURL: string,
  storageState: string,
  token: string,
): Promise<PushResult> {
  const context = await browser.newContext({ baseURL, storageState, viewport: { width: 1366, height: 800 } });
  await context.addInitScript({ content: PROBE_SCRIPT });
  const page = await context.newPage();
  await page.goto('/inbox/open', { waitUntil: 'commit' });
  await waitInPage(page, hasPaintedRows, undefined);
  await page.locator('[data-testid="live-status"][data-status="open"]').waitFor();
  const pageOrigin = (await page.evaluate('performance.timeOrigin')) as number;
  const toDom: number[] = [];
  const toPainted: number[] = [];
  const requestToPainted: number[] = [];
  for (let index = 1; index <= settings.pushes; index++) {
    const sentAt = performance.timeOrigin + performance.now();
    const response = await fetch(`${baseURL}/api/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ subject: `Benchmark live case ${index}`, channel: 'whatsapp', priority: 'P2' }),
    });
    if (response.status !== 201)
      throw new Error(`creating a case failed: ${response.status} ${await response.text()}`);
    const { referenceNumber } = (await response.json()) as { referenceNumber: string };
    await waitInPage(
      page,
      (reference) => {
        const bench = (globalThis as unknown as { __consoleBench: { rowPainted: Record<string, number> } })
          .__consoleBench;
        return bench.rowPainted[reference] !== undefined;
      },
      referenceNumber,
      30_000,
    );
    const seen = (await page.evaluate((reference) => {
      const bench = (
        globalThis as unknown as {
          __consoleBench: Record<'pushAt' | 'rowDom' | 'rowPainted', Record<string, number>>;
        }
      ).__consoleBench;
      return {
        push: bench.pushAt[reference],
        dom: bench.rowDom[reference],
        painted: bench.rowPainted[reference],
      };
    }, referenceNumber)) as { push: number | undefined; dom: number; painted: number };
    if (seen.push === undefined)
      throw new Error(`no case.created event reached the page for ${referenceNumber}`);
    toDom.push(seen.dom - seen.push);
    toPainted.push(seen.painted - seen.push);
    requestToPainted.push(pageOrigin + seen.painted - sentAt);
  }
  await context.close();
  return {
    pushToDom: summarise(toDom),
    pushToPainted: summarise(toPainted),
    requestToPainted: summarise(requestToPainted),
  };
}

/** Every case of the workspace loaded into the list, then scrolled through from top to bottom. */
async function measureScroll(browser: Browser, baseURL: string, storageState: string): Promise<ScrollResult> {
  const context = await browser.newContext({ baseURL, storageState, viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  await page.goto('/inbox/all', { waitUntil: 'commit' });
  await page.locator('[data-case-row]').first().waitFor();
  const loaded = (await page.evaluate(`(${LOAD_EVERY_PAGE})()`)) as { rows: number; seconds: number };
  // Chromium's own counters of main-thread time: what the page costs, apart from waiting for a CPU
  // on a busy machine (which the frame intervals include).
  const devtools = await context.newCDPSession(page);
  await devtools.send('Performance.enable');
  const before = await mainThreadSeconds(devtools);
  const scrolled = (await page.evaluate(`(${SCROLL_THROUGH})(${settings.scrollStep})`)) as {
    frames: number[];
    longTasks: number[];
    rowsInDom: number;
  };
  const after = await mainThreadSeconds(devtools);
  const perFrame = (key: keyof typeof before) =>
    Math.round(((after[key] - before[key]) * 1000 * 100) / Math.max(1, scrolled.frames.length)) / 100;
  await context.close();
  return {
    rowsLoaded: loaded.rows,
    loadAllSeconds: Math.round(loaded.seconds * 10) / 10,
    stepPx: settings.scrollStep,
    frames: summarise(scrolled.frames),
    framesOver50ms: scrolled.frames.filter((frame) => frame > 50).length,
    longTasks: scrolled.longTasks.length,
    longestTaskMs: Math.round(Math.max(0, ...scrolled.longTasks)),
    rowsInDom: scrolled.rowsInDom,
    mainThreadMsPerFrame: {
      task: perFrame('TaskDuration'),
      script: perFrame('ScriptDuration'),
      layout: perFrame('LayoutDuration'),
      style: perFrame('RecalcStyleDuration'),
    },
  };
}

async function mainThreadSeconds(devtools: CDPSession) {
  const { metrics } = (await devtools.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  return {
    TaskDuration: value('TaskDuration'),
    ScriptDuration: value('ScriptDuration'),
    LayoutDuration: value('LayoutDuration'),
    RecalcStyleDuration: value('RecalcStyleDuration'),
  };
}

async function seed(database: ServerDatabase) {
  const db =
    database.kind === 'pglite'
      ? await openDatabase({ kind: 'pglite', dataDir: database.dataDir })
      : await openDatabase({ kind: 'postgres', url: database.url, poolSize: 2 });
  const workspace = await createBenchWorkspace(db, { label: 'console', referencePrefix: 'CON', agents: 10 });
  log(`workspace ${workspace.slug}; bulk-loading ${settings.cases.toLocaleString('en')} cases`);
  await bulkLoadCases(db, workspace, { from: 1, to: settings.cases }, log);
  const [counted] = await db.query<{ open: string }>(
    `SELECT count(*) FILTER (WHERE status IN ('new', 'open', 'pending')) AS open FROM support_case WHERE workspace_id = $1`,
    [workspace.workspaceId],
  );
  // One process at a time opens a PGlite directory: the server opens it next.
  await db.close();
  return { workspace, openCases: Number(counted?.open ?? 0) };
}

/** A supervisor who signs in through the browser, created over the API with the workspace's token. */
async function signedInState(
  browser: Browser,
  baseURL: string,
  workspace: { slug: string; token: string },
  scratch: string,
) {
  const credentials = {
    workspace: workspace.slug,
    email: `console@${workspace.slug}.bench`,
    password: 'console-bench-password',
  };
  const created = await fetch(`${baseURL}/api/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${workspace.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      email: credentials.email,
      name: 'Console bench',
      role: 'supervisor',
      password: credentials.password,
    }),
  });
  if (created.status !== 201)
    throw new Error(`creating the user failed: ${created.status} ${await created.text()}`);
  const context = await browser.newContext({ baseURL });
  const login = await context.request.post('/api/auth/login', { data: credentials });
  if (login.status() !== 200) throw new Error(`sign-in failed: ${login.status()} ${await login.text()}`);
  const path = join(scratch, 'signed-in-state.json');
  await context.storageState({ path });
  await context.close();
  return path;
}

const ms = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${Math.round(value)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const verdict = (value: number, target: number) => (value < target ? 'meets' : 'MISSES');

function report(results: {
  bundle: BundleSize;
  views: ViewResult[];
  push: PushResult;
  scroll: ScrollResult;
  openCases: number;
  database: string;
}) {
  const { bundle, views, push, scroll } = results;
  const lines = [
    '',
    'Sada console benchmark (inbox in Chromium)',
    machineLines(describeMachine()),
    `Database: ${results.database}; ${settings.cases.toLocaleString('en')} cases (${results.openCases.toLocaleString('en')} new/open/pending), server as \`sada start\` in a child process on 127.0.0.1.`,
    '',
    `Initial JavaScript (entry + modulepreloads, gzip -9): ${kb(bundle.initialJsGzip)} (${kb(bundle.initialJsBytes)} minified) — target < ${TARGETS.initialJsGzipKb} kB: ${verdict(bundle.initialJsGzip / 1024, TARGETS.initialJsGzipKb)}`,
    ...bundle.initialJs.map(
      (asset) =>
        `  ${asset.file.padEnd(44)} ${kb(asset.gzipBytes).padStart(9)} gz ${kb(asset.bytes).padStart(10)}`,
    ),
    `Initial CSS (gzip -9): ${kb(bundle.initialCssGzip)}`,
    '',
    'Navigation → first case rows painted (page clock, 0 = navigation start):',
    ...views.flatMap((view) => [
      `  ${view.path}: cold cache ${ms(view.cold.firstRowPainted)} (FCP ${ms(view.cold.firstContentfulPaint)}, first page API done at ${ms(view.cold.firstPageResponseEnd)}) — ${verdict(view.cold.firstRowPainted, TARGETS.firstRowsMs)} < ${TARGETS.firstRowsMs} ms`,
      `  ${' '.repeat(view.path.length)}  warm cache p50 ${ms(view.warmFirstRows.p50)}, max ${ms(view.warmFirstRows.max)} over ${view.warm.length} — p50 ${verdict(view.warmFirstRows.p50, TARGETS.firstRowsMs)} < ${TARGETS.firstRowsMs} ms`,
    ]),
    '',
    `New case pushed over the WebSocket → its row in an open inbox (${push.pushToPainted.count} cases, /inbox/open):`,
    `  push → row in DOM:   p50 ${ms(push.pushToDom.p50)}, p95 ${ms(push.pushToDom.p95)}, max ${ms(push.pushToDom.max)}`,
    `  push → row painted:  p50 ${ms(push.pushToPainted.p50)}, p95 ${ms(push.pushToPainted.p95)}, max ${ms(push.pushToPainted.max)} — target < ${TARGETS.pushToRowMs} ms: ${verdict(push.pushToPainted.p95, TARGETS.pushToRowMs)} (p95)`,
    `  API request sent → row painted: p50 ${ms(push.requestToPainted.p50)}, p95 ${ms(push.requestToPainted.p95)}`,
    '',
    `Scrolling all ${scroll.rowsLoaded.toLocaleString('en')} rows of /inbox/all (loaded page by page in ${scroll.loadAllSeconds} s), ${scroll.stepPx} px per frame:`,
    `  main-thread time per frame: ${scroll.mainThreadMsPerFrame.task} ms (script ${scroll.mainThreadMsPerFrame.script}, layout ${scroll.mainThreadMsPerFrame.layout}, style ${scroll.mainThreadMsPerFrame.style}) — a 60 Hz frame has 16.7 ms`,
    `  frame interval p50 ${ms(scroll.frames.p50)}, p95 ${ms(scroll.frames.p95)}, p99 ${ms(scroll.frames.p99)}, max ${ms(scroll.frames.max)} over ${scroll.frames.count} frames; frames over 50 ms: ${scroll.framesOver50ms}; long tasks: ${scroll.longTasks} (longest ${scroll.longestTaskMs} ms); row elements in the page at the end: ${scroll.rowsInDom}`,
    '',
    `Figures written to ${settings.resultsFile}.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'sada-console-bench-'));
  log('building the console if its sources changed');
  ensureConsoleBuilt();
  const webDir = join(REPO_ROOT, 'apps/web/dist');
  const bundle = measureBundle(webDir);
  const database: ServerDatabase = settings.databaseUrl
    ? { kind: 'postgres', url: settings.databaseUrl }
    : { kind: 'pglite', dataDir: join(scratch, 'pglite') };
  const { workspace, openCases } = await seed(database);
  const server = await startServerProcess(database);
  log(`server at ${server.url}`);
  const browser = await launch();
  try {
    const state = await signedInState(browser, server.url, workspace, scratch);
    const views: ViewResult[] = [];
    for (const path of ['/inbox/open', '/inbox/all']) {
      log(`navigations to ${path}`);
      views.push(await measureView(browser, server.url, state, path));
    }
    log(`${settings.pushes} live cases`);
    const push = await measurePush(browser, server.url, state, workspace.token);
    log('loading every page of /inbox/all and scrolling through it');
    const scroll = await measureScroll(browser, server.url, state);
    const results = {
      recordedAt: new Date().toISOString(),
      machine: describeMachine(),
      settings: { ...settings, databaseUrl: settings.databaseUrl?.replace(/\/\/[^@/]*@/, '//***@') },
      database:
        database.kind === 'pglite' ? 'PGlite (fresh data directory)' : 'PostgreSQL (BENCH_DATABASE_URL)',
      openCases,
      targets: TARGETS,
      bundle,
      views,
      push,
      scroll,
    };
    mkdirSync(dirname(settings.resultsFile), { recursive: true });
    writeFileSync(settings.resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    report(results);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
