/** Every `CrmErrorCode`, for checking a code that arrives as data (a server's problem body). */
export const CRM_ERROR_CODES = [
  'not-found',
  'conflict',
  'invalid',
  'unavailable',
  'timeout',
  'unauthorized',
  'aborted',
] as const;

/** Why an operation failed; every source maps its failures to one of these. */
export type CrmErrorCode = (typeof CRM_ERROR_CODES)[number];

/** The one error type every `CrmSource` throws. */
export class CrmError extends Error {
  override readonly name = 'CrmError';
  constructor(
    readonly code: CrmErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The `not-found` error of a contact id, worded the same by every source. */
export function contactNotFound(id: string): CrmError {
  return new CrmError('not-found', `No contact with id "${id}".`);
}

/** Wraps anything thrown into a `CrmError`, keeping an existing one as is. */
export function toCrmError(error: unknown, fallback: CrmErrorCode = 'unavailable'): CrmError {
  if (error instanceof CrmError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new CrmError('aborted', 'The operation was cancelled.', { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new CrmError(fallback, message, { cause: error });
}

/** Throws an `aborted` CrmError when the signal has fired. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CrmError('aborted', 'The operation was cancelled.');
}

export function isAborted(error: unknown): boolean {
  return (
    (error instanceof CrmError && error.code === 'aborted') ||
    (error instanceof DOMException && error.name === 'AbortError')
  );
}
