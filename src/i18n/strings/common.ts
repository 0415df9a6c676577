import { defineStrings } from '../localize.js';

import type { CrmErrorCode } from '../../core/errors.js';

const enCodes: Record<CrmErrorCode, string> = {
  'not-found': 'Not found.',
  conflict: 'Someone else changed this in the meantime.',
  invalid: 'Some data is not valid.',
  unavailable: 'The CRM cannot be reached right now.',
  timeout: 'The CRM took too long to answer.',
  unauthorized: 'You are not allowed to do this. Sign in again or ask an administrator.',
  aborted: 'Cancelled.',
};

const en = {
  retry: 'Retry',
  dismiss: 'Dismiss',
  cancel: 'Cancel',
  confirm: 'Confirm',
  save: 'Save',
  close: 'Close',
  loading: 'Loading…',
  errorTitle: 'Something went wrong',
  errorCode: (code: CrmErrorCode) => enCodes[code],
  badAttribute: (name: string, value: string, expected: string) =>
    `The attribute ${name}="${value}" is not valid: expected ${expected}.`,
  expectedRegion: 'an ISO 3166 country code such as BR or UY',
  expectedUrl: 'an http(s) URL',
  noBaseUrl: 'createRestSource needs a baseUrl.',
};

/** The English strings; each translation must have the same keys and arguments. */
export type CommonStrings = typeof en;

/** Strings every element may show: error reporting and generic actions. */
export const commonStrings = defineStrings(en, {
  es: () => import('./es/common.js'),
  pt: () => import('./pt/common.js'),
});
