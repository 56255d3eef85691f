import { spawn } from 'node:child_process';
import path from 'node:path';

export interface SimulatorProcess {
  readonly url: string;
  readonly pid: number;
  /** SIGTERM; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** The ARI simulator in a process of its own (node dist/src/simulator/cli.js), on real time; later args win. */
export async function spawnSimulator(extraArgs: readonly string[], cpu?: number): Promise<SimulatorProcess> {
  const cli = path.resolve(__dirname, '..', '..', 'src', 'simulator', 'cli.js');
  const node = [cli, '--port', '0', '--log-level', 'warn', ...extraArgs];
  const child = cpu === undefined
    ? spawn(process.execPath, node, { stdio: ['ignore', 'pipe', 'inherit'] })
    : spawn('taskset', ['-c', String(cpu), process.execPath, ...node], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ARI_URL=(\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`the simulator exited with ${String(code)} before it was ready`)));
  });
  return {
    url,
    pid: child.pid ?? 0,
    stop: () => new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    }),
  };
}
