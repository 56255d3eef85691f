import { hashPassword } from '../../src/services/password';
import { benchServices } from './bench-services';

/** The bench's users, made once in their own process (password hashing is not what the import measures). */
async function main(): Promise<void> {
  const s = benchServices(process.argv[2]!);
  const passwordHash = await hashPassword('bench password 1');
  const now = new Date();
  s.repos.users.create({ username: 'bench-admin', displayName: 'Bench admin', role: 'admin', passwordHash }, now);
  for (let i = 1; i <= 20; i++) s.repos.users.create({ username: `agent${i}`, displayName: `Agent ${i}`, role: 'agent', passwordHash }, now);
  s.db.close();
}

main().catch((err: unknown) => { process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`); process.exit(1); });
