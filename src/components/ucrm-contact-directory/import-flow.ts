/**
 * The CSV import dialog of the contact directory: choose a file, map its
 * columns (suggested from the header names), preview what each row does
 * (create / update / skip and why; existing contacts are skipped unless the
 * user chooses to update them, per file or per row), write in batches with
 * progress and a Stop that ends after the current batch, and finish with a
 * summary and a downloadable report. Reading and planning are
 * src/core/import, loaded only when an import starts (it brings Papa
 * Parse); the preview's virtualizer is the table's, loaded on demand.
 *
 * Every failure (the file unreadable, a chunk that does not load, a batch
 * refused, the network down) ends in a visible message and a report: the
 * dialog never waits for something that will not come.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type {
  CsvTable,
  ImportBatch,
  ImportMode,
  ImportPlan,
  ImportPlanCache,
  ImportRow,
  ImportRowStatus,
  ImportTarget,
  Progress,
} from '../../core/import/index.js';
import { contactFieldKeys } from '../../core/contacts/index.js';
import { equivalentForms, identityKey } from '../../core/identity/index.js';
import type { Contact, FieldDef, Identity } from '../../core/types.js';
import type { ContactAdminSource, IdentityLookupSource } from '../../data/source.js';
import { CrmError } from '../../core/errors.js';
import { UcrmContactsImportEvent, UcrmErrorEvent } from '../../events.js';
import type { importStrings } from '../../i18n/strings/directory-import.js';
import { renderPreview, type PreviewFilter } from './import-preview.js';
import { virtualizerImport, type VirtualizerModule } from './table-virtualizer.js';

type Strings = (typeof importStrings)['en'];
type CoreImport = typeof import('../../core/import/index.js');
type Step = 'closed' | 'file' | 'reading' | 'mapping' | 'planning' | 'preview' | 'writing' | 'done';
/** How the writing ended: all written, stopped by the user, stopped by an error, or handed to the host. */
type Ending = 'finished' | 'cancelled' | 'failed' | 'host';

/** The importable fields of the contact definition (not csv-import.js itself: that module loads with the file). */
const SYSTEM_TARGETS: readonly ImportTarget[] = contactFieldKeys('importable');

/**
 * How the import's code is fetched. An object, so a test can swap `load` for
 * one that fails (a real dynamic import cannot be made to fail from the page).
 */
export const importCoreImport = {
  load: (): Promise<CoreImport> => import('../../core/import/index.js'),
};

export interface ImportDeps {
  contacts: () => readonly Contact[];
  fields: () => readonly FieldDef[];
  defaultRegion: () => string | undefined;
  strings: () => Strings;
  /** Label of a system field or `custom.<key>` target. */
  targetLabel: (target: Exclude<ImportTarget, 'ignore'>) => string;
  close: () => string;
  cancel: () => string;
  /** Lets the page paint and handle input between chunks; a macrotask by default. */
  yieldToHost?: () => Promise<void>;
  /** Matches rows against the source's contacts; without it, against `contacts()`. */
  findExisting?: () => ((identities: Identity[]) => Promise<Contact | undefined>) | undefined;
  /** The same for a chunk of rows in one call (a source with a batch lookup, e.g. REST); preferred when it resolves to one. */
  findExistingBatch?: () => Promise<((rows: Identity[][]) => Promise<(Contact | undefined)[]>) | undefined>;
  /**
   * Runs the writing on the directory's source: resolves true when `work`
   * ended (all written or stopped), false when it failed (the element then
   * shows the error, whose Retry submits the dialog's form again).
   * Undefined: no source; the host writes, on the event.
   */
  write?: (work: (admin: Pick<ContactAdminSource, 'importContacts'>) => Promise<void>) => Promise<boolean> | undefined;
  /** Contacts per batch (one request or transaction each); 500 by default. */
  batchRows?: number;
  /** The element's current error, shown inside the open dialog. */
  problem?: () => unknown;
}

