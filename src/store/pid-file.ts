import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/** The file a running dialer holds next to its database, so offline tools (restore) can refuse. */
export function pidFileOf(dbFile: string): string {
  return `${dbFile}.pid`;
}

export function writePidFile(dbFile: string, pid: number = process.pid): void {
  writeFileSync(pidFileOf(dbFile), `${pid}\n`);
}

/** Removes the pid file only when it is still ours (another process may have taken over). */
export function removePidFile(dbFile: string, pid: number = process.pid): void {
  if (readPid(dbFile) === pid) rmSync(pidFileOf(dbFile), { force: true });
}

function readPid(dbFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(pidFileOf(dbFile), 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a live dialer holding this database, or undefined (no pid file, or a stale one). */
export function livePid(dbFile: string): number | undefined {
  const pid = readPid(dbFile);
  return pid !== undefined && isAlive(pid) ? pid : undefined;
}
