/**
 * The CSV import dialog of the contact directory: choose a file, map its
 * columns (suggested from the header names), choose update or skip for rows
 * matching existing contacts, watch the progress, read the report. Reading
 * and planning are src/core/csv-import.ts, loaded only when an import
 * starts (it brings Papa Parse); writing is the host's, on the event.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CsvTable, ImportPlan, ImportTarget, Progress } from '../../core/import/index.js';
import { contactFieldKeys } from '../../core/contacts/index.js';
import { equivalentForms, identityKey } from '../../core/identity/index.js';
import type { Contact, FieldDef, Identity } from '../../core/types.js';
import { UcrmContactsImportEvent } from '../../events.js';
import type { importStrings } from '../../i18n/strings/directory-import.js';

type Strings = (typeof importStrings)['en'];
type Step = 'closed' | 'file' | 'reading' | 'mapping' | 'importing' | 'writing' | 'report';

/** The importable fields of the contact definition (not csv-import.js itself: that module loads with the file). */
const SYSTEM_TARGETS: readonly ImportTarget[] = contactFieldKeys('importable');

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
  /**
   * Writes the plan through the directory's source with progress; resolves
   * false when it failed (the mapping step comes back, choices kept).
   * Undefined: the host writes, on the event.
   */
  apply?: (plan: ImportPlan, onProgress: (done: number, total: number) => void, signal: AbortSignal) => Promise<boolean> | undefined;
  /** "Saved N of M contacts…" while `apply` writes. */
  writing?: (done: number, total: number) => string;
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

export class ImportFlow implements ReactiveController {
  private step: Step = 'closed';
  private table?: CsvTable;
  private mapping: ImportTarget[] = [];
  private mode: 'update' | 'skip' = 'update';
  private progress: Progress = { phase: 'read', done: 0, total: 1 };
  private plan?: ImportPlan;
  private failed = false;
  private abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly deps: ImportDeps,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  private go(step: Step): void {
    this.step = step;
    this.host.requestUpdate();
  }

  open(): void {
    this.table = undefined;
    this.plan = undefined;
    this.failed = false;
    this.go('file');
  }

  private close(): void {
    this.abort?.abort();
    this.go('closed');
  }

  private onProgress = (progress: Progress) => {
    this.progress = progress;
    this.host.requestUpdate();
  };

