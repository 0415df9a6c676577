import { defineStrings } from '../localize.js';

const en = {
  resolve: 'Resolving the interaction',
  getContact: 'Loading the contact',
  findByIdentity: 'Finding contacts',
  search: 'Searching contacts',
  createContact: 'Creating the contact',
  updateContact: 'Saving the contact',
  addIdentity: 'Assigning the ClientID',
  removeIdentity: 'Removing the ClientID',
  listSections: 'Loading the custom sections',
  listCampaigns: 'Loading the campaigns',
  queryContacts: 'Filtering contacts',
  getContacts: 'Loading the contacts',
  deleteContacts: 'Deleting the contacts',
  mergeContacts: 'Merging the contacts',
  bulkUpdate: 'Updating the contacts',
  importContacts: 'Importing the contacts',
  listViews: 'Loading the saved views',
  saveView: 'Saving the view',
  deleteView: 'Deleting the view',
  listTags: 'Loading the tags',
  addNote: 'Adding the note',
  findDuplicates: 'Looking for duplicates',
  syncStatus: 'Loading the sync status',
  retrySync: 'Retrying the sync',
  cancelled: (op: string) => `${op} was cancelled.`,
  timedOut: (op: string) => `${op} timed out: the CRM server did not answer in time.`,
  unreachable: (op: string) => `${op} failed: the CRM server cannot be reached.`,
  notJson: (op: string) => `${op} failed: the CRM server sent a response that is not valid JSON.`,
  unexpectedShape: (op: string) => `${op} failed: the CRM server sent a response of an unexpected shape.`,
  httpStatus: (op: string, status: number) => `${op} failed: the CRM server answered ${status}.`,
  noToken: 'Could not get an access token for the CRM server.',
};

/** The English strings; each translation must have the same keys and arguments. */
export type RestStrings = typeof en;

/**
 * The REST source's own failure messages (the server's problem details come
 * already translated, per Accept-Language). `op` is one of `operations`.
 */
export const restStrings = defineStrings(en, {
  es: () => import('./es/rest.js'),
  pt: () => import('./pt/rest.js'),
});

export type RestOperation =
  | 'resolve'
  | 'getContact'
  | 'findByIdentity'
  | 'search'
  | 'createContact'
  | 'updateContact'
  | 'addIdentity'
  | 'removeIdentity'
  | 'listSections'
  | 'queryContacts'
  | 'getContacts'
  | 'deleteContacts'
  | 'mergeContacts'
  | 'bulkUpdate'
  | 'importContacts'
  | 'listViews'
  | 'saveView'
  | 'deleteView'
  | 'listTags'
  | 'addNote'
  | 'findDuplicates'
  | 'syncStatus'
  | 'retrySync'
  | 'listCampaigns';
