/**
 * Editing saved views in the directory (seed 004's Manage Views): rename,
 * replace the filter, change the visibility, delete after a confirmation; a
 * duplicate name is refused with a message; on the REST source the server's
 * owner rule (403) is said to the agent. On the embedded source, the REST
 * source and the host's `views`.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import '../src/define/ucrm-contact-directory.js';
import type { UcrmContactDirectory } from '../src/components/ucrm-contact-directory/ucrm-contact-directory.js';
import type { ContactFilter, SavedView } from '../src/core/filters/index.js';
import { createLocalSource } from '../src/data/local-source.js';
import type { AdminSource, CrmSource } from '../src/data/source.js';
import type { UcrmErrorEvent } from '../src/events.js';
import { blankContact } from './support/contacts.js';
import { $, $$, names, settle } from './support/directory-harness.js';
import { inject, resetServer, restSource, server } from './support/rest-server.js';

const PEOPLE = [
  blankContact({ id: 'ana', firstName: 'Ana', lastName: 'Souza', tags: ['VIP'] }),
  blankContact({ id: 'jose', firstName: 'José', lastName: 'Núñez', tags: ['Lead'] }),
];
const VIP: ContactFilter = { match: 'all', conditions: [{ field: 'tags', op: 'is', value: 'vip' }] };
const LEAD: ContactFilter = { match: 'all', conditions: [{ field: 'tags', op: 'is', value: 'lead' }] };

type Dialog = HTMLElement & { open: boolean };
const viewLabels = (el: UcrmContactDirectory) => $$(el, '[part~="view"]').map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
const view = (el: UcrmContactDirectory, label: string) => $$(el, '[part~="view"]').find((b) => b.textContent!.trim().startsWith(label))!;

async function mount(source: CrmSource, agent = 'agent-1') {
  const el = await fixture<UcrmContactDirectory>(
    html`<ucrm-contact-directory .source=${source} agent-id=${agent}></ucrm-contact-directory>`,
  );
  await waitUntil(() => names(el).length > 0, 'rows');
  await settle(el);
  return el;
}

async function openEdit(el: UcrmContactDirectory, name: string) {
  const edit = $$(el, '[part="view-edit"]').find((b) => b.getAttribute('aria-label') === `Edit view “${name}”`)!;
  edit.click();
  await el.updateComplete;
  await waitUntil(() => $<Dialog>(el, '[part="view-dialog"]')?.open, 'edit dialog open');
  return $<Dialog>(el, '[part="view-dialog"]');
}

function setName(el: UcrmContactDirectory, name: string) {
  const input = $<HTMLInputElement>(el, '[part="view-name-input"]');
  input.value = name;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

// The virtualizer re-measures rows as pages arrive; Chromium reports that as a benign
// "ResizeObserver loop" error, which must not fail a test (mocha listens through window.onerror).
const mochaOnError = window.onerror;
before(() => {
  window.onerror = (message, ...rest) => (/ResizeObserver loop/.test(String(message)) ? true : mochaOnError?.call(window, message, ...rest));
});
after(() => (window.onerror = mochaOnError));

describe('<ucrm-contact-directory> editing saved views', () => {
  it('renames, replaces the filter and makes public a view of the agent (embedded source)', async () => {
    const source = createLocalSource({ persist: false, contacts: PEOPLE });
    await source.ready;
    const mine = await source.saveView({ name: 'VIPs', filter: VIP, public: false, owner: 'agent-1' });
    await source.saveView({ name: 'Team', filter: LEAD, public: true, owner: 'agent-2' });
    const el = await mount(source);
    await waitUntil(() => viewLabels(el).length === 4, 'views loaded');
    // Only the agent's own view can be edited or deleted.
    expect($$(el, '[part="view-edit"]').map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Edit view “VIPs”']);
    expect($$(el, '[part="view-delete"]')).to.have.length(1);

    view(el, 'VIPs').click();
    await waitUntil(() => names(el).join() === 'Ana Souza', 'VIP view');
    el.filter = LEAD;
    await settle(el);

    const dialog = await openEdit(el, 'VIPs');
    expect(dialog.getAttribute('label')).to.equal('Edit view “VIPs”');
    expect($<HTMLInputElement>(el, '[part="view-name-input"]').value).to.equal('VIPs');
    await expect(el).to.be.accessible();

    // A name another view has is refused, with the reason; nothing is written.
    setName(el, ' team ');
    $<HTMLButtonElement>(el, '[part="view-save"]').click();
    await el.updateComplete;
    expect($(el, '[part="view-name-error"]').textContent!.trim()).to.equal('A view named “team” already exists. Choose another name.');
    expect($(el, '[part="view-name-input"]').getAttribute('aria-invalid')).to.equal('true');
    expect(dialog.open).to.equal(true);
    await expect(el).to.be.accessible();

    setName(el, 'Leads');
    $<HTMLInputElement>(el, '[part="view-filter-toggle"]').click();
    $<HTMLInputElement>(el, '[part="view-public-toggle"]').click();
    setTimeout(() => $<HTMLButtonElement>(el, '[part="view-save"]').click());
    const request = await oneEvent(el, 'ucrm-view-save');
    expect(request.detail.view).to.deep.include({ id: mine.id, name: 'Leads', public: true, filter: LEAD });
    await waitUntil(() => !dialog.open, 'saved and closed');
    expect(viewLabels(el)).to.deep.equal(['All contacts', 'Blocked', 'Leads', 'Team']);
    const [stored] = (await source.listViews({ owner: 'agent-1' })).filter((v) => v.id === mine.id);
    expect(stored).to.deep.include({ name: 'Leads', public: true, filter: LEAD, owner: 'agent-1' });
  });

  it('deletes a view only after its confirmation; the list goes back to all contacts', async () => {
    const source = createLocalSource({ persist: false, contacts: PEOPLE });
    await source.ready;
    await source.saveView({ name: 'VIPs', filter: VIP, public: false, owner: 'agent-1' });
    const el = await mount(source);
    await waitUntil(() => viewLabels(el).length === 3, 'views loaded');
    view(el, 'VIPs').click();
    await waitUntil(() => names(el).length === 1, 'VIP view');

    await openEdit(el, 'VIPs');
    $<HTMLButtonElement>(el, '[part="view-delete-button"]').click();
    await el.updateComplete;
    const confirm = $<Dialog>(el, '[part="view-delete-dialog"]');
    await waitUntil(() => confirm.open, 'confirmation open');
    expect(confirm.getAttribute('label')).to.equal('Delete view “VIPs”?');
    await expect(el).to.be.accessible();
    // Cancel keeps it.
    $<HTMLButtonElement>(el, '[part="view-delete-cancel"]').click();
    await waitUntil(() => !confirm.open, 'cancelled');
    expect(await source.listViews({ owner: 'agent-1' })).to.have.length(1);

    $<HTMLButtonElement>(el, '[part="view-delete"]').click();
    await waitUntil(() => confirm.open, 'asked again');
    setTimeout(() => $<HTMLButtonElement>(el, '[part="view-delete-confirm"]').click());
    const request = await oneEvent(el, 'ucrm-view-delete');
    expect(request.detail.view.name).to.equal('VIPs');
    await waitUntil(() => viewLabels(el).length === 2, 'removed');
    expect(await source.listViews({ owner: 'agent-1' })).to.deep.equal([]);
    expect(view(el, 'All contacts').getAttribute('aria-current')).to.equal('true');
    await waitUntil(() => names(el).length === 2, 'all contacts listed');
  });

  it('refuses a duplicate name when saving a new view', async () => {
    const el = await fixture<UcrmContactDirectory>(
      html`<ucrm-contact-directory .contacts=${PEOPLE} .views=${[{ id: 'v1', name: 'VIPs', filter: VIP, public: true }]}></ucrm-contact-directory>`,
    );
    await settle(el);
    let saved = 0;
    el.addEventListener('ucrm-view-save', () => saved++);
    $<HTMLElement>(el, '[part="save-view"] summary').click();
    await el.updateComplete;
    $<HTMLInputElement>(el, '#view-name').value = 'vips';
    $<HTMLButtonElement>(el, '[part="save-view-button"]').click();
    await waitUntil(() => !$(el, '[part="save-view-error"]').hidden, 'refused');
    expect($(el, '[part="save-view-error"]').textContent).to.equal('A view named “vips” already exists. Choose another name.');
    expect($<HTMLInputElement>(el, '#view-name').value).to.equal('vips');
    expect(saved).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('with the host’s views, hands the edit and the delete to the host', async () => {
    const views: SavedView[] = [{ id: 'v1', name: 'VIPs', filter: VIP, public: false }];
    const el = await fixture<UcrmContactDirectory>(html`<ucrm-contact-directory .contacts=${PEOPLE} .views=${views}></ucrm-contact-directory>`);
    await settle(el);
    await openEdit(el, 'VIPs');
    setName(el, 'Renamed');
    setTimeout(() => $<HTMLButtonElement>(el, '[part="view-save"]').click());
    const save = await oneEvent(el, 'ucrm-view-save');
    expect(save.detail.view).to.deep.equal({ id: 'v1', name: 'Renamed', filter: VIP, public: false });
    await waitUntil(() => !$<Dialog>(el, '[part="view-dialog"]').open, 'closed');

    $<HTMLButtonElement>(el, '[part="view-delete"]').click();
    await waitUntil(() => $<Dialog>(el, '[part="view-delete-dialog"]')?.open, 'confirmation');
    setTimeout(() => $<HTMLButtonElement>(el, '[part="view-delete-confirm"]').click());
    const remove = await oneEvent(el, 'ucrm-view-delete');
    expect(remove.detail.view.id).to.equal('v1');
  });

  it('on the REST source, says so when the server refuses the edit (403: not the owner)', async () => {
    const info = await server();
    await resetServer();
    const rest = restSource(info) as CrmSource & AdminSource;
    const name = `Mine ${Date.now().toString(36)}`;
    await rest.createContact({ firstName: 'Someone' });
    const stored = await rest.saveView({ name, filter: VIP, public: false, owner: 'agent-1' });
    const el = await mount(rest);
    await waitUntil(() => viewLabels(el).some((l) => l.startsWith(name)), 'view listed');
    const dialog = await openEdit(el, name);
    await inject({ kind: 'status', status: 403, path: `/views/${stored.id}`, count: 1 });
    setName(el, `${name} renamed`);
    setTimeout(() => $<HTMLButtonElement>(el, '[part="view-save"]').click());
    const error = (await oneEvent(el, 'ucrm-error')) as UcrmErrorEvent;
    expect(error.detail).to.include({ operation: 'save-view', code: 'unauthorized' });
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelector('[role="alert"]')?.textContent ?? dialog.textContent).to.contain(
      'Only the agent who created this view can change or delete it.',
    );
    expect($<HTMLInputElement>(el, '[part="view-name-input"]').value).to.equal(`${name} renamed`);
    await expect(el).to.be.accessible();
    expect((await rest.listViews({ owner: 'agent-1' })).find((v) => v.id === stored.id)?.name).to.equal(name);
  });
});
