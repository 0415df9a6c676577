/**
 * Waiting for a condition in tests. `@open-wc/testing`'s `waitUntil` gives up
 * after 1 s, which a busy 2-core CI machine can exceed without anything being
 * wrong; this one waits up to 30 s by default. Tests import `waitUntil` from
 * here (lint refuses the other), so no test depends on how fast the machine is.
 */
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

type Predicate = () => unknown | Promise<unknown>;

export const WAIT_TIMEOUT_MS = 30_000;

export function waitUntil(
  predicate: Predicate,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(async () => !!(await predicate()), message, { interval: 20, timeout: WAIT_TIMEOUT_MS, ...options });
}
