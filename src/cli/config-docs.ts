import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderSettingsMarkdown } from '../config-docs';

const target = path.resolve(__dirname, '..', '..', '..', 'config', 'SETTINGS.md');
writeFileSync(target, renderSettingsMarkdown());
process.stdout.write(`wrote ${target}\n`);
