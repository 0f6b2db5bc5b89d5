import { parseArgs } from 'node:util';
import { runSimulateCommand } from '@sada/channels/simulator';
import { ROLES, type Role, systemClock } from '@sada/core';
import { findWorkspaceBySlug, runMigrations } from '@sada/db';
import { loadConfig } from '../config.ts';
import { openConfiguredDatabase, startSada } from '../server.ts';
import { createServices } from '../services.ts';
import { exportWorkspace, importFile } from './transfer.ts';
import { classifyLines } from './triage-cli.ts';

const HELP = `Sada — complaint management and social customer care

Usage: sada <command> [options]

Commands:
  start                     Run the server (HTTP API, WebSocket, background jobs)
  migrate                   Apply database migrations and exit
  create-user               Create a user (and the workspace if missing)
      --workspace W --email E --password P --role admin|supervisor|agent|analyst [--name N]
  import FILE.jsonl         Import workspaces, users, teams, customers and cases from an export
  export --workspace W      Write one workspace as JSON lines to standard output [--out FILE]
  triage classify           Classify JSON lines {"id","text"} from standard input, one JSON line out each
  simulate [--port 4010] [--target URL] [--rate 6] [--count N] [--secrets FILE]
                            Play Meta, WhatsApp, Telegram and X locally (their send APIs and signed
                            webhooks); with --target, send that Sada sampled posts
  triage retrain --workspace W
                            Adapt the model to the workspace's corrections now (also done nightly)

Configuration comes from the environment: PORT, HOST, DATABASE_URL, SADA_DATA_DIR, SADA_DEMO,
SADA_JOBS, SADA_COOKIE_SECURE, SADA_SESSION_TTL_HOURS, LOG_LEVEL (see README.md).`;

function fail(message: string): never {
  process.stderr.write(`sada: ${message}\n`);
  process.exit(2);
}

async function start() {
  const config = loadConfig();
  const sada = await startSada({
    config,
    listen: true,
    onDemoCreated: ({ email, password, workspace }) => {
      process.stdout.write(
        `\n  Demo workspace "${workspace}" created. Sign in once with:\n    e-mail:    ${email}\n    password:  ${password}\n  (shown only this once; change it with: sada create-user or PATCH /api/users/:id)\n\n`,
      );
    },
  });
  process.stdout.write(
    `Sada is listening on ${sada.url} (database: ${config.database.kind}); API docs at /api/docs\n`,
  );
  let signals = 0;
  const shutdown = (signal: string) => {
    signals += 1;
    if (signals > 1) process.exit(1);
    sada.app.log.info(`${signal}: finishing in-flight requests and jobs, then closing the database`);
    sada.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        sada.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

async function withDatabase<T>(
  work: (deps: { database: Awaited<ReturnType<typeof openConfiguredDatabase>> }) => Promise<T>,
) {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    return await work({ database });
  } finally {
    await database.close();
  }
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${HELP}\n`);
      return;
    case 'start':
      return start();
    case 'migrate': {
      const config = loadConfig();
      const database = await openConfiguredDatabase(config, { migrate: false });
      try {
        const applied = await runMigrations(database);
        process.stdout.write(
          applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n',
        );
      } finally {
        await database.close();
      }
      return;
    }
    case 'create-user': {
      const { values } = parseArgs({
        args: rest,
        options: {
          workspace: { type: 'string' },
          email: { type: 'string' },
          password: { type: 'string' },
          role: { type: 'string' },
          name: { type: 'string' },
        },
      });
      if (!values.workspace || !values.email || !values.password || !values.role) {
        fail('create-user needs --workspace, --email, --password and --role');
      }
      if (!ROLES.includes(values.role as Role)) fail(`--role must be one of ${ROLES.join(', ')}`);
      if (values.password.length < 10) fail('--password must have at least 10 characters');
      await withDatabase(async ({ database }) => {
        const services = createServices({ database, clock: systemClock, config: loadConfig() });
        const { workspace, isCreated } = await services.workspaces.ensureWorkspace({
          slug: values.workspace!,
        });
        const user = await services.workspaces.createUser({
          workspace,
          email: values.email!,
          name: values.name ?? values.email!.split('@')[0]!,
          role: values.role as Role,
          password: values.password!,
        });
        process.stdout.write(
          `${isCreated ? `Created workspace ${workspace.slug} (prefix ${workspace.referencePrefix}). ` : ''}Created ${user.role} ${user.email}.\n`,
        );
      });
      return;
    }
    case 'import': {
      const file = rest[0];
      if (!file) fail('import needs a file: sada import FILE.jsonl');
      await withDatabase(async ({ database }) => {
        const summary = await importFile({ database, file });
        process.stdout.write(`${JSON.stringify(summary)}\n`);
      });
      return;
    }
    case 'export': {
      const { values } = parseArgs({
        args: rest,
        options: { workspace: { type: 'string' }, out: { type: 'string' } },
      });
      if (!values.workspace) fail('export needs --workspace W');
      await withDatabase(async ({ database }) => {
        await exportWorkspace({ database, slug: values.workspace!, out: values.out });
      });
      return;
    }
    case 'simulate': {
      const run = await runSimulateCommand(rest);
      const stop = () => void run.stop();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await run.done;
      await run.stop();
      return;
    }
    case 'triage': {
      const [action, ...options] = rest;
      if (action === 'classify') {
        const failed = await classifyLines(process.stdin, process.stdout);
        if (failed > 0) process.exitCode = 1;
        return;
      }
      if (action !== 'retrain') fail('triage needs classify or retrain; see sada --help');
      const { values } = parseArgs({ args: options, options: { workspace: { type: 'string' } } });
      if (!values.workspace) fail('triage retrain needs --workspace W');
      await withDatabase(async ({ database }) => {
        const config = loadConfig();
        const services = createServices({ database, clock: systemClock, config });
        const workspace = await findWorkspaceBySlug(database.orm, values.workspace!);
        if (!workspace) fail(`no workspace "${values.workspace}"`);
        const result = await services.triage.retrain(workspace.id);
        const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
        process.stdout.write(
          `${[
            `Adapted ${workspace.slug} from ${result.corrections} corrections (${result.heldOut} held out to measure).`,
            `kind accuracy on held-out corrections: ${percent(result.kind.baseAccuracy)} -> ${percent(result.kind.adaptedAccuracy)} (${result.kind.heldOut})`,
            `category accuracy on held-out corrections: ${percent(result.category.baseAccuracy)} -> ${percent(result.category.adaptedAccuracy)} (${result.category.heldOut})`,
          ].join('\n')}\n`,
        );
      });
      return;
    }
    default:
      fail(`unknown command "${command}"; see sada --help`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`sada: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
