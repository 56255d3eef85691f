/**
 * The encoding of a CSV from its first bytes: a BOM says UTF-8 or UTF-16; text that is not valid
 * UTF-8 is taken as Windows-1258, the legacy Vietnamese code page older Excel versions save CSV in.
 */
export function detectEncoding(head: Buffer): 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  // The sample may end inside a multi-byte character: drop up to 3 trailing bytes before judging.
  for (let cut = 0; cut < 4 && cut < head.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return 'utf-8';
    } catch { /* try a shorter sample */ }
  }
  return 'windows-1258';
}
