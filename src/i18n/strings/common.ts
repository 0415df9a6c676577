import { defineStrings } from '../localize.js';

import type { CrmErrorCode } from '../../core/errors.js';

const enCodes: Record<CrmErrorCode, string> = {
  'not-found': 'This is no longer in the CRM: someone may have deleted or closed it. Refresh and look for it again.',
  conflict: 'Someone else changed this at the same time. Refresh to see their change, then make yours again.',
  invalid: 'The CRM did not accept these details. Check what you entered and try again.',
  unavailable: 'The CRM did not answer. Check your connection and try again.',
  timeout: 'The CRM is taking too long to answer. Wait a moment and try again.',
  unauthorized: 'You are not allowed to do this. Sign in again, or ask an administrator for access.',
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
  expectedFunctionName: 'the name of a function on the page, such as getCrmToken',
  noBaseUrl: 'createRestSource needs a baseUrl.',
};

/** The English strings; each translation must have the same keys and arguments. */
export type CommonStrings = typeof en;

/** Strings every element may show: error reporting and generic actions. */
export const commonStrings = defineStrings(en, {
  es: () => import('./es/common.js'),
  pt: () => import('./pt/common.js'),
});
