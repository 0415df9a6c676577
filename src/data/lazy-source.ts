import type { ContactAdminSource, CrmSource } from './source.js';

/**
 * What a lazy source stands in for: a source with contact management that
 * resolves a pop itself (the local and the REST source).
 */
export type AdminSource = CrmSource & ContactAdminSource & Required<Pick<CrmSource, 'resolve'>>;

/**
 * A source whose implementation is fetched on the first call, so a page
 * that may use the local or the REST source does not ship both (nor either,
 * until it needs one). Every method of `CrmSource` and `ContactAdminSource`
 * is here (the `implements` clause refuses a missing one), so
 * `hasContactAdmin` is true before anything is loaded. A failed chunk load
 * rejects the call that started it; the next call tries again.
 */
export class LazySource<T extends AdminSource = AdminSource> implements AdminSource {
  private current: T | undefined;
  private loading: Promise<T> | undefined;

  constructor(private readonly load: () => Promise<T>) {}

  /** The implementation, once loaded. */
  protected get implementation(): T | undefined {
    return this.current;
  }

  /** Loads the implementation (once) and resolves to it. */
  loaded(): Promise<T> {
    this.loading ??= this.load().then(
      (source) => (this.current = source),
      (error: unknown) => {
        this.loading = undefined; // A failed chunk load may succeed on retry.
        throw error;
      },
    );
    return this.loading;
  }

  // ---- CrmSource ---------------------------------------------------------

  async getContact(...args: Parameters<AdminSource['getContact']>) {
    return (await this.loaded()).getContact(...args);
  }
  async findByIdentity(...args: Parameters<AdminSource['findByIdentity']>) {
    return (await this.loaded()).findByIdentity(...args);
  }
  async search(...args: Parameters<AdminSource['search']>) {
    return (await this.loaded()).search(...args);
  }
  async createContact(...args: Parameters<AdminSource['createContact']>) {
    return (await this.loaded()).createContact(...args);
  }
  async updateContact(...args: Parameters<AdminSource['updateContact']>) {
    return (await this.loaded()).updateContact(...args);
  }
  async addIdentity(...args: Parameters<AdminSource['addIdentity']>) {
    return (await this.loaded()).addIdentity(...args);
  }
  async removeIdentity(...args: Parameters<AdminSource['removeIdentity']>) {
    return (await this.loaded()).removeIdentity(...args);
  }
  async listSections(...args: Parameters<AdminSource['listSections']>) {
    return (await this.loaded()).listSections(...args);
  }
  async listCampaigns(...args: Parameters<AdminSource['listCampaigns']>) {
    return (await this.loaded()).listCampaigns(...args);
  }

  async resolve(...args: Parameters<AdminSource['resolve']>) {
    return (await this.loaded()).resolve(...args);
  }

  // ---- ContactAdminSource ------------------------------------------------

  async queryContacts(...args: Parameters<AdminSource['queryContacts']>) {
    return (await this.loaded()).queryContacts(...args);
  }
  async queryContactIds(...args: Parameters<AdminSource['queryContactIds']>) {
    return (await this.loaded()).queryContactIds(...args);
  }
  async getContacts(...args: Parameters<AdminSource['getContacts']>) {
    return (await this.loaded()).getContacts(...args);
  }
  async deleteContacts(...args: Parameters<AdminSource['deleteContacts']>) {
    return (await this.loaded()).deleteContacts(...args);
  }
  async mergeContacts(...args: Parameters<AdminSource['mergeContacts']>) {
    return (await this.loaded()).mergeContacts(...args);
  }
  async bulkUpdate(...args: Parameters<AdminSource['bulkUpdate']>) {
    return (await this.loaded()).bulkUpdate(...args);
  }
  async importContacts(...args: Parameters<AdminSource['importContacts']>) {
    return (await this.loaded()).importContacts(...args);
  }
  async listViews(...args: Parameters<AdminSource['listViews']>) {
    return (await this.loaded()).listViews(...args);
  }
  async saveView(...args: Parameters<AdminSource['saveView']>) {
    return (await this.loaded()).saveView(...args);
  }
  async deleteView(...args: Parameters<AdminSource['deleteView']>) {
    return (await this.loaded()).deleteView(...args);
  }
  async listTags(...args: Parameters<AdminSource['listTags']>) {
    return (await this.loaded()).listTags(...args);
  }
  async addNote(...args: Parameters<AdminSource['addNote']>) {
    return (await this.loaded()).addNote(...args);
  }
  async setBlocked(...args: Parameters<AdminSource['setBlocked']>) {
    return (await this.loaded()).setBlocked(...args);
  }
  async setUnsubscribed(...args: Parameters<AdminSource['setUnsubscribed']>) {
    return (await this.loaded()).setUnsubscribed(...args);
  }
  async findDuplicates(...args: Parameters<AdminSource['findDuplicates']>) {
    return (await this.loaded()).findDuplicates(...args);
  }
}
