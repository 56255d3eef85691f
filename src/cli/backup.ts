import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { backupDatabase, formatCounts } from '../store/backup';

const USAGE = 'usage: npm run backup -- --to FILE   (consistent copy of the database; safe while the dialer runs)';

async function main(): Promise<void> {
  let to: string | undefined;
  try {
    ({ values: { to } } = parseArgs({ options: { to: { type: 'string' } } }));
  } catch {
    throw new Error(USAGE);
  }
  if (!to) throw new Error(USAGE);
  const config = loadConfig();
  const target = path.resolve(to);
  const counts = await backupDatabase(path.join(config.dataDir, 'dialer.db'), target);
  process.stdout.write(`wrote ${target}\n${formatCounts(counts)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
