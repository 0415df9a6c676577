import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ucrm-contact-directory.js';
import type { UcrmContactDirectory } from '../src/components/ucrm-contact-directory/ucrm-contact-directory.js';
import { virtualizerImport, type VirtualizerModule } from '../src/components/ucrm-contact-directory/table-virtualizer.js';
import { LazyChunk } from '../src/components/shared/lazy-chunk.js';
import type { UcrmErrorEvent } from '../src/events.js';
import { blankContact } from './support/contacts.js';
import { quietly } from './support/console.js';
import { names } from './support/directory-harness.js';

const people = [blankContact({ id: 'ana', firstName: 'Ana' }), blankContact({ id: 'bea', firstName: 'Bea' }), blankContact({ id: 'caio', firstName: 'Caio' })];
const $ = <T extends Element = HTMLElement>(el: UcrmContactDirectory, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

/** A host that counts update requests. */
function fakeHost() {
  return { updates: 0, addController() {}, removeController() {}, requestUpdate() { this.updates++; }, updateComplete: Promise.resolve(true) };
}

describe('<ucrm-contact-directory> parts loaded on demand', () => {
  it('renders no dialog and no column list until the user asks for one', async () => {
    const el = await fixture<UcrmContactDirectory>(html`<ucrm-contact-directory .contacts=${people}></ucrm-contact-directory>`);
    await waitUntil(() => $(el, '[part="open-button"]'), 'rows');
    expect(el.shadowRoot!.querySelectorAll('ucrm-dialog').length).to.equal(0);
    expect($(el, '[part="columns-fieldset"]')).to.equal(null);
    // Their buttons and labels are there from the start.
    expect($(el, '[part="import-button"]')!.textContent!.trim()).to.equal('Import');
    expect($(el, '[part="columns-summary"]')!.textContent!.trim()).to.equal('Customize table');

    $(el, '[part="columns-summary"]')!.click();
    await el.updateComplete;
    expect($(el, '[part="columns-fieldset"] legend')!.textContent).to.equal('Columns shown in the table');
    await expect(el).to.be.accessible();
  });

  it('moves focus into a dialog opened from the keyboard, and back to its button on Escape', async () => {
    const el = await fixture<UcrmContactDirectory>(html`<ucrm-contact-directory .contacts=${people}></ucrm-contact-directory>`);
    await waitUntil(() => $(el, '[part="open-button"]'), 'rows');
    for (const name of ['Ana', 'Bea']) $<HTMLInputElement>(el, `[part~="row"] input[aria-label="Select ${name}"]`)!.click();
    await el.updateComplete;
    const button = $<HTMLButtonElement>(el, '[part="merge-button"]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, '[part="merge-dialog"]')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.contains(el.shadowRoot!.activeElement)).to.equal(true);
    // The chunk's styles came with it.
    expect(getComputedStyle($(el, '[part="merge-warning"]')!).fontWeight).to.equal('600');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'closed');
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });

  it('speaks the loaded dialogs in the element’s language', async () => {
    const el = await fixture<UcrmContactDirectory>(html`<ucrm-contact-directory lang="pt" .contacts=${people}></ucrm-contact-directory>`);
    await waitUntil(() => $(el, '[part="open-button"]'), 'rows');
    $<HTMLInputElement>(el, '[part~="row"] input[aria-label="Selecionar Ana"]')!.click();
    await el.updateComplete;
    $(el, '[part="delete-button"]')!.click();
    await el.updateComplete;
    expect($(el, '[part="delete-dialog"]')!.shadowRoot!.querySelector('h2')!.textContent).to.equal('Excluir 1 contato');
    expect($(el, '[part="delete-confirm"]')!.textContent!.trim()).to.equal('Excluir contatos');
  });
});

describe('<ucrm-contact-directory> table code loaded on demand', () => {
  const realImport = virtualizerImport.load;
  afterEach(() => (virtualizerImport.load = realImport));

  it('shows its loading row until the virtualizer arrives, then the rows', async () => {
    let arrive = () => {};
    virtualizerImport.load = () => new Promise<VirtualizerModule>((resolve) => (arrive = () => void realImport().then(resolve)));
    const el = fixtureSync<UcrmContactDirectory>(html`<ucrm-contact-directory .contacts=${people}></ucrm-contact-directory>`);
    await waitUntil(() => $(el, '[part~="row-loading"]'), 'loading row');
    expect($(el, '[part~="row-loading"]')!.textContent!.trim()).to.equal('Loading…');
    expect($(el, '[part="table"]')!.getAttribute('aria-busy')).to.equal('true');
    expect($(el, '[part="status"]')!.textContent!.trim()).to.equal('3 contacts');
    await expect(el).to.be.accessible();

    arrive();
    await el.updateComplete;
    await waitUntil(() => names(el).length === 3, 'rows');
    expect(names(el)).to.deep.equal(['Ana', 'Bea', 'Caio']);
    expect($(el, '[part~="row-loading"]')).to.equal(null);
    expect($(el, '[part="table"]')!.hasAttribute('aria-busy')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('reports a virtualizer that failed to load, with a retry that loads it and shows the rows', async () => {
    virtualizerImport.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const errors: UcrmErrorEvent[] = [];
    const el = await quietly(() =>
      fixture<UcrmContactDirectory>(
        html`<ucrm-contact-directory .contacts=${people} @ucrm-error=${(e: UcrmErrorEvent) => errors.push(e)}></ucrm-contact-directory>`,
      ),
    );
    expect(errors.map((e) => e.detail.operation)).to.deep.equal(['load']);
    expect($(el, '[part="error"]')!.getAttribute('role')).to.equal('alert');
    expect($(el, '[part="error"]')!.textContent).to.contain('could not be loaded');
    // Not "loading" any more, and not "no contacts match" either: the error says what happened.
    expect($(el, '[part~="row-loading"]')).to.equal(null);
    expect($(el, '[part="empty"]')).to.equal(null);
    await expect(el).to.be.accessible();

    virtualizerImport.load = realImport;
    $(el, '[part="retry-button"]')!.click();
    await el.updateComplete;
    await waitUntil(() => names(el).length === 3, 'rows');
    expect($(el, '[part="error"]')).to.equal(null);
    expect(errors).to.have.length(1);
  });

  it('searches the host’s contacts once the search index arrives, with a query given from the start', async () => {
    const el = await fixture<UcrmContactDirectory>(
      html`<ucrm-contact-directory query="bea" .contacts=${people}></ucrm-contact-directory>`,
    );
    await waitUntil(() => names(el).length > 0, 'rows');
    expect(names(el)).to.deep.equal(['Bea']);
    expect($(el, '[part="status"]')!.textContent!.trim()).to.equal('1 of 3 contacts');
  });
});

describe('LazyChunk (the directory’s on-demand loader)', () => {
  it('imports once for every request made meanwhile, and settles after they ran', async () => {
    const host = fakeHost();
    let imports = 0;
    const chunk = new LazyChunk(host, async () => ({ n: ++imports }), { failed: () => expect.fail('no failure') });
    const seen: number[] = [];
    chunk.with((m) => seen.push(m.n));
    chunk.with((m) => seen.push(m.n * 10));
    expect(chunk.loading).to.equal(true);
    expect(await chunk.settled()).to.equal(false);
    expect(seen).to.deep.equal([1, 10]);
    expect(imports).to.equal(1);
    expect(host.updates).to.equal(1);
    // Loaded: a request runs at once.
    chunk.with((m) => seen.push(m.n * 100));
    expect(seen).to.deep.equal([1, 10, 100]);
    expect(await chunk.settled()).to.equal(true);
  });

  it('reports a failed import with a retry that imports again and runs the request', async () => {
    const host = fakeHost();
    let fail = true;
    const failures: unknown[] = [];
    let retry = () => {};
    const chunk = new LazyChunk(
      host,
      () => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : Promise.resolve('ok')),
      {
        failed: (error, again) => {
          failures.push(error);
          retry = again;
        },
      },
    );
    const seen: string[] = [];
    chunk.with((m) => seen.push(m));
    await chunk.settled();
    expect(failures).to.have.length(1);
    expect(seen).to.deep.equal([]);
    expect(chunk.module).to.equal(undefined);

    fail = false;
    retry();
    await chunk.settled();
    expect(seen).to.deep.equal(['ok']);
    expect(chunk.module).to.equal('ok');
  });
});
