import { openDatabase } from '../../src/store/database';
import { UserRepository } from '../../src/store/user-repository';

/**
 * Run as its own process: inserts users through the store as fast as it can, one commit each,
 * until SIGTERM, so a test can back up a database that another process is busy writing.
 */
function run(dbFile: string): void {
  const db = openDatabase(dbFile);
  const users = new UserRepository(db);
  let n = 0;
  let stopping = false;
  process.on('SIGTERM', () => { stopping = true; });
  const burst = () => {
    if (stopping) {
      db.close();
      process.exit(0);
    }
    for (let i = 0; i < 20; i++, n++) {
      users.create({ username: `writer-${process.pid}-${n}`, displayName: `Writer ${n}`, role: 'agent', passwordHash: 'x' }, new Date());
    }
    if (n === 20) process.stdout.write('writing\n');
    setImmediate(burst);
  };
  burst();
}

if (require.main === module) run(process.argv[2]!);
