/**
 * What an agent reads when something fails: what happened and what to do,
 * in the element's language — never a status, a URL, a code or a server's
 * wording. The technical detail goes to the `ucrm-error` event and the
 * console (see `UcrmElement.reportError`).
 *
 * One rule, in one place: a failure is shown by its `CrmErrorCode`
 * (`common.errorCode`), unless the element wrote the message for the agent
 * itself — a localized "this contact was not found", a malformed attribute —
 * and said so with `forAgents()`.
 */
import { toCrmError, type CrmError } from '../../core/errors.js';
import type { CommonStrings } from '../../i18n/strings/common.js';

const agentFacing = new WeakSet<Error>();

/** Marks an error whose message an element wrote for the agent (localized, no technical detail); returns it. */
export function forAgents<E extends Error>(error: E): E {
  agentFacing.add(error);
  return error;
}

/** The message an agent reads for `error`: its own when written for agents, else the one for its code. */
export function agentMessage(error: unknown, common: CommonStrings): string {
  const crmError: CrmError = toCrmError(error);
  return agentFacing.has(crmError) && crmError.message ? crmError.message : common.errorCode(crmError.code);
}
