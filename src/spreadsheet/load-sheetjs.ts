import type * as SheetJS from '@e965/xlsx';

export type { SheetJS };

/**
 * SheetJS, loaded on first use: it costs some 30 MB per thread, which CSV imports and most API
 * requests never need. Node caches the module after the first call.
 */
export function sheetjs(): typeof SheetJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deliberate lazy load
  return require('@e965/xlsx') as typeof SheetJS;
}