/** The directory's identity index, for matching rows against existing contacts. */
function existingLookup(contacts: readonly Contact[]): (identities: Identity[]) => Contact | undefined {
  const index = new Map<string, Contact>();
  for (const contact of contacts) {
    for (const identity of contact.identities) index.set(identityKey(identity), contact);
    for (const email of contact.emails) index.set(`email:${email.trim().toLowerCase()}`, contact);
  }
  return (identities) => {
    for (const identity of identities) {
      for (const form of equivalentForms(identity)) {
        const hit = index.get(identityKey(form.identity));
        if (hit) return hit;
      }
    }
    return undefined;
  };
}

/** Identities per lookup request: a few hundred rows. */
const LOOKUP_BATCH = 500;

/**
 * A chunk of rows checked against a source's batch lookup, 500 identities a
 * request; each row gets the first contact found for its identities in their
 * order, as one `findByIdentity` per identity would give.
 */
export function batchExisting(lookup: IdentityLookupSource): (rows: Identity[][]) => Promise<(Contact | undefined)[]> {
  return async (rows) => {
    const identities = rows.flat();
    const owner = rows.flatMap((list, row) => list.map(() => row));
    const found: (Contact | undefined)[] = rows.map(() => undefined);
    for (let at = 0; at < identities.length; at += LOOKUP_BATCH) {
      const { matches, contacts } = await lookup.findByIdentities(identities.slice(at, at + LOOKUP_BATCH));
      const byId = new Map(contacts.map((contact) => [contact.id, contact]));
      for (const { index, contactIds } of [...matches].sort((a, b) => a.index - b.index)) {
        const row = owner[at + index];
        found[row] ??= byId.get(contactIds[0]);
      }
    }
    return found;
  };
}

/** A CSV of a few cells, for the report of a failure that came before Papa Parse could load. */
function plainCsv(lines: readonly (readonly string[])[]): string {
  return lines.map((cells) => cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).join('\r\n');
}

