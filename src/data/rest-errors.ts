/**
 * Turns whatever a REST call failed with (an HTTP error response, a ky
 * timeout, a network failure, an abort, a body that is not JSON) into the one
 * `CrmError` every source throws. Kept apart from the source so the mapping
 * can be read, and tested, on its own.
 */
import { HTTPError, TimeoutError } from 'ky';
import { CRM_ERROR_CODES, CrmError } from '../core/errors.js';
import type { CrmErrorCode } from '../core/errors.js';
import type { RestStrings } from '../i18n/strings/rest.js';

/**
 * The body of an error response: RFC 9457 problem details, with the `code`
 * member our server adds (server/problems.ts writes it). Not the element's
 * `Problem` (components/shared/ucrm-element.ts), which is what a widget shows.
 */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: { pointer: string; detail: string }[];
}

/** The code for a status when the body names none (a proxy's 502, a CDN's 429...). */
export function codeForStatus(status: number): CrmErrorCode {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 408 || status === 504) return 'timeout';
  if (status >= 400 && status < 500 && status !== 429) return 'invalid';
  return 'unavailable';
}

function isCode(value: unknown): value is CrmErrorCode {
  return typeof value === 'string' && (CRM_ERROR_CODES as readonly string[]).includes(value);
}

async function readProblem(response: Response): Promise<ProblemDetails | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (!/json/i.test(type)) return undefined;
  try {
    const body: unknown = await response.clone().json();
    return body && typeof body === 'object' ? (body as ProblemDetails) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A CrmError from an HTTP error response: the server's `code` and `detail`
 * when it sent problem+json. `operation` is already in the UI's language.
 */
export async function errorFromResponse(response: Response, operation: string, strings: RestStrings): Promise<CrmError> {
  const problem = await readProblem(response);
  const code = isCode(problem?.code) ? problem.code : codeForStatus(response.status);
  const fieldErrors = problem?.errors?.map((e) => e.detail).filter(Boolean) ?? [];
  const message =
    problem?.detail ||
    (fieldErrors.length ? fieldErrors.join('; ') : undefined) ||
    problem?.title ||
    strings.httpStatus(operation, response.status);
  const error = new CrmError(code, message);
  // Field errors stay reachable for forms that want to mark the bad inputs.
  return Object.assign(error, { status: response.status, problem });
}

/** Maps any failure of one REST call to a CrmError. */
export async function toRestError(
  error: unknown,
  operation: string,
  strings: RestStrings,
  signal?: AbortSignal,
): Promise<CrmError> {
  // The caller's abort wins over whatever the cancelled fetch threw.
  if (signal?.aborted || (error instanceof DOMException && error.name === 'AbortError')) {
    return new CrmError('aborted', strings.cancelled(operation), { cause: error });
  }
  if (error instanceof CrmError) return error;
  if (error instanceof HTTPError) return errorFromResponse(error.response, operation, strings);
  if (error instanceof TimeoutError) return new CrmError('timeout', strings.timedOut(operation), { cause: error });
  if (error instanceof SyntaxError) return new CrmError('unavailable', strings.notJson(operation), { cause: error });
  // fetch rejects with a TypeError when the server cannot be reached (refused, DNS, CORS).
  return new CrmError('unavailable', strings.unreachable(operation), { cause: error });
}
