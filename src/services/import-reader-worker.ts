import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readAndPrepare, type ReaderData } from './import-reader';

// Runs only when started as an import reader (see startReader); importing this file elsewhere does nothing.
if (!isMainThread && parentPort && (workerData as ReaderData | undefined)?.marker === 'dialer-import-reader') {
  const port = parentPort;
  readAndPrepare(workerData as ReaderData, port).catch((err: unknown) => {
    port.postMessage({ type: 'failed', error: err instanceof Error ? err.message : String(err) });
  });
}