const technical = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class ImportFlow implements ReactiveController {
  private step: Step = 'closed';
  private core?: CoreImport;
  private virtualize?: VirtualizerModule['virtualize'];
  private table?: CsvTable;
  private mapping: ImportTarget[] = [];
  /** Existing contacts are left alone unless the user chooses otherwise. */
  private mode: ImportMode = 'skip';
  private choices = new Map<number, ImportMode>();
  private cache?: ImportPlanCache;
  private plan?: ImportPlan;
  private filter: PreviewFilter = 'all';
  private shown?: { plan: ImportPlan; filter: PreviewFilter; rows: ImportRow[] };
  /** Planning again in the preview (a choice changed). */
  private replanning = false;
  private progress: Progress = { phase: 'read', done: 0, total: 1 };
  /** What went wrong, shown in the current step with the report of it. */
  private error?: { message: string; detail: string; retry?: () => void };
  private abort?: AbortController;
  private planAbort?: AbortController;
  private batches: ImportBatch[] = [];
  private writtenBatches = 0;
  private failedBatch?: number;
  private stopRequested = false;
  private ending: Ending = 'finished';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly deps: ImportDeps,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.planAbort?.abort();
  }

  private go(step: Step): void {
    this.step = step;
    this.host.requestUpdate();
  }

  open(): void {
    this.table = undefined;
    this.plan = undefined;
    this.error = undefined;
    this.mode = 'skip';
    this.choices = new Map();
    this.filter = 'all';
    this.go('file');
  }

  private close(): void {
    this.abort?.abort();
    this.planAbort?.abort();
    this.go('closed');
  }

  private onProgress = (progress: Progress) => {
    this.progress = progress;
    this.host.requestUpdate();
  };

  private async read(file: File): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    const s = this.deps.strings();
    this.error = undefined;
    this.progress = { phase: 'read', done: 0, total: 1 };
    this.go('reading');
    let core: CoreImport;
    try {
      core = this.core ??= await importCoreImport.load();
    } catch (error) {
      if (abort.signal.aborted) return;
      this.fail(s.loadFailed, error, () => void this.read(file));
      this.go('file');
      return;
    }
    try {
      const text = await file.text();
      this.table = await core.readCsv(text, { signal: abort.signal, onProgress: this.onProgress, yieldToHost: this.deps.yieldToHost });
      if (!this.table.headers.length) throw new Error('The file has no header row.');
      this.mapping = core.suggestMapping(this.table.headers, this.deps.fields());
      this.cache = core.createPlanCache();
      this.go('mapping');
    } catch (error) {
      if (abort.signal.aborted) return;
      this.fail(s.readFailed, error);
      this.go('file');
    }
  }

  /** Shows a failure in the dialog (its report downloadable), tells the host (`ucrm-error`) and the console. */
  private fail(message: string, error: unknown, retry?: () => void): void {
    this.error = { message, detail: technical(error), retry };
    const code = error instanceof CrmError ? error.code : 'invalid';
    this.host.dispatchEvent(new UcrmErrorEvent({ operation: 'import', code, message: technical(error) }));
    console.warn(`[ucrm-contact-directory] import: ${technical(error)}`);
    this.host.requestUpdate();
  }

  /** From the mapping: plans the import and shows the preview. */
  private async preview(event?: Event): Promise<void> {
    event?.preventDefault();
    const table = this.table;
    const core = this.core;
    if (!table || !core) return;
    this.error = undefined;
    this.progress = { phase: 'plan', done: 0, total: table.rows.length };
    this.go('planning');
    try {
      this.virtualize ??= (await virtualizerImport.load()).virtualize;
    } catch (error) {
      if (this.step !== 'planning') return;
      this.fail(this.deps.strings().loadFailed, error, () => void this.preview());
      this.go('mapping');
      return;
    }
    if (this.step !== 'planning') return;
    if (await this.replan()) this.go('preview');
  }

  /** Plans again for the current mapping, mode and choices; false when it did not finish. */
  private async replan(): Promise<boolean> {
    const table = this.table!;
    const core = this.core!;
    this.planAbort?.abort();
    const abort = (this.planAbort = new AbortController());
    try {
      const findExistingBatch = await this.deps.findExistingBatch?.();
      if (abort.signal.aborted) return false;
      this.plan = await core.planImport(table, {
        findExistingBatch,
        mapping: this.mapping,
        mode: this.mode,
        choices: this.choices,
        cache: this.cache,
        findExisting: this.deps.findExisting?.() ?? existingLookup(this.deps.contacts()),
        customFields: this.deps.fields(),
        defaultRegion: this.deps.defaultRegion(),
        signal: abort.signal,
        onProgress: this.onProgress,
        yieldToHost: this.deps.yieldToHost,
      });
      return true;
    } catch (error) {
      if (abort.signal.aborted) return false;
      // The lookup against the source failed (network down…): say so, keep the choices.
      this.fail(this.deps.strings().checkFailed, error, () => void this.preview());
      this.go('mapping');
      return false;
    } finally {
      this.host.requestUpdate();
    }
  }

  /** A choice changed in the preview: plan again in place (the cache makes it quick). */
  private async choose(change: () => void): Promise<void> {
    change();
    this.replanning = true;
    this.host.requestUpdate();
    const done = await this.replan();
    if (done || this.step !== 'preview') this.replanning = false;
    this.host.requestUpdate();
  }

  private rowsShown(plan: ImportPlan): ImportRow[] {
    const shown = this.shown;
    if (shown && shown.plan === plan && shown.filter === this.filter) return shown.rows;
    const rows = this.filter === 'all' ? plan.rows : plan.rows.filter((r) => r.outcome === this.filter);
    this.shown = { plan, filter: this.filter, rows };
    return rows;
  }

  /** From the preview: hands the plan to the host (cancelable), then writes it in batches on the source. */
  private async start(event: Event): Promise<void> {
    event.preventDefault();
    const plan = this.plan;
    const core = this.core;
    if (!plan || !core || this.replanning) return;
    const request = new UcrmContactsImportEvent(plan);
    this.host.dispatchEvent(request);
    if (request.defaultPrevented || !this.deps.write) {
      this.ending = 'host';
      this.go('done');
      return;
    }
    this.batches = core.splitImport(plan, this.deps.batchRows);
    this.writtenBatches = 0;
    await this.writeRest();
  }

  /** Writes the batches not written yet; Stop ends after the current one. */
  private async writeRest(event?: Event): Promise<void> {
    event?.preventDefault();
    const write = this.deps.write;
    if (!write) return;
    const abort = (this.abort = new AbortController());
    this.stopRequested = false;
    this.failedBatch = undefined;
    this.error = undefined;
    this.go('writing');
    const writing = write(async (admin) => {
      for (let i = this.writtenBatches; i < this.batches.length; i++) {
        if (this.stopRequested || abort.signal.aborted) return;
        this.failedBatch = i;
        await admin.importContacts(this.batches[i], { signal: abort.signal });
        this.failedBatch = undefined;
        this.writtenBatches = i + 1;
        this.host.requestUpdate();
      }
    });
    if (!writing) {
      // No source: the host writes, on the event.
      this.ending = 'host';
      this.go('done');
      return;
    }
    const ok = await writing;
    if (abort.signal.aborted && this.step === 'closed') return;
    this.ending = !ok ? 'failed' : this.writtenBatches < this.batches.length ? 'cancelled' : 'finished';
    if (ok) this.failedBatch = undefined;
    this.go('done');
  }

  private stop(): void {
    this.stopRequested = true;
    this.host.requestUpdate();
  }

  private rowsIn(batches: readonly ImportBatch[]): number {
    let count = 0;
    for (const batch of batches) count += batch.rows.length;
    return count;
  }

  /** The report as CSV: the plan's rows with what happened to each, or the failure that came first. */
  private reportCsv(): string {
    const s = this.deps.strings();
    const plan = this.plan;
    const core = this.core;
    const headers = (['row', 'outcome', 'result', 'reason', 'contact'] as const).map(s.reportHeader) as [string, string, string, string, string];
    const failure = this.error ? [['', '', s.status('failed'), `${this.error.message} (${this.error.detail})`, '']] : [];
    if (!plan || !core) return plainCsv([headers, ...failure]);
    const written = this.step === 'done' || this.step === 'writing';
    const statuses: Map<number, ImportRowStatus> = written
      ? core.rowStatuses(this.batches, this.writtenBatches, this.ending === 'failed' ? this.failedBatch : undefined)
      : new Map();
    return core.importReportCsv(plan.rows, statuses, {
      headers,
      outcome: s.outcome,
      status: s.status,
      reason: (row) => this.reason(row),
    }, failure);
  }

  private download(): void {
    const url = URL.createObjectURL(new Blob(['\ufeff', this.reportCsv()], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'contacts-import-report.csv';
    link.click();
    // The download has started from the URL by the next task.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  private reason(row: ImportRow): string {
    const m = row.match;
    return this.deps.strings().reason(row.reason, row.detail ?? '', {
      name: m?.name ?? '',
      kind: m?.by.kind ?? '',
      value: m?.by.value ?? '',
    });
  }

  private targets(): ImportTarget[] {
    return ['ignore', ...SYSTEM_TARGETS, ...this.deps.fields().map((f) => `custom.${f.key}` as const)];
  }

  private renderError(): TemplateResult | typeof nothing {
    const error = this.error;
    if (!error) return nothing;
    const s = this.deps.strings();
    const retry = error.retry;
    return html`<div part="import-error" role="alert">
      <p>${error.message}</p>
      ${retry
        ? html`<button type="button" part="import-retry" @click=${() => retry()}>${s.retry}</button>`
        : nothing}
      ${this.renderDownload()}
    </div>`;
  }

  private renderDownload(): TemplateResult {
    return html`<button type="button" part="import-download" @click=${() => this.download()}>
      ${this.deps.strings().downloadReport}
    </button>`;
  }

  private renderMapping(table: CsvTable): TemplateResult {
    const s = this.deps.strings();
    const first = table.rows[0]?.cells ?? [];
    return html`<form @submit=${(e: Event) => this.preview(e)}>
      <table part="import-mapping">
        <caption>
          ${s.mappingCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${s.columnHeader}</th>
            <th scope="col">${s.exampleHeader}</th>
            <th scope="col">${s.targetHeader}</th>
          </tr>
        </thead>
        <tbody>
          ${table.headers.map(
            (header, col) => html`<tr>
              <th scope="row" id="import-column-${col}">${header}</th>
              <td>${first[col] ?? ''}</td>
              <td>
                <select
                  part="import-target"
                  aria-labelledby="import-column-${col}"
                  .value=${live(this.mapping[col] ?? 'ignore')}
                  @change=${(e: Event) => {
                    this.mapping = this.mapping.map((t, i) =>
                      i === col ? ((e.target as HTMLSelectElement).value as ImportTarget) : t,
                    );
                    this.host.requestUpdate();
                  }}
                >
                  ${this.targets().map(
                    (t) =>
                      html`<option value=${t} ?selected=${t === (this.mapping[col] ?? 'ignore')}>
                        ${t === 'ignore' ? s.ignore : this.deps.targetLabel(t)}
                      </option>`,
                  )}
                </select>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.renderError()}
      <div part="dialog-actions">
        <button type="button" @click=${() => this.close()}>${this.deps.cancel()}</button>
        <button type="submit" class="primary" part="import-preview-button">
          ${s.preview(table.rows.length + table.problems.length)}
        </button>
      </div>
    </form>`;
  }

  private renderProgress(label: string, text: string, cancel: TemplateResult): TemplateResult {
    const { done, total } = this.progress;
    return html`<label for="import-progress">${label}</label>
      <progress id="import-progress" part="import-progress" max=${Math.max(total, 1)} .value=${done}></progress>
      <p part="import-progress-text" role="status">${text}</p>
      <div part="dialog-actions">${cancel}</div>`;
  }

  private renderPreviewStep(plan: ImportPlan): TemplateResult {
    const s = this.deps.strings();
    const writes = plan.creates.length + plan.updates.length;
    return html`<form @submit=${(e: Event) => this.start(e)}>
      ${renderPreview({
        strings: s,
        plan,
        rows: this.rowsShown(plan),
        filter: this.filter,
        mode: this.mode,
        rowMode: (row) => this.choices.get(row) ?? this.mode,
        busy: this.replanning,
        virtualize: this.virtualize!,
        setFilter: (filter) => {
          this.filter = filter;
          this.host.requestUpdate();
        },
        setMode: (mode) =>
          void this.choose(() => {
            this.mode = mode;
            this.choices = new Map();
          }),
        setRowMode: (row, mode) => void this.choose(() => this.choices.set(row, mode)),
        reason: (row) => this.reason(row),
      })}
      ${writes || this.replanning ? nothing : html`<p part="import-nothing">${s.nothingToImport}</p>`}
      ${this.renderError()}
      <div part="dialog-actions">
        ${this.renderDownload()}
        <button type="button" @click=${() => this.go('mapping')}>${s.back}</button>
        <button type="button" @click=${() => this.close()}>${this.deps.cancel()}</button>
        <button type="submit" class="primary" part="import-start" ?disabled=${!writes || this.replanning}>
          ${s.start(writes)}
        </button>
      </div>
    </form>`;
  }

  private renderWriting(): TemplateResult {
    const s = this.deps.strings();
    const done = this.rowsIn(this.batches.slice(0, this.writtenBatches));
    const total = this.rowsIn(this.batches);
    return html`<label for="import-progress">${s.progressLabel}</label>
      <progress id="import-progress" part="import-progress" max=${Math.max(total, 1)} .value=${done}></progress>
      <p part="import-progress-text" role="status">${this.stopRequested ? s.stopping : s.writing(done, total)}</p>
      <div part="dialog-actions">
        <button type="button" part="import-stop" ?disabled=${this.stopRequested} @click=${() => this.stop()}>
          ${s.cancelImport}
        </button>
      </div>`;
  }

  private renderDone(plan: ImportPlan): TemplateResult {
    const s = this.deps.strings();
    const { created, updated, unchanged, skipped } = plan.report;
    const written = this.rowsIn(this.batches.slice(0, this.writtenBatches));
    const total = this.rowsIn(this.batches);
    const message =
      this.ending === 'cancelled'
        ? s.cancelled(written, total)
        : this.ending === 'failed'
          ? s.writeFailed(written, total)
          : this.ending === 'host'
            ? s.sentToHost
            : s.finished;
    // The form lets the element's Retry (after a failed batch) write the rest: it submits it again.
    return html`<form @submit=${(e: Event) => this.writeRest(e)}>
      <p part="import-outcome" role=${this.ending === 'failed' ? 'alert' : 'status'}>${message}</p>
      ${this.ending === 'failed' ? (this.deps.problem?.() ?? nothing) : nothing}
      ${this.ending === 'finished' || this.ending === 'host'
        ? html`<p part="import-report">${s.report(created, updated, unchanged, skipped.length)}</p>`
        : nothing}
      <div part="dialog-actions">
        ${this.renderDownload()}
        <button type="button" class="primary" part="import-close" @click=${() => this.close()}>${this.deps.close()}</button>
      </div>
    </form>`;
  }

  private renderStep(): TemplateResult | typeof nothing {
    const s = this.deps.strings();
    const cancel = html`<button type="button" part="import-cancel" @click=${() => this.close()}>${this.deps.cancel()}</button>`;
    switch (this.step) {
      case 'file':
        return html`<label for="import-file">${s.fileLabel}</label>
          <input
            id="import-file"
            part="import-file"
            type="file"
            accept=".csv,text/csv"
            @change=${(e: Event) => {
              const file = (e.target as HTMLInputElement).files?.[0];
              if (file) void this.read(file);
            }}
          />
          ${this.renderError()}
          <div part="dialog-actions">${cancel}</div>`;
      case 'reading':
        return this.renderProgress(s.reading, s.reading, cancel);
      case 'mapping':
        return this.renderMapping(this.table!);
      case 'planning': {
        const back = html`<button
          type="button"
          part="import-cancel"
          @click=${() => {
            this.planAbort?.abort();
            this.go('mapping');
          }}
        >
          ${this.deps.cancel()}
        </button>`;
        return this.renderProgress(s.planning, s.progress(this.progress.done, this.progress.total), back);
      }
      case 'preview':
        return this.renderPreviewStep(this.plan!);
      case 'writing':
        return this.renderWriting();
      case 'done':
        return this.renderDone(this.plan!);
      default:
        return nothing;
    }
  }

  render(): TemplateResult {
    const s = this.deps.strings();
    return html`<ucrm-dialog
      part="import-dialog"
      label=${s.title}
      .open=${this.step !== 'closed'}
      @ucrm-request-close=${(e: Event) => {
        // Escape while writing stops after the current batch; the dialog stays to say what was written.
        if (this.step !== 'writing') return;
        e.preventDefault();
        this.stop();
      }}
      @close=${() => this.close()}
    >
      ${this.renderStep()}
    </ucrm-dialog>`;
  }
}
