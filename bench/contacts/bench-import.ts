import { copyFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { benchServices, peakRssMb } from './bench-services';

/**
 * One import, timed, in its own process so its peak memory is its own: upload registration, mapping
 * (the suggestion), the background job in its worker thread, until the job row says done.
 */
async function main(): Promise<void> {
  const [dataDir, file] = process.argv.slice(2) as [string, string];
  const s = benchServices(dataDir);
  const admin = s.repos.users.findByUsername('bench-admin')!;
  const actor = { id: admin.id, role: admin.role };
  const imports = s.crm.imports;
  const copy = imports.newUploadPath();
  copyFileSync(file, copy);
  const started = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const { job } = await imports.register(actor, 'contacts', path.basename(file), copy, statSync(copy).size);
  await imports.start(actor, job.id, {});
  await imports.waitFor(job.id);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const done = imports.get(actor, job.id);
  s.db.close();
  process.stdout.write(JSON.stringify({ status: done.status, error: done.error, rows: done.rowsDone, seconds, cpuSeconds, counts: done.counts, peakRssMb: peakRssMb() }) + '\n');
}

main().catch((err: unknown) => { process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`); process.exit(1); });
