/**
 * The views beside the directory: "All contacts", the Block segment, and the
 * saved views (named filters, private or public), plus "Save as view" for
 * the current filter (a name another view has is refused). Choosing a view
 * replaces the filter; a view the user may change has Edit and Delete
 * (view-editor.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ContactFilter, SavedView } from '../../core/filters/index.js';

/** The built-in Block segment: blocked contacts are listed here, apart. */
const BLOCKED_FILTER: ContactFilter = {
  match: 'all',
  conditions: [{ field: 'blocked', op: 'is', value: 'true' }],
  expression: '',
};
export const ALL_FILTER: ContactFilter = { match: 'all', conditions: [], expression: '' };

export interface ViewsContext {
  views: readonly SavedView[];
  /** `all`, `blocked`, a view id, or '' once the filter was edited by hand. */
  active: string;
  strings: {
    viewsLabel: string;
    allContacts: string;
    blockedSegment: string;
    privateView: string;
    saveView: string;
    viewName: string;
    viewPublic: string;
    saveViewButton: string;
  };
  choose: (id: string, filter: ContactFilter) => void;
  /** Resolves false when the view could not be stored: the form keeps what was typed. */
  save: (name: string, isPublic: boolean) => Promise<boolean> | void;
  /** Edit and delete, offered on the views the user may change (on a source, their own); absent otherwise. */
  manage?: {
    editLabel: (name: string) => string;
    deleteLabel: (name: string) => string;
    can: (view: SavedView) => boolean;
    edit: (view: SavedView) => void;
    remove: (view: SavedView) => void;
  };
  /** Why `name` cannot be the new view's name (another view has it), or undefined. */
  nameProblem: (name: string) => string | undefined;
}

function viewButton(ctx: ViewsContext, id: string, label: string, filter: ContactFilter, note?: string, view?: SavedView) {
  const manage = view && ctx.manage?.can(view) ? ctx.manage : undefined;
  return html`<li>
    <button
      type="button"
      part=${ctx.active === id ? 'view view-active' : 'view'}
      aria-current=${ctx.active === id ? 'true' : nothing}
      @click=${() => ctx.choose(id, filter)}
    >
      ${label}${note ? html` <span part="view-note">(${note})</span>` : nothing}
    </button>
    ${manage
      ? html`<button
            type="button"
            part="view-edit"
            aria-label=${manage.editLabel(label)}
            title=${manage.editLabel(label)}
            aria-haspopup="dialog"
            @click=${() => manage.edit(view!)}
          >
            ✎
          </button>
          <button
            type="button"
            part="view-delete"
            aria-label=${manage.deleteLabel(label)}
            title=${manage.deleteLabel(label)}
            aria-haspopup="dialog"
            @click=${() => manage.remove(view!)}
          >
            ×
          </button>`
      : nothing}
  </li>`;
}

async function submitSave(ctx: ViewsContext, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const input = form.elements.namedItem('view-name') as HTMLInputElement;
  const name = input.value.trim();
  if (!name) return;
  const problem = ctx.nameProblem(name);
  const error = form.querySelector<HTMLElement>('[part="save-view-error"]')!;
  // Set here rather than rendered: the form is the browser's, and what was typed stays in it.
  error.textContent = problem ?? '';
  error.hidden = !problem;
  if (problem) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return;
  }
  input.removeAttribute('aria-invalid');
  const saved = await ctx.save(name, (form.elements.namedItem('view-public') as HTMLInputElement).checked);
  if (saved === false) return;
  form.reset();
  (form.closest('details') as HTMLDetailsElement).open = false;
}

export function renderViews(ctx: ViewsContext): TemplateResult {
  const s = ctx.strings;
  return html`<nav part="views" aria-label=${s.viewsLabel}>
    <ul part="view-list">
      ${viewButton(ctx, 'all', s.allContacts, ALL_FILTER)} ${viewButton(ctx, 'blocked', s.blockedSegment, BLOCKED_FILTER)}
      ${ctx.views.map((v) => viewButton(ctx, v.id, v.name, v.filter, v.public ? undefined : s.privateView, v))}
    </ul>
    <details part="save-view">
      <summary>${s.saveView}</summary>
      <form @submit=${(e: SubmitEvent) => void submitSave(ctx, e)}>
        <label for="view-name">${s.viewName}</label>
        <input id="view-name" name="view-name" required autocomplete="off" aria-describedby="save-view-error" />
        <p id="save-view-error" part="save-view-error" role="alert" hidden></p>
        <label><input type="checkbox" name="view-public" />${s.viewPublic}</label>
        <button type="submit" part="save-view-button">${s.saveViewButton}</button>
      </form>
    </details>
  </nav>`;
}
