import { parseArgs } from 'node:util';
import { createLogger } from '../logger';
import { parseBehaviourOption } from './parse-behaviour-option';
import { startAriSimulator } from './start-ari-simulator';
import { startDemoSimulator } from './start-demo-simulator';

const usage = `usage: node dist/src/simulator/cli.js [--port N] [--host H] [--user U] [--password P]
         [--seed N] [--time-scale X] [--demo] [--unknown-sound-ms MS] [--log-level LEVEL]
         [--behaviour 'PATTERN=JSON' ...]

Runs the ARI simulator on real time until SIGTERM/SIGINT. --demo gives numbers outside the
reference 09xx prefixes a random mix of answers, busy, no answer and machines. --behaviour
scripts the numbers matching PATTERN (a number, or a prefix ending in *), e.g.
  --behaviour '0915*={"result":"answer","ringMs":1000,"talkMs":5000}'`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8088' },
      host: { type: 'string', default: '127.0.0.1' },
      user: { type: 'string', default: 'dialer' },
      password: { type: 'string', default: 'dialer' },
      seed: { type: 'string', default: '1' },
      'time-scale': { type: 'string', default: '1' },
      'unknown-sound-ms': { type: 'string' },
      'log-level': { type: 'string', default: 'info' },
      demo: { type: 'boolean', default: false },
      behaviour: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const behaviours = values.behaviour.map(parseBehaviourOption);
  const log = createLogger({ level: values['log-level'] });
  const unknownSound = values['unknown-sound-ms'];
  const common = {
    port: Number(values.port), host: values.host, user: values.user, password: values.password,
    seed: Number(values.seed), timeScale: Number(values['time-scale']), log,
  };
  const sim = values.demo
    ? await startDemoSimulator(common)
    : await startAriSimulator({ ...common, clock: 'real', unknownSoundMs: unknownSound === undefined ? null : Number(unknownSound) });
  for (const b of behaviours) sim.control.setBehaviour(b.pattern, b.behaviour);
  log.info('ARI simulator ready', { url: sim.url, user: values.user, demo: values.demo });
  process.stdout.write(`ARI_URL=${sim.url}\n`);
  const shutdown = () => {
    sim.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`ari simulator failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
