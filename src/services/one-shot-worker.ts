import { Worker } from 'node:worker_threads';

/**
 * Runs `file` in a short-lived worker thread with `workerData` and a heap of `heapMb`, and resolves with the one
 * message it posts; the worker (and the memory of its work) goes at once. A crash rejects with `failed(error)`; an
 * exit without an answer says that `what` stopped.
 */
export function oneAnswerFromWorker<A>(
  file: string, workerData: unknown, heapMb: number, what: string, failed: (err: Error) => Error = (err) => err,
): Promise<A> {
  return new Promise<A>((resolve, reject) => {
    const worker = new Worker(file, { workerData, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    worker.once('message', (m: A) => { resolve(m); void worker.terminate(); });
    worker.once('error', (err) => reject(failed(err)));
    worker.once('exit', (code) => reject(new Error(`${what} stopped (worker exit code ${code})`)));
  });
}
