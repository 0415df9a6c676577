/**
 * The directory's actions on one contact (seeds 003/004): Unblock from the
 * Block segment's rows and from the details (the contact returns to the main
 * list), New contact (the create form), and New conversation from a row or
 * the details (the composer on the contact's phone or email, the channel
 * chosen) — on the host's contacts, the embedded source and the REST source.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from './support/wait.js';
import '../src/define/ucrm-contact-directory.js';
import type { UcrmContactDirectory } from '../src/components/ucrm-contact-directory/ucrm-contact-directory.js';
import type { UcrmContactDetails } from '../src/components/ucrm-contact-details/ucrm-contact-details.js';
import type { UcrmContactForm } from '../src/components/ucrm-contact-form/ucrm-contact-form.js';
import type { UcrmNewInteraction } from '../src/components/ucrm-new-interaction/ucrm-new-interaction.js';
import type { Contact } from '../src/core/types.js';
import { createLocalSource, type LocalSource } from '../src/data/local-source.js';
import type { AdminSource, CrmSource } from '../src/data/source.js';
import { DRAFTS_PREFIX } from '../src/state/composer-drafts.js';
import { sampleCampaigns } from '../stories/ucrm-new-interaction-samples.js';
import { blankContact } from './support/contacts.js';
import { $, $$, names, settle } from './support/directory-harness.js';
import { resetServer, restSource, server } from './support/rest-server.js';

const PEOPLE = [
  blankContact({ id: 'ana', firstName: 'Ana', lastName: 'Souza', emails: ['ana@example.com'] }),
  blankContact({ id: 'jose', firstName: 'José', lastName: 'Núñez', phones: ['+59899123456'], emails: ['jose@example.com'] }),
  blankContact({ id: 'maria', firstName: 'María', lastName: 'Gómez' }),
  blankContact({ id: 'pedro', firstName: 'Pedro', lastName: 'Bloqueado', phones: ['+59899000111'], blocked: true }),
];

async function localSource(contacts: Contact[] = PEOPLE): Promise<LocalSource> {
  const source = createLocalSource({ persist: false, contacts, campaigns: sampleCampaigns, defaultRegion: 'UY' });
  await source.ready;
  return source;
}

async function mount(source: CrmSource, lang = '') {
  const el = await fixture<UcrmContactDirectory>(
    html`<ucrm-contact-directory .source=${source} agent-id="agent-1" default-region="UY" lang=${lang}></ucrm-contact-directory>`,
  );
  await waitUntil(() => names(el).length > 0, 'rows from the source');
  await settle(el);
  return el;
}

const view = (el: UcrmContactDirectory, label: string) => $$(el, '[part~="view"]').find((b) => b.textContent!.trim().startsWith(label))!;
const button = (el: UcrmContactDirectory, label: string) =>
  $$(el, '[part~="row"] button').find((b) => b.getAttribute('aria-label') === label) as HTMLButtonElement | undefined;
const announced = (el: UcrmContactDirectory) => $(el, '[part="announcer"]').textContent!.trim();

async function toBlockSegment(el: UcrmContactDirectory, label = 'Blocked') {
  view(el, label).click();
  await waitUntil(() => names(el).join() === 'Pedro Bloqueado', 'Block segment');
  await settle(el);
}

// The virtualizer re-measures rows as pages arrive; Chromium reports that as a benign
// "ResizeObserver loop" error, which must not fail a test (mocha listens through window.onerror).
const mochaOnError = window.onerror;
before(() => {
  window.onerror = (message, ...rest) => (/ResizeObserver loop/.test(String(message)) ? true : mochaOnError?.call(window, message, ...rest));
});
after(() => (window.onerror = mochaOnError));

describe('<ucrm-contact-directory> Unblock', () => {
  before(async () => {
    await server();
  });

  it('unblocks from a row of the Block segment: the contact returns to the main list (local source)', async () => {
    const source = await localSource();
    const el = await mount(source);
    expect(names(el)).to.not.include('Pedro Bloqueado');
    // Main-list rows offer no Unblock.
    expect($$(el, '[part="unblock-button"]')).to.have.length(0);
    await toBlockSegment(el);
    const unblock = button(el, 'Unblock Pedro Bloqueado')!;
    expect(unblock.textContent!.trim()).to.equal('Unblock');
    await expect(el).to.be.accessible();

    setTimeout(() => unblock.click());
    const request = await oneEvent(el, 'ucrm-contact-unblock');
    expect(request.detail.contact.id).to.equal('pedro');
    await waitUntil(() => names(el).length === 0, 'gone from the Block segment');
    expect((await source.getContact('pedro'))?.blocked).to.equal(false);
    await waitUntil(() => announced(el) === 'Pedro Bloqueado is unblocked and back in the main list.', 'announced');

    view(el, 'All contacts').click();
    await waitUntil(() => names(el).includes('Pedro Bloqueado'), 'back in the main list');
    await expect(el).to.be.accessible();
  });

  it('unblocks on the REST source, from the keyboard', async () => {
    const info = await server();
    await resetServer();
    const rest = restSource(info) as CrmSource & AdminSource;
    const stamp = Date.now().toString(36);
    const blocked = await rest.createContact({ firstName: 'Blocked', lastName: stamp });
    await rest.setBlocked(blocked.id, true);
    const el = await mount(rest);
    type(el, stamp);
    view(el, 'Blocked').click();
    await waitUntil(() => names(el).join() === `Blocked ${stamp}`, 'Block segment on REST');
    await settle(el);
    button(el, `Unblock Blocked ${stamp}`)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => names(el).length === 0, 'left the Block segment');
    expect((await rest.getContact(blocked.id))?.blocked).to.equal(false);
    view(el, 'All contacts').click();
    await waitUntil(() => names(el).join() === `Blocked ${stamp}`, 'in the main list');
  });

  it('with the host’s contacts, asks the host (cancelable) and writes nothing itself', async () => {
    let contacts = PEOPLE;
    const el = await fixture<UcrmContactDirectory>(html`<ucrm-contact-directory .contacts=${contacts}></ucrm-contact-directory>`);
    await settle(el);
    await toBlockSegment(el);
    el.addEventListener('ucrm-contact-unblock', (e) => {
      contacts = contacts.map((c) => (c.id === e.detail.contact.id ? { ...c, blocked: false } : c));
      el.contacts = contacts;
    });
    button(el, 'Unblock Pedro Bloqueado')!.click();
    await waitUntil(() => names(el).length === 0, 'the host unblocked it');
    view(el, 'All contacts').click();
    await settle(el);
    expect(names(el)).to.include('Pedro Bloqueado');
  });

  it('unblocks from the details: closing them shows the contact back in the main list', async () => {
    const source = await localSource();
    const el = await mount(source);
    await toBlockSegment(el);
    $$(el, '[part="open-button"]')[0].click();
    const dialog = $<HTMLDialogElement>(el, '[part="details-dialog"]');
    await waitUntil(() => dialog.open, 'details open');
    const details = dialog.querySelector<UcrmContactDetails>('ucrm-contact-details')!;
    await waitUntil(() => details.state === 'ready', 'details loaded');
    const unblock = details.shadowRoot!.querySelector<HTMLButtonElement>('[part="block-button"]')!;
    expect(unblock.textContent!.trim()).to.equal('Unblock contact');
    unblock.click();
    await waitUntil(() => details.contact?.blocked === false, 'unblocked');
    // A blocked contact is offered no conversation; once unblocked, it is.
    await el.updateComplete;
    expect($(el, '[part="details-conversation"]')).to.not.equal(null);
    $<HTMLButtonElement>(el, '[part="details-close"]').click();
    await waitUntil(() => names(el).length === 0, 'left the Block segment');
    view(el, 'All contacts').click();
    await waitUntil(() => names(el).includes('Pedro Bloqueado'), 'in the main list');
  });
});

function type(el: UcrmContactDirectory, query: string) {
  const input = $<HTMLInputElement>(el, '[part="search-input"]');
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('<ucrm-contact-directory> New contact', () => {
  it('opens the create form from the toolbar and creates through the source', async () => {
    const source = await localSource();
    const el = await mount(source);
    const open = $<HTMLButtonElement>(el, '[part="new-contact-button"]');
    expect(open.textContent!.trim()).to.equal('New contact');
    open.click();
    const dialog = await openDialog(el, 'create-dialog');
    expect(dialog.getAttribute('label')).to.equal('New contact');
    const form = dialog.querySelector<UcrmContactForm>('ucrm-contact-form')!;
    await form.updateComplete;
    await expect(el).to.be.accessible();
    fill(form, '#firstName', 'Lucía');
    fill(form, '#phone-0', '099 765 432');
    setTimeout(() => form.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click());
    const created = await oneEvent(el, 'ucrm-contact-created');
    expect(created.detail.contact).to.include({ firstName: 'Lucía' });
    await waitUntil(() => !dialog.open, 'form closed');
    await waitUntil(() => names(el).includes('Lucía'), 'listed');
    expect(announced(el)).to.equal('Lucía was created.');
    expect((await source.findByIdentity({ kind: 'phone', value: '+59899765432' })).map((c) => c.firstName)).to.deep.equal(['Lucía']);
  });

  it('with the host’s contacts, hands the draft to the host and closes', async () => {
    const el = await fixture<UcrmContactDirectory>(html`<ucrm-contact-directory .contacts=${PEOPLE}></ucrm-contact-directory>`);
    await settle(el);
    $<HTMLButtonElement>(el, '[part="new-contact-button"]').click();
    const dialog = await openDialog(el, 'create-dialog');
    const form = dialog.querySelector<UcrmContactForm>('ucrm-contact-form')!;
    await form.updateComplete;
    fill(form, '#firstName', 'Host');
    setTimeout(() => form.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click());
    const submit = await oneEvent(el, 'ucrm-contact-submit');
    expect(submit.detail.draft.firstName).to.equal('Host');
    await waitUntil(() => !dialog.open, 'closed for the host to write');
  });
});

async function openDialog(el: UcrmContactDirectory, part: string) {
  await el.updateComplete;
  await waitUntil(() => $<HTMLElement & { open: boolean }>(el, `[part="${part}"]`)?.open, `${part} open`);
  return $<HTMLElement & { open: boolean }>(el, `[part="${part}"]`);
}

function fill(form: HTMLElement, selector: string, value: string) {
  const input = form.shadowRoot!.querySelector<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

describe('<ucrm-contact-directory> New conversation', () => {
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith(DRAFTS_PREFIX)) localStorage.removeItem(key);
  });
  afterEach(() => fixtureCleanup());

  async function composerOf(el: UcrmContactDirectory) {
    const dialog = await openDialog(el, 'conversation-dialog');
    const composer = dialog.querySelector<UcrmNewInteraction>('ucrm-new-interaction')!;
    await waitUntil(() => composer.shadowRoot?.querySelector('#to'), 'composer fields');
    await composer.updateComplete;
    return { dialog, composer, to: () => composer.shadowRoot!.querySelector<HTMLInputElement>('#to')!.value };
  }

  it('from a row: the composer opens on the phone, and WhatsApp or SMS keep the number', async () => {
    const el = await mount(await localSource());
    const start = button(el, 'New conversation with José Núñez')!;
    expect(start.textContent!.trim()).to.equal('New conversation');
    // A contact with no phone or email has nothing to start a conversation on.
    expect(button(el, 'New conversation with María Gómez')).to.equal(undefined);
    start.click();
    const { dialog, composer, to } = await composerOf(el);
    expect(dialog.getAttribute('label')).to.equal('New conversation with José Núñez');
    expect(composer.channel).to.equal('phone');
    expect(composer.shadowRoot!.querySelector<HTMLInputElement>('input[name=channel][value=phone]')!.checked).to.equal(true);
    expect(to()).to.equal('+59899123456');
    await expect(el).to.be.accessible();

    composer.shadowRoot!.querySelector<HTMLInputElement>('input[name=channel][value=whatsapp]')!.click();
    await composer.updateComplete;
    expect(to()).to.equal('+59899123456');
    composer.shadowRoot!.querySelector<HTMLInputElement>('input[name=channel][value=sms]')!.click();
    await composer.updateComplete;
    expect(to()).to.equal('+59899123456');
    composer.shadowRoot!.querySelector<HTMLInputElement>('input[name=channel][value=phone]')!.click();
    await composer.updateComplete;
    setTimeout(() => composer.shadowRoot!.querySelector<HTMLButtonElement>('[part="start-button"]')!.click());
    // The request goes out of the directory to the host, which starts the call.
    const request = await oneEvent(el, 'ucrm-interaction-start');
    expect(request.detail).to.include({ channel: 'phone', to: '+59899123456' });
  });

  it('on a contact with only an email, chooses Email with the address', async () => {
    const el = await mount(await localSource());
    button(el, 'New conversation with Ana Souza')!.click();
    const { composer, to } = await composerOf(el);
    expect(composer.channel).to.equal('email');
    expect(to()).to.equal('ana@example.com');
    // The composer's own × closes the dialog with it.
    composer.shadowRoot!.querySelector<HTMLButtonElement>('[part="close-button"]')!.click();
    await waitUntil(() => !$<HTMLElement & { open: boolean }>(el, '[part="conversation-dialog"]').open, 'closed');
  });

  it('from the details of a contact', async () => {
    const el = await mount(await localSource());
    $$(el, '[part="open-button"]').find((b) => b.textContent!.trim() === 'José Núñez')!.click();
    const details = await openDialog(el, 'details-dialog');
    await waitUntil(() => details.querySelector<UcrmContactDetails>('ucrm-contact-details')?.state === 'ready', 'details loaded');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="details-conversation"]').click();
    const { composer, to } = await composerOf(el);
    expect(details.open).to.equal(false);
    expect(composer.channel).to.equal('phone');
    expect(to()).to.equal('+59899123456');
  });

  it('speaks Spanish and Portuguese', async () => {
    const source = await localSource();
    const es = await mount(source, 'es');
    await waitUntil(() => $(es, '[part="new-contact-button"]').textContent!.trim() === 'Nuevo contacto', 'Spanish');
    expect(button(es, 'Nueva conversación con José Núñez')!.textContent!.trim()).to.equal('Nueva conversación');
    fixtureCleanup();
    const pt = await mount(source, 'pt');
    await waitUntil(() => $(pt, '[part="new-contact-button"]').textContent!.trim() === 'Novo contato', 'Portuguese');
    expect(button(pt, 'Nova conversa com José Núñez')!.textContent!.trim()).to.equal('Nova conversa');
    await toBlockSegment(pt, 'Bloqueados');
    expect(button(pt, 'Desbloquear Pedro Bloqueado')!.textContent!.trim()).to.equal('Desbloquear');
  });
});
