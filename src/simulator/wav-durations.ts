import { closeSync, existsSync, openSync, readdirSync, readSync } from 'node:fs';
import path from 'node:path';

/** Length of a PCM WAV file from its header (byte rate and data size), or undefined if it is not one. */
function wavDurationMs(file: string): number | undefined {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(4096);
    const read = readSync(fd, header, 0, header.length, 0);
    if (read < 12 || header.toString('ascii', 0, 4) !== 'RIFF' || header.toString('ascii', 8, 12) !== 'WAVE') return undefined;
    let byteRate = 0;
    for (let at = 12; at + 8 <= read;) {
      const id = header.toString('ascii', at, at + 4);
      const size = header.readUInt32LE(at + 4);
      if (id === 'fmt ' && at + 16 <= read) byteRate = header.readUInt32LE(at + 16);
      if (id === 'data') return byteRate > 0 ? Math.round((size / byteRate) * 1000) : undefined;
      at += 8 + size + (size % 2);
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The prompts in a directory (`dialer-safe-harbor.wav` → `dialer-safe-harbor`) and how long each lasts. */
export function readWavDurations(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir)) {
    if (!entry.endsWith('.wav')) continue;
    const ms = wavDurationMs(path.join(dir, entry));
    if (ms !== undefined) out.set(entry.slice(0, -4), ms);
  }
  return out;
}
