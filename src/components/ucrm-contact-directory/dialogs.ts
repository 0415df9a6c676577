/**
 * The on-demand chunk of `<ucrm-contact-directory>`: everything that only
 * appears on a user action (the delete, merge, bulk update and import
 * dialogs, the inside of "Customize table", their strings and styles). One
 * lazy boundary for all of it keeps the chunk overhead to one file;
 * dialogs-host.ts imports it on the first such action.
 */
import { BULK_SETTABLE_FIELDS } from '../../core/contacts/index.js';
import { bulkStrings } from '../../i18n/strings/directory-bulk.js';
import { directoryDialogStrings } from '../../i18n/strings/directory-dialogs.js';
import { importStrings } from '../../i18n/strings/directory-import.js';
import { mergeStrings } from '../../i18n/strings/directory-merge.js';
import { BulkFlow } from './bulk-flow.js';
import { renderColumnsChoice, type ColumnsMenuContext } from './columns-menu.js';
import { DeleteFlow } from './delete-flow.js';
import type { CellText, ColumnKey } from './directory-columns.js';
import type { AdminSource, DirectoryData } from './directory-data.js';
import { batchExisting, ImportFlow } from './import-flow.js';
import { identityLookupOf } from '../../data/source.js';
import { MergeFlow, type MergeHost } from './merge-flow.js';
import { translate, type Catalog, type Locale } from '../../i18n/localize.js';
import type { Contact, FieldDef } from '../../core/types.js';

export { dialogStyles } from './dialogs.styles.js';

/** What the dialogs read from the directory (dialogs-host.ts gives it). */
export interface DialogsDeps {
  locale: () => Locale;
  /** A contact by id (the host's, or one the source returned). */
  contact: (id: string) => Contact | undefined;
  fields: () => readonly FieldDef[];
  words: () => CellText;
  common: () => { cancel: string; close: string };
  columnLabel: (column: ColumnKey) => string;
  /** The selected ids, and what a bulk update without selection targets (with the host's contacts). */
  selection: () => readonly string[];
  matching: () => readonly Contact[];
  /** The source's rows, when the directory works on a source: merge and bulk fetch their contacts first. */
  data: () => Pick<DirectoryData, 'contacts' | 'matching'> | undefined;
  /** Fetching those contacts failed; `retry` opens the dialog again. */
  fetchFailed: (operation: string, error: unknown, retry: () => void) => void;
  /** The host's contacts (import matches rows against them when there is no source). */
  contacts: () => readonly Contact[];
  region: () => string | undefined;
  /** The source's contact management, when the directory works on one. */
  admin: () => AdminSource | undefined;
  /** Runs a write on the source (see source-mode.ts); undefined when the host writes. */
  write: (operation: string, work: (admin: AdminSource) => Promise<unknown>, retry: () => void) => Promise<boolean> | undefined;
  writing: (done: number, total: number) => string;
  /** These contacts are gone (deleted, merged away): drop them from the selection. */
  deselect: (ids: string[]) => void;
  /** The element's current error, shown inside the open dialog. */
  problem: () => unknown;
  /** The chunk could not be imported; `retry` imports it again and redoes the action. */
  failed: (error: unknown, retry: () => void) => void;
}

export interface Dialogs {
  remove: DeleteFlow;
  merge: MergeFlow;
  bulk: BulkFlow;
  importer: ImportFlow;
  /** The inside of "Customize table". */
  columns: (ctx: Omit<ColumnsMenuContext, 'strings'>) => ReturnType<typeof renderColumnsChoice>;
}

/** The strings the dialogs show: loaded with this chunk, in the element's language. */
export const dialogCatalogs = [directoryDialogStrings, mergeStrings, bulkStrings, importStrings];

/** Builds the dialogs on `host`, reading everything else through `deps`. */
export function createDialogs(host: MergeHost, deps: DialogsDeps): Dialogs {
  const t = <T>(catalog: Catalog<T>) => translate(catalog, deps.locale());
  const problem = deps.problem;
  // A failed write keeps the dialog open; Retry submits it again, with everything typed.
  const resubmit = (part: string) => () =>
    host.shadowRoot?.querySelector<HTMLFormElement>(`[part~="${part}"] form`)?.requestSubmit();
  const write = (operation: string, part: string, work: Parameters<DialogsDeps['write']>[1]) =>
    deps.write(operation, work, resubmit(part));

  const remove = new DeleteFlow(host, {
    strings: () => t(directoryDialogStrings),
    cancel: () => deps.common().cancel,
    apply: (ids) => write('delete', 'delete-dialog', (admin) => admin.deleteContacts(ids)),
    deleted: (ids) => deps.deselect(ids),
    problem,
  });
  const merge = new MergeFlow(host, {
    contact: deps.contact,
    fields: deps.fields,
    strings: () => t(mergeStrings),
    words: deps.words,
    cancel: () => deps.common().cancel,
    fieldLabel: (field) => deps.columnLabel(field),
    merged: (removedIds) => deps.deselect(removedIds),
    apply: (plan) => write('merge', 'merge-dialog', (admin) => admin.mergeContacts(plan)),
    problem,
  });
  const bulk = new BulkFlow(host, {
    selection: deps.selection,
    matching: deps.matching,
    fields: deps.fields,
    strings: () => t(bulkStrings),
    fieldLabel: (key) =>
      deps.columnLabel((BULK_SETTABLE_FIELDS as readonly string[]).includes(key) ? (key as ColumnKey) : `custom.${key}`),
    yesNo: deps.words,
    cancel: () => deps.common().cancel,
    apply: (patches) => write('bulk-update', 'bulk-dialog', (admin) => admin.bulkUpdate(patches)),
    problem,
  });
  const importer = new ImportFlow(host, {
    contacts: deps.contacts,
    fields: deps.fields,
    defaultRegion: deps.region,
    strings: () => t(importStrings),
    targetLabel: (target) => deps.columnLabel(target as ColumnKey),
    close: () => deps.common().close,
    cancel: () => deps.common().cancel,
    findExisting: () => {
      const admin = deps.admin();
      if (!admin) return undefined;
      return async (identities) => {
        for (const identity of identities) {
          const [found] = await admin.findByIdentity(identity);
          if (found) return found;
        }
        return undefined;
      };
    },
    // A source with a batch lookup (REST: POST /contacts/lookup) checks a chunk of rows per request.
    findExistingBatch: async () => {
      const admin = deps.admin();
      const lookup = admin && (await identityLookupOf(admin));
      return lookup ? batchExisting(lookup) : undefined;
    },
    // Batches written one call each (import-flow.ts), so Stop and the progress are per batch.
    write: (work) => write('import', 'import-dialog', work),
    problem,
  });
  const columns: Dialogs['columns'] = (ctx) => renderColumnsChoice({ ...ctx, strings: t(directoryDialogStrings) });
  return { remove, merge, bulk, importer, columns };
}