  private async read(file: File): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.failed = false;
    this.go('reading');
    try {
      const [csv, text] = await Promise.all([import('../../core/import/csv-import.js'), file.text()]);
      const options = { signal: abort.signal, onProgress: this.onProgress, yieldToHost: this.deps.yieldToHost };
      this.table = await csv.readCsv(text, options);
      this.mapping = csv.suggestMapping(this.table.headers, this.deps.fields());
      this.go('mapping');
    } catch {
      if (abort.signal.aborted) return;
      this.failed = true;
      this.go('file');
    }
  }

  private async start(event: Event): Promise<void> {
    event.preventDefault();
    const table = this.table;
    if (!table) return;
    const abort = (this.abort = new AbortController());
    this.progress = { phase: 'plan', done: 0, total: table.rows.length };
    this.go('importing');
    const csv = await import('../../core/import/csv-import.js');
    try {
      this.plan = await csv.planImport(table, {
        mapping: this.mapping,
        mode: this.mode,
        findExisting: this.deps.findExisting?.() ?? existingLookup(this.deps.contacts()),
        customFields: this.deps.fields(),
        defaultRegion: this.deps.defaultRegion(),
        signal: abort.signal,
        onProgress: this.onProgress,
        yieldToHost: this.deps.yieldToHost,
      });
    } catch {
      return; // Aborted: the dialog was closed.
    }
    const request = new UcrmContactsImportEvent(this.plan);
    this.host.dispatchEvent(request);
    if (!request.defaultPrevented) {
      this.progress = { phase: 'plan', done: 0, total: this.plan.creates.length + this.plan.updates.length };
      this.go('writing');
      const written = this.deps.apply?.(this.plan, (done, total) => this.onProgress({ phase: 'plan', done, total }), abort.signal);
      if (written && !(await written)) {
        if (!abort.signal.aborted) this.go('mapping');
        return;
      }
    }
    this.go('report');
  }

  private targets(): ImportTarget[] {
    return ['ignore', ...SYSTEM_TARGETS, ...this.deps.fields().map((f) => `custom.${f.key}` as const)];
  }

  private renderMapping(table: CsvTable): TemplateResult {
    const s = this.deps.strings();
    const first = table.rows[0]?.cells ?? [];
    return html`<form @submit=${(e: Event) => this.start(e)}>
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
      ${this.deps.problem?.() ?? nothing}
      <fieldset part="import-mode">
        <legend>${s.modeLegend}</legend>
        ${(['update', 'skip'] as const).map(
          (mode) =>
            html`<label
              ><input
                type="radio"
                name="import-mode"
                .checked=${live(this.mode === mode)}
                @change=${() => {
                  this.mode = mode;
                  this.host.requestUpdate();
                }}
              />${mode === 'update' ? s.modeUpdate : s.modeSkip}</label
            >`,
        )}
      </fieldset>
      <div part="dialog-actions">
        <button type="button" @click=${() => this.close()}>${this.deps.cancel()}</button>
        <button type="submit" class="primary" part="import-start">${s.start(table.rows.length + table.problems.length)}</button>
      </div>
    </form>`;
  }

  private renderProgress(label: string): TemplateResult {
    const s = this.deps.strings();
    const { done, total } = this.progress;
    return html`<label for="import-progress">${label}</label>
      <progress id="import-progress" part="import-progress" max=${Math.max(total, 1)} .value=${done}></progress>
      <p part="import-progress-text" role="status">
        ${this.progress.phase === 'plan' ? s.progress(done, total) : s.reading}
      </p>`;
  }

  private renderWriting(): TemplateResult {
    const { done, total } = this.progress;
    const text = this.deps.writing?.(done, total) ?? '';
    return html`<label for="import-progress">${this.deps.strings().progressLabel}</label>
      <progress id="import-progress" part="import-progress" max=${Math.max(total, 1)} .value=${done}></progress>
      <p part="import-progress-text" role="status">${text}</p>`;
  }

  private renderReport(plan: ImportPlan): TemplateResult {
    const s = this.deps.strings();
    const { created, updated, unchanged, skipped } = plan.report;
    return html`<p part="import-report" role="status">${s.report(created, updated, unchanged, skipped.length)}</p>
      ${skipped.length
        ? html`<table part="import-skipped">
            <caption>
              ${s.skippedCaption}
            </caption>
            <thead>
              <tr>
                <th scope="col">${s.rowHeader}</th>
                <th scope="col">${s.reasonHeader}</th>
              </tr>
            </thead>
            <tbody>
              ${skipped.map(
                (skip) => html`<tr>
                  <td>${skip.row}</td>
                  <td>${s.skip(skip.reason, skip.detail ?? '')}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
      <div part="dialog-actions">
        <button type="button" class="primary" @click=${() => this.close()}>${this.deps.close()}</button>
      </div>`;
  }

  private renderStep(): TemplateResult | typeof nothing {
    const s = this.deps.strings();
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
          ${this.failed ? html`<p part="import-error" role="alert">${s.failed}</p>` : nothing}
          <div part="dialog-actions">
            <button type="button" @click=${() => this.close()}>${this.deps.cancel()}</button>
          </div>`;
      case 'reading':
        return this.renderProgress(s.reading);
      case 'mapping':
        return this.renderMapping(this.table!);
      case 'importing':
        return this.renderProgress(s.progressLabel);
      case 'writing':
        return this.renderWriting();
      case 'report':
        return this.renderReport(this.plan!);
      default:
        return nothing;
    }
  }

  render(): TemplateResult {
    const s = this.deps.strings();
    return html`<ucrm-dialog part="import-dialog" label=${s.title} .open=${this.step !== 'closed'} @close=${() => this.close()}>
      ${this.renderStep()}
    </ucrm-dialog>`;
  }
}
