import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 120_000;

/** The Sada server running as `sada start` in its own process, so it has its own event loop. */
export type ServerProcess = { url: string; pid: number; stop(): Promise<void> };

export type ServerDatabase = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

// Only what the server needs: the bench's own environment (DATABASE_URL, say) must not leak in.
function serverEnvironment(database: ServerDatabase, logLevel: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: '0',
    HOST: '127.0.0.1',
    SADA_DEMO: 'false',
    SADA_JOBS: 'false',
    LOG_LEVEL: logLevel,
    NODE_ENV: 'production',
    ...(database.kind === 'pglite' ? { SADA_DATA_DIR: database.dataDir } : { DATABASE_URL: database.url }),
  };
}

function waitForListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), START_TIMEOUT_MS);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

export async function startServerProcess(
  database: ServerDatabase,
  logLevel = 'silent',
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['apps/server/bin/sada.mjs', 'start'], {
    cwd: REPO_ROOT,
    env: serverEnvironment(database, logLevel),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (logLevel !== 'silent') {
    child.stdout?.pipe(process.stderr);
    child.stderr?.pipe(process.stderr);
  }
  const url = await waitForListening(child);
  child.removeAllListeners('exit');
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
