import { defineStrings } from '../localize.js';

const en = {
  interactionName: 'Contact Name',
  channel: 'Channel',
  campaign: 'Campaign',
  status: 'Status',
  view: 'View',
  allInteractions: 'All interactions',
  publicMark: (name: string) => `${name} (public)`,
  filters: 'Filters',
  drawer: 'Filter and views',
  closeDrawer: 'Close filters',
  clearFilter: 'Clear filter',
  filtered: (shown: string, total: string) => `${shown} of ${total} shown`,
  viewName: 'View name',
  public: 'Public (every agent sees it)',
  saveView: 'Save as new view',
  updateView: 'Save changes to this view',
  deleteView: 'Delete view',
  viewSaved: (name: string) => `View "${name}" saved.`,
  viewDeleted: (name: string) => `View "${name}" deleted.`,
  notYours: 'A public view of another agent: you can use it, not change it.',
  select: (title: string) => `Select ${title}`,
  selectAll: 'Select all shown',
  selected: (count: string) => `${count} selected`,
  batchLabel: 'Batch actions',
  tag: 'Tag',
  addTag: 'Add tag',
  removeTag: 'Remove tag',
  deleteSelected: 'Delete',
  confirmDelete: (count: string) => `Delete ${count}? They leave the inbox and the contact history.`,
  clearSelection: 'Clear selection',
  tagged: (tag: string, count: string) => `Tag "${tag}" added to ${count}.`,
  untagged: (tag: string, count: string) => `Tag "${tag}" removed from ${count}.`,
  deleted: (count: string) => `${count} deleted.`,
  needTag: 'Type a tag first.',
  scheduled: 'Scheduled',
  scheduledEmpty: 'No calls scheduled.',
  scheduledItem: (who: string, campaign: string) => `${who} · ${campaign}`,
  interactions: (count: number, formatted: string) => (count === 1 ? `${formatted} interaction` : `${formatted} interactions`),
};

/** The English strings; each translation must have the same keys and arguments. */
export type InboxViewsStrings = typeof en;

/** `<ucrm-inbox>`'s views, filter drawer, batch actions and Scheduled list. Numbers arrive formatted with `Intl`. */
export const inboxViewsStrings = defineStrings(en, {
  es: () => import('./es/inbox-views.js'),
  pt: () => import('./pt/inbox-views.js'),
});
