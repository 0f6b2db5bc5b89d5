import os from 'node:os';
import type { Database } from '@sada/db';

export type Machine = {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  /** 1, 5 and 15 minute load averages: other work on the machine skews the figures. */
  loadAverage: number[];
};

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

/** "PostgreSQL 15.14 (Debian …)" as the server reports itself. */
export async function databaseVersion(database: Database): Promise<string> {
  const [row] = await database.query<{ version: string }>('SELECT version() AS version');
  return row!.version.split(' on ')[0]!;
}
