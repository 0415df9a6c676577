/** Reading the error a promise rejects with. */
import { expect } from '@open-wc/testing';
import { CrmError } from '../../src/core/errors.js';

/** The `CrmError` that `promise` rejects with; fails the test when it resolves or rejects with anything else. */
export async function errorOf(promise: Promise<unknown>): Promise<CrmError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'expected a rejection').to.be.instanceOf(CrmError);
  return error as CrmError;
}
