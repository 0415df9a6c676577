/**
 * The CC and BCC lists of the Email composer: what the agent is still typing
 * in each, and the addresses refused when they committed it. The addresses
 * themselves live in the draft.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { addChips } from '../../core/composer/index.js';
import { renderChipsInput } from './chips-input.js';
import { errorText, type ComposerForm } from './composer-form.js';

export type ChipsField = 'cc' | 'bcc';
const CHIPS_FIELDS: readonly ChipsField[] = ['cc', 'bcc'];

export class AddressChips {
  private text: Record<ChipsField, string> = { cc: '', bcc: '' };
  private refused: Partial<Record<ChipsField, string>> = {};

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly form: () => ComposerForm,
  ) {}

  /** A new or reset draft: nothing typed, nothing refused. */
  clear(): void {
    this.text = { cc: '', bcc: '' };
    this.refused = {};
    this.host.requestUpdate();
  }

  /**
   * Commits what is still typed in each list, as pressing Start implies;
   * true when every address was accepted.
   */
  commitTyped(): boolean {
    for (const field of CHIPS_FIELDS) if (this.text[field].trim()) this.commit(field, this.text[field]);
    return !this.refused.cc && !this.refused.bcc;
  }

  render(field: ChipsField): TemplateResult {
    const form = this.form();
    const s = form.s;
    const error = form.errorFor(field);
    return renderChipsInput({
      id: field,
      name: field,
      label: field === 'cc' ? s.cc : s.bcc,
      hint: s.chipsHint,
      chips: form.draft()[field] ?? [],
      text: this.text[field],
      error: this.refused[field] ?? (error ? errorText(s, error) : undefined),
      removeLabel: s.removeAddress,
      onText: (text) => {
        this.text = { ...this.text, [field]: text };
        if (this.refused[field]) this.refused = { ...this.refused, [field]: undefined };
        this.host.requestUpdate();
      },
      onCommit: (text) => this.commit(field, text),
      onRemove: (index) => this.remove(field, index),
    });
  }

  /** Adds the valid addresses of `text`; the invalid ones stay typed, with the reason. */
  private commit(field: ChipsField, text: string): void {
    const form = this.form();
    const { chips, invalid } = addChips(form.draft()[field] ?? [], text);
    form.update({ [field]: chips });
    this.text = { ...this.text, [field]: invalid.join(', ') };
    this.refused = { ...this.refused, [field]: invalid.length ? form.s.invalidEmails(invalid.join(', ')) : undefined };
    this.host.requestUpdate();
  }

  private remove(field: ChipsField, index: number): void {
    const form = this.form();
    const chips = [...(form.draft()[field] ?? [])];
    chips.splice(index, 1);
    form.update({ [field]: chips });
  }
}
