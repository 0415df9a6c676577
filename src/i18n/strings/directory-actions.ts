import { defineStrings } from '../localize.js';

/**
 * The directory's actions on one contact (Unblock, New conversation), the
 * New contact form, and editing a saved view.
 */
const en = {
  actionsColumn: 'Actions',
  unblock: 'Unblock',
  unblockLabel: (name: string) => `Unblock ${name}`,
  unblocked: (name: string) => `${name} is unblocked and back in the main list.`,
  newConversation: 'New conversation',
  newConversationLabel: (name: string) => `New conversation with ${name}`,
  conversationTitle: (name: string) => `New conversation with ${name}`,
  noAddress: 'This contact has no phone number or email to start a conversation with.',
  newContact: 'New contact',
  customFieldsTitle: 'Custom fields',
  newContactTitle: 'New contact',
  created: (name: string) => `${name} was created.`,
  editView: (name: string) => `Edit view “${name}”`,
  editViewTitle: (name: string) => `Edit view “${name}”`,
  useCurrentFilter: 'Replace its filter with the filter shown now',
  saveChanges: 'Save changes',
  deleteView: 'Delete view',
  deleteViewLabel: (name: string) => `Delete view “${name}”`,
  deleteViewTitle: (name: string) => `Delete view “${name}”?`,
  deleteViewWarning: 'The view is deleted for every agent who sees it. The contacts are not changed.',
  deleteViewConfirm: 'Delete view',
  viewNameTaken: (name: string) => `A view named “${name}” already exists. Choose another name.`,
  viewNotYours: 'Only the agent who created this view can change or delete it.',
};

/** The English strings; each translation must have the same keys and arguments. */
export type DirectoryActionStrings = typeof en;

export const directoryActionStrings = defineStrings(en, {
  es: () => import('./es/directory-actions.js'),
  pt: () => import('./pt/directory-actions.js'),
});
