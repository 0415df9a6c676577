import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { UcrmDialog } from '../src/components/ucrm-dialog/ucrm-dialog.js';
import type { UcrmRequestCloseEvent } from '../src/events.js';
import '../src/define/ucrm-dialog.js';

interface Args {
  label: string;
  withoutHeader: boolean;
  /** Refuse Escape while the field holds text (a flow with unsaved work). */
  guardUnsaved: boolean;
  width?: string;
}

const dialogOf = (event: Event) => (event.target as HTMLElement).closest('div')!.querySelector<UcrmDialog>('ucrm-dialog')!;

const meta: Meta<Args> = {
  title: 'Shared/ucrm-dialog',
  component: 'ucrm-dialog',
  args: { label: 'Rename contact', withoutHeader: false, guardUnsaved: false },
  render: ({ label, withoutHeader, guardUnsaved, width }) =>
    html`<div>
      <button type="button" @click=${(e: Event) => (dialogOf(e).open = true)}>Open the dialog</button>
      <ucrm-dialog
        label=${label}
        ?without-header=${withoutHeader}
        style=${width ? `--ucrm-dialog-width: ${width}` : ''}
        @ucrm-request-close=${(e: UcrmRequestCloseEvent) => {
          const typed = (e.currentTarget as UcrmDialog).querySelector('input')!.value;
          if (guardUnsaved && typed) e.preventDefault();
          console.info('ucrm-request-close', e.detail, e.defaultPrevented ? '(refused)' : '');
        }}
        @close=${() => console.info('close')}
      >
        <form
          style="display: grid; gap: 0.5rem"
          @submit=${(e: Event) => {
            e.preventDefault();
            dialogOf(e).open = false;
          }}
        >
          <label for="story-name">Name</label>
          <input id="story-name" autocomplete="off" />
          <div style="display: flex; gap: 0.5rem; justify-content: end">
            <button type="button" @click=${(e: Event) => (dialogOf(e).open = false)}>Cancel</button>
            <button type="submit">Save</button>
          </div>
        </form>
      </ucrm-dialog>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Open it from the button: focus goes to the field, Escape or Cancel bring it back to the button. */
export const Default: Story = {};

/** With something typed, Escape is refused (`ucrm-request-close` cancelled); Cancel still closes. */
export const RefusesEscapeWithUnsavedWork: Story = { args: { guardUnsaved: true } };

/** The title names the dialog but is not shown (the content has its own heading). */
export const WithoutHeader: Story = { args: { withoutHeader: true } };

/** Wider through `--ucrm-dialog-width` (capped by `--ucrm-dialog-max-width`). */
export const Wide: Story = { args: { width: '36rem' } };
