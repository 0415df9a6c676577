import { defineStrings } from '../localize.js';

const en = {
  title: 'Sync',
  loading: 'Loading the sync status…',
  none: 'Not synced to any other CRM yet.',
  synced: (crm: string) => `Synced to ${crm}`,
  pending: (crm: string) => `Sync to ${crm} pending`,
  failed: (crm: string, reason: string) => `Sync to ${crm} failed: ${reason}`,
  flagged: (crm: string, reason: string) => `${crm} needs a person: ${reason}`,
  noReason: 'no reason given',
  open: (crm: string) => `Open in ${crm}`,
  retry: 'Retry',
  retryLabel: (crm: string) => `Retry the sync to ${crm}`,
  retrying: 'Retrying…',
  loadFailed: 'The sync status could not be loaded.',
  retryFailed: (crm: string) => `The sync to ${crm} could not be retried.`,
};

/** The English strings; each translation must have the same keys and arguments. */
export type ContactSyncStrings = typeof en;

/** The "Sync" section of `<ucrm-contact-details>`: where the contact stands in each third-party CRM. */
export const contactSyncStrings = defineStrings(en, {
  es: () => import('./es/contact-sync.js'),
  pt: () => import('./pt/contact-sync.js'),
});
