/**
 * RFC 9457 problem details: every failure the server answers is
 * `application/problem+json` with a `code` member naming the `CrmError`
 * code the client throws, and a title and detail in the caller's language.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CrmError } from '../src/core/errors.js';
import type { CrmErrorCode } from '../src/core/errors.js';
import { safeError } from './logging.js';
import type { Logger } from './logging.js';
import { languageOf, messages } from './messages.js';
import type { Language } from './messages.js';

type Messages = ReturnType<typeof messages>;
export type ProblemCode = Exclude<CrmErrorCode, 'aborted'>;

export interface FieldError {
  /** JSON Pointer into the body (`/emails/0`), or `?name` for a query parameter. */
  pointer: string;
  detail: string;
}

const STATUS: Record<ProblemCode, ContentfulStatusCode> = {
  'not-found': 404,
  conflict: 409,
  invalid: 400,
  unavailable: 503,
  timeout: 504,
  unauthorized: 401,
};

/** A failure with a localizable detail; thrown anywhere, answered by the app's error handler. */
export class HttpProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: (m: Messages) => string,
    readonly options: { status?: ContentfulStatusCode; errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail(messages('en')));
  }
}

export function problemBody(code: ProblemCode, detail: string, language: Language, status: number, errors?: FieldError[]) {
  return {
    type: `urn:ucrm:problem:${code}`,
    title: messages(language).titles[code],
    status,
    detail,
    code,
    ...(errors?.length ? { errors } : {}),
  };
}

/** A middleware's HTTPException (Hono's own: body limit, auth) as our problem: same status and challenge. */
function fromHttpException(error: HTTPException): HttpProblem {
  const status = error.status as ContentfulStatusCode;
  const challenge = error.getResponse().headers.get('www-authenticate');
  const code: ProblemCode = status === 401 || status === 403 ? 'unauthorized' : status >= 500 ? 'unavailable' : 'invalid';
  return new HttpProblem(code, (m) => (status === 401 ? m.tokenWrong : m.titles[code]), {
    status,
    ...(challenge ? { headers: { 'www-authenticate': challenge } } : {}),
  });
}

/** Answers `error` as problem+json in the request's language. */
export function respondProblem(c: Context, error: unknown): Response {
  if (error instanceof HTTPException && !(error instanceof HttpProblem)) error = fromHttpException(error);
  const language = languageOf(c.req.header('accept-language'));
  let code: ProblemCode = 'unavailable';
  let status: ContentfulStatusCode = 500;
  let detail = messages(language).storageDown;
  let errors: FieldError[] | undefined;
  if (error instanceof HttpProblem) {
    code = error.code;
    status = error.options.status ?? STATUS[code];
    detail = error.detail(messages(language));
    errors = error.options.errors;
    for (const [name, value] of Object.entries(error.options.headers ?? {})) c.header(name, value);
  } else if (error instanceof CrmError && error.code !== 'aborted') {
    // Domain rules (src/core, contact-rules) say what was wrong in English, naming the value.
    code = error.code;
    status = STATUS[code];
    detail = error.message;
  } else {
    // Unexpected: logged by type and stack, never its message (it may quote contact data).
    const log = (c.var as { log?: Logger }).log;
    if (log) log.error({ err: safeError(error) }, 'unhandled error');
    else console.error('ucrm server: unhandled', safeError(error));
  }
  c.header('content-type', 'application/problem+json');
  c.header('cache-control', 'no-store');
  return c.body(JSON.stringify(problemBody(code, detail, language, status, errors)), status);
}
