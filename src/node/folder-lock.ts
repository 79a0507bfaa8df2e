/**
 * An output folder's lock: one run at a time writes a folder (issue #20: two `extract` runs on one
 * --out interleaved cases.jsonl and both crashed). The lock file holds the holder's pid, host and
 * start time; a lock left by a process that no longer runs on this host is stale and taken over.
 * A lock from another host cannot be checked: the error says how to remove it when that run is over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { SonomicsError } from '../core/errors.ts';

interface LockInfo { pid: number; host: string; started: string; command: string }

export const LOCK_FILE = '.sonomics.lock';

/** Take the lock of `dir` (which must exist); returns the function that releases it. */
export function lockFolder(dir: string, command: string): () => void {
  const path = join(dir, LOCK_FILE);
  const me: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me) + '\n');
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        rmSync(path, { force: true });
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readHolder(path);
    if (holder && holder.host === me.host && !isRunning(holder.pid)) {
      rmSync(path, { force: true }); // stale: its process is gone
      continue;
    }
    const who = holder ? `${holder.command} (pid ${holder.pid} on ${holder.host}, since ${holder.started})` : 'another run';
    throw new SonomicsError('OUTPUT_LOCKED',
      `${dir} is in use by ${who}. Wait for it to finish, or give this run another --out ` +
      `(shards of one cohort each need their own folder; combine them with \`sonomics merge\`). ` +
      `If that run is certainly over, delete ${path}.`, { subject: dir });
  }
  throw new SonomicsError('OUTPUT_LOCKED', `${dir}: could not take the folder lock ${path}; delete it if no run uses the folder.`, { subject: dir });
}

function readHolder(path: string): LockInfo | null {
  try { return JSON.parse(readFileSync(path, 'utf8')) as LockInfo; } catch { return null; }
}

function isRunning(pid: number): boolean {
  try { process.kill(pid, 0); } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; }
  // A killed process whose parent has not reaped it yet (a zombie, state Z in /proc on Linux) still answers kill(0).
  try { return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8')); } catch { return true; }
}
