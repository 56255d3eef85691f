import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { systemClock } from '../domain/clock';
import { ROLES, type Role } from '../domain/roles';
import { DialerError } from '../errors';
import { createLogger } from '../logger';
import { createServices } from '../services/create-services';
import { openDatabase } from '../store/database';
import { migrate } from '../store/migrator';

const USAGE = `usage: npm run user:add -- --username NAME --role owner|admin|agent [--name "Display Name"] [--extension 1001]
The password is read from DIALER_NEW_PASSWORD or, when unset, from standard input (first line).`;

async function readPassword(): Promise<string> {
  const fromEnv = process.env.DIALER_NEW_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { username: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, extension: { type: 'string' } },
  });
  if (!values.username || !values.role || !ROLES.includes(values.role as Role)) throw new Error(USAGE);
  const env = { ...process.env };
  delete env.DIALER_NEW_PASSWORD;
  const config = loadConfig({ env });
  const db = openDatabase(path.join(config.dataDir, 'dialer.db'));
  migrate(db);
  const services = createServices(db, config, systemClock, createLogger({ level: 'warn', console: false }));
  const user = await services.users.createUnchecked({
    username: values.username, role: values.role as Role, displayName: values.name ?? values.username,
    extension: values.extension ?? null, password: await readPassword(),
  });
  db.close();
  process.stdout.write(`created ${user.role} ${user.username} (id ${user.id})\n`);
}

main().catch((err: unknown) => {
  const message = err instanceof DialerError ? `${err.field ?? ''}: ${err.message}` : err instanceof Error ? err.message : String(err);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
