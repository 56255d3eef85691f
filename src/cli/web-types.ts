import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderWebTypes } from '../api/web-types';

const target = path.resolve(__dirname, '..', '..', '..', 'src', 'web', 'client', 'api-types.ts');
writeFileSync(target, renderWebTypes());
process.stdout.write(`wrote ${target}\n`);
