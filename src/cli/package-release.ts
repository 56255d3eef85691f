import path from 'node:path';
import { packageRelease } from '../release/package-release';

// Run by `npm run package` after the build; the tarball lands in the repository root unless an output dir is given.
const root = path.resolve(__dirname, '..', '..', '..');
const tarball = packageRelease({ root, outDir: path.resolve(process.argv[2] ?? root) });
process.stdout.write(`wrote ${tarball}\n`);
