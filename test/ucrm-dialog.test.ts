import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ucrm-dialog.js';
import type { UcrmDialog } from '../src/components/ucrm-dialog/ucrm-dialog.js';
import type { UcrmRequestCloseEvent } from '../src/events.js';

/** A page with an opener button, a control outside, and a closed dialog holding a small form. */
async function page(content = html`<label for="name">Name</label><input id="name" /><button type="button">Save</button>`) {
  const root = await fixture<HTMLDivElement>(html`<div>
    <button id="opener" type="button">Open</button>
    <button id="outside" type="button">Elsewhere</button>
    <ucrm-dialog label="Rename contact">${content}</ucrm-dialog>
  </div>`);
  const dialog = root.querySelector<UcrmDialog>('ucrm-dialog')!;
  const opener = root.querySelector<HTMLButtonElement>('#opener')!;
  return { root, dialog, opener, native: () => dialog.shadowRoot!.querySelector('dialog')! };
}

async function openFrom(dialog: UcrmDialog, opener: HTMLElement) {
  opener.focus();
  dialog.open = true;
  await dialog.updateComplete;
}

describe('<ucrm-dialog>', () => {
  it('opens as a modal named by its visible title, and is accessible', async () => {
    const { dialog, opener, native } = await page();
    expect(native().open).to.equal(false);
    await openFrom(dialog, opener);
    expect(native().matches(':modal')).to.equal(true);
    const title = dialog.shadowRoot!.getElementById(native().getAttribute('aria-labelledby')!)!;
    expect(title.localName).to.equal('h2');
    expect(title.textContent).to.equal('Rename contact');
    expect(title.checkVisibility()).to.equal(true);
    await expect(dialog).to.be.accessible();
  });

  it('moves focus into the content, keeps the page behind inert, and gives focus back on close', async () => {
    const { root, dialog, opener } = await page();
    await openFrom(dialog, opener);
    expect(document.activeElement).to.equal(root.querySelector('#name'));
    root.querySelector<HTMLButtonElement>('#outside')!.focus();
    expect(document.activeElement).to.equal(root.querySelector('#name'));

    setTimeout(() => (dialog.open = false));
    await oneEvent(dialog, 'close');
    expect(document.activeElement).to.equal(opener);
  });

  it('stays open when opened again before the close of its previous closing arrived', async () => {
    const { dialog, opener, native } = await page();
    await openFrom(dialog, opener);
    // Cancel, then at once the same dialog again (e.g. a row's × after the dialog's Cancel).
    dialog.open = false;
    await dialog.updateComplete;
    dialog.open = true;
    await dialog.updateComplete;
    // The native close event of the first closing comes a task later; let it (and any update) pass.
    await new Promise((resolve) => native().addEventListener('close', resolve, { once: true }));
    await dialog.updateComplete;
    expect(dialog.open).to.equal(true);
    expect(native().open).to.equal(true);
  });

  it('focuses the content’s autofocus control first', async () => {
    const { root, dialog, opener } = await page(
      html`<label for="a">A</label><input id="a" /><label for="b">B</label><input id="b" autofocus />`,
    );
    await openFrom(dialog, opener);
    expect(document.activeElement).to.equal(root.querySelector('#b'));
  });

  it('asks before Escape closes it, and stays open when the request is refused', async () => {
    const { dialog, opener, native } = await page();
    await openFrom(dialog, opener);
    const requests: UcrmRequestCloseEvent[] = [];
    const refuse = (e: UcrmRequestCloseEvent) => {
      requests.push(e);
      e.preventDefault();
    };
    dialog.addEventListener('ucrm-request-close', refuse);
    await sendKeys({ press: 'Escape' });
    expect(requests.map((e) => e.detail.source)).to.deep.equal(['escape']);
    expect(requests[0].bubbles && requests[0].composed && requests[0].cancelable).to.equal(true);
    await dialog.updateComplete;
    expect(dialog.open).to.equal(true);
    expect(native().open).to.equal(true);
    // Refused twice in a row without other input: still open (no browser fallback closes it).
    await sendKeys({ press: 'Escape' });
    await dialog.updateComplete;
    expect(requests.length).to.equal(2);
    expect(native().open).to.equal(true);
    expect(dialog.requestClose()).to.equal(false);
    expect(requests[2].detail.source).to.equal('method');

    dialog.removeEventListener('ucrm-request-close', refuse);
    const closed = oneEvent(dialog, 'close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(dialog.open).to.equal(false);
    expect(native().open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('leaves Escape to a control inside that handled it', async () => {
    const { root, dialog, opener } = await page();
    await openFrom(dialog, opener);
    root.querySelector('#name')!.addEventListener('keydown', (e) => (e as KeyboardEvent).key === 'Escape' && e.preventDefault());
    let asked = false;
    dialog.addEventListener('ucrm-request-close', () => (asked = true));
    await sendKeys({ press: 'Escape' });
    await dialog.updateComplete;
    expect(asked).to.equal(false);
    expect(dialog.open).to.equal(true);
  });

  it('names itself with a hidden title when the content has its own heading', async () => {
    const el = await fixture<UcrmDialog>(html`<ucrm-dialog label="Contact details" without-header open><p>Ana</p></ucrm-dialog>`);
    await waitUntil(() => el.shadowRoot!.querySelector('dialog')!.open, 'open');
    const title = el.shadowRoot!.querySelector('h2')!;
    expect(title.textContent).to.equal('Contact details');
    expect(title.getBoundingClientRect().width).to.be.at.most(1);
    await expect(el).to.be.accessible();
  });
});
