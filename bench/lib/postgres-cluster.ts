import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A throwaway PostgreSQL server in a temporary directory, with default durability settings. */
export type PostgresCluster = { url: string; stop(): Promise<void> };

/** The newest installed server's bin directory, if any. */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

// initdb refuses to run as root, so the cluster belongs to the postgres user when we are root.
function asOwner(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

/**
 * initdb + pg_ctl start on 127.0.0.1. fsync and synchronous_commit stay on (the defaults);
 * shared_buffers is 512MB and max_wal_size 4GB so the bulk load is not all checkpoints.
 */
export async function startPostgresCluster(bin: string): Promise<PostgresCluster> {
  const directory = mkdtempSync(join(tmpdir(), 'sada-bench-pg-'));
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    chownSync(directory, Number(stdout.trim()), Number(group.trim()));
  }
  const dataDir = join(directory, 'data');
  const port = await freePort();
  await run(
    ...asOwner(join(bin, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
    ]),
  );
  const options = [
    `-p ${port}`,
    "-c listen_addresses='127.0.0.1'",
    `-c unix_socket_directories='${directory}'`,
    '-c shared_buffers=512MB',
    '-c max_wal_size=4GB',
    '-c max_connections=200',
  ].join(' ');
  const pgCtl = join(bin, 'pg_ctl');
  await run(
    ...asOwner(pgCtl, ['-D', dataDir, '-o', options, '-l', join(directory, 'server.log'), '-w', 'start']),
  );
  await run(
    ...asOwner(join(bin, 'createdb'), [
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-U',
      'postgres',
      'sada_bench',
    ]),
  );
  return {
    url: `postgres://postgres@127.0.0.1:${port}/sada_bench`,
    async stop() {
      await run(...asOwner(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop'])).catch(() => {});
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
