import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** CPU time spent so far, in milliseconds, by the processes one figure covers. */
export type CpuMeter = () => number;

/** CPU milliseconds per created case, by who spent them; undefined where it could not be read. */
export type CpuPerCase = { server: number; database: number | undefined; loadGenerator: number };

let tickMs: number | undefined;

function millisecondsPerTick(): number {
  tickMs ??= 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());
  return tickMs;
}

// /proc/<pid>/stat: the command may hold spaces and parentheses, so fields are counted after the last ')'.
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // the process has exited
  }
}

// Fields after the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
const ticksOf = (fields: string[], withChildren: boolean) =>
  Number(fields[11]) + Number(fields[12]) + (withChildren ? Number(fields[13]) + Number(fields[14]) : 0);

/** User + system CPU of one process (all its threads). */
export function processCpu(pid: number): CpuMeter {
  return () => {
    const fields = statFields(pid);
    return fields ? ticksOf(fields, false) * millisecondsPerTick() : 0;
  };
}

/**
 * A local PostgreSQL server's whole CPU: the postmaster, every live child (backends, WAL writer,
 * checkpointer, autovacuum) and the children it has already reaped (counted in its cutime).
 */
export function clusterCpu(postmasterPid: number): CpuMeter {
  return () => {
    const postmaster = statFields(postmasterPid);
    if (!postmaster) return 0;
    let ticks = ticksOf(postmaster, true);
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const fields = statFields(Number(entry));
      if (fields && Number(fields[1]) === postmasterPid) ticks += ticksOf(fields, false);
    }
    return ticks * millisecondsPerTick();
  };
}

const commandOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
};

/** The postmaster of a backend, when the server runs on this machine (a remote pid means nothing here). */
export function postmasterOf(backendPid: number): number | undefined {
  const fields = statFields(backendPid);
  const parent = fields ? Number(fields[1]) : undefined;
  return parent && commandOf(backendPid) === 'postgres' && commandOf(parent) === 'postgres'
    ? parent
    : undefined;
}

/** This process (the load generator) — user + system CPU. */
export const ownCpu: CpuMeter = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
