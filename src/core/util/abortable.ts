/** Lets a caller stop waiting on work it no longer needs (a newer interaction arrived). */
import { CrmError, throwIfAborted } from '../errors.js';

/**
 * Settles like `promise`, or rejects with an `aborted` CrmError as soon as
 * `signal` fires. The work itself goes on; only this caller stops waiting.
 */
export function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  throwIfAborted(signal);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CrmError('aborted', 'The operation was cancelled.'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
