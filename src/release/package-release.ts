import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What a server needs to run the built dialer; production node_modules come from `npm ci --omit=dev` on the target. */
export const RELEASE_ENTRIES: readonly string[] = [
  'dist/src', 'dist/web', 'migrations', 'sounds', 'dialplan',
  'config/default.json', 'config/systemd', 'config/SETTINGS.md',
  'package.json', 'package-lock.json', 'README.md', 'asterisk.conf.example',
];

export interface PackageOptions {
  /** Repository root with an already built dist/. */
  root: string;
  outDir: string;
}

/** Writes `dialer-<version>.tar.gz` (top folder `dialer-<version>/`) with the system tar and returns its path. */
export function packageRelease(options: PackageOptions): string {
  const { version } = JSON.parse(readFileSync(path.join(options.root, 'package.json'), 'utf8')) as { version: string };
  const missing = RELEASE_ENTRIES.filter((entry) => !existsSync(path.join(options.root, entry)));
  if (missing.length) throw new Error(`cannot package, missing: ${missing.join(', ')} (run npm run build first)`);
  mkdirSync(options.outDir, { recursive: true });
  const name = `dialer-${version}`;
  const tarball = path.resolve(options.outDir, `${name}.tar.gz`);
  execFileSync('tar', [
    '-czf', tarball, '-C', options.root,
    '--exclude=node_modules', '--exclude=*.test.js', '--exclude=*.test.js.map', '--exclude=.tsbuildinfo',
    '--owner=0', '--group=0',
    `--transform=s,^,${name}/,`,
    ...RELEASE_ENTRIES,
  ], { stdio: ['ignore', 'inherit', 'inherit'] });
  return tarball;
}
