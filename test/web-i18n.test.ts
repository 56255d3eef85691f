import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/** The client is an ES module build (dist/web); load its dictionaries the way the browser would. */
async function loadMessages(): Promise<{ en: Record<string, string>; vi: Record<string, string> }> {
  const mod = (await import(path.join(root, 'dist', 'web', 'i18n.js'))) as { messages: { en: Record<string, string>; vi: Record<string, string> } };
  return mod.messages;
}

describe('web page translations', () => {
  it('when the dictionaries are compared, then Vietnamese has every English key and no empty label', async () => {
    const { en, vi } = await loadMessages();
    assert.deepEqual(Object.keys(vi).sort(), Object.keys(en).sort());
    for (const [k, v] of Object.entries(vi)) assert.ok(v.trim().length > 0, `vi ${k} is empty`);
  });

  it('when the pages and scripts name a label, then the label exists', async () => {
    const { en } = await loadMessages();
    const used = new Set<string>();
    const pages = path.join(root, 'src', 'web', 'pages');
    for (const f of readdirSync(pages)) {
      for (const m of readFileSync(path.join(pages, f), 'utf8').matchAll(/data-i18n(?:-placeholder)?="([^"]+)"/g)) used.add(m[1]!);
    }
    const client = path.join(root, 'src', 'web', 'client');
    const scripts = readdirSync(client, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    assert.ok(scripts.some((f) => f.includes(path.sep)), 'the scan reaches the feature folders');
    for (const f of scripts) {
      for (const m of readFileSync(path.join(client, f), 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!);
    }
    assert.ok(used.size >= 5, 'the scan found the labels');
    for (const key of used) assert.ok(key in en, `label ${key} is used but not defined`);
  });
});
