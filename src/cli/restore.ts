import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { formatCounts, restoreDatabase } from '../store/backup';
import { livePid, pidFileOf } from '../store/pid-file';

const USAGE = 'usage: npm run restore -- FILE   (replaces the configured database; stop the dialer first)';

function main(): void {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ options: {}, allowPositionals: true }));
  } catch {
    throw new Error(USAGE);
  }
  if (positionals.length !== 1) throw new Error(USAGE);
  const config = loadConfig();
  const dbFile = path.join(config.dataDir, 'dialer.db');
  const pid = livePid(dbFile);
  if (pid !== undefined) throw new Error(`the dialer is running (pid ${pid}, ${pidFileOf(dbFile)}); stop it before restoring`);
  const counts = restoreDatabase(path.resolve(positionals[0]!), dbFile);
  process.stdout.write(`restored ${dbFile}\n${formatCounts(counts)}\n`);
}

try {
  main();
} catch (err: unknown) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
