import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configKeys, envName } from './config';

/** The settings table of config/SETTINGS.md, generated from the schema so it cannot drift. */
export function renderSettingsMarkdown(defaultsFile = path.resolve(__dirname, '..', '..', 'config', 'default.json')): string {
  const defaults = JSON.parse(readFileSync(defaultsFile, 'utf8')) as Record<string, unknown>;
  const valueAt = (keyPath: string[]): unknown => keyPath.reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], defaults);
  const lines = [
    '# Settings',
    '',
    'Generated from `src/config.ts` by `npm run config:docs`; do not edit by hand.',
    'Values come from `config/default.json`, then `config/local.json` (or the file named by `DIALER_CONFIG_FILE`),',
    'then the environment variables below. A bad value stops start-up with a message naming the setting.',
    '',
    '| key | environment variable | default | description |',
    '|---|---|---|---|',
  ];
  for (const key of configKeys()) {
    const value = JSON.stringify(valueAt(key.path) ?? '');
    lines.push(`| \`${key.path.join('.')}\` | \`${envName(key.path)}\` | \`${value}\` | ${key.description.replace(/\|/g, '\\|')} |`);
  }
  return lines.join('\n') + '\n';
}
