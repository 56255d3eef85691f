import path from 'node:path';
import { loadConfig } from '../../src/config';
import { systemClock } from '../../src/domain/clock';
import { createLogger } from '../../src/logger';
import { createServices, type Services } from '../../src/services/create-services';
import { openDatabase } from '../../src/store/database';
import { migrate } from '../../src/store/migrator';

/**
 * The real services on a bench database, with the default settings except the file size limit (the CSV is
 * ~60 MB); DIALER_IMPORT_* variables in the environment still apply, to try other import settings.
 */
export function benchServices(dataDir: string): Services {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('DIALER_IMPORT_') && k !== 'DIALER_IMPORT_MAX_FILE_BYTES'));
  const config = loadConfig({
    env, localFile: path.join(dataDir, 'none.json'),
    overrides: { dataDir, port: 0, logFile: '', import: { maxFileBytes: 1024 * 1024 * 1024 } },
  });
  const log = createLogger({ level: 'warn', console: false });
  const db = openDatabase(path.join(dataDir, 'dialer.db'));
  migrate(db);
  return createServices(db, config, systemClock, log);
}

/** Peak resident memory of this process (all threads), in MB. */
export const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;
