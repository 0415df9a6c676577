import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ucrm-contact-details.js';
import type { UcrmContactDetails } from '../src/components/ucrm-contact-details/ucrm-contact-details.js';
import { CrmError } from '../src/core/errors.js';
import type { Contact, CustomSection } from '../src/core/types.js';
import { createLocalSource, type LocalSource } from '../src/data/local-source.js';
import type { CrmSource } from '../src/data/source.js';
import type { UcrmContactUpdatedEvent, UcrmErrorEvent, UcrmMergeRequestEvent } from '../src/events.js';
import { blankContact } from './support/contacts.js';
import { bound } from './support/screen-pop-fixtures.js';

const SECTIONS: CustomSection[] = [
  {
    id: 'sales',
    title: 'Sales',
    campaigns: [],
    fields: [
      { key: 'score', label: 'Score', type: 'number' },
      { key: 'vip', label: 'VIP customer', type: 'checkbox' },
      { key: 'plan', label: 'Plan', type: 'select', options: ['Basic', 'Pro'] },
      { key: 'site', label: 'Site', type: 'url' },
    ],
  },
];

const PEOPLE = [
  blankContact({
    id: 'ana',
    firstName: 'Ana',
    lastName: 'Souza',
    phones: ['+598 99 123 456'],
    emails: ['ana@example.com'],
    identities: [{ kind: 'instagram', value: 'ana.s' }],
    tags: ['VIP'],
    custom: { score: 90, plan: 'Pro' },
    notes: [{ id: 'n1', text: 'Called back', author: 'Carla', createdAt: '2024-03-05T15:30:00.000Z' }],
  }),
  blankContact({ id: 'ana2', firstName: 'Ana', lastName: 'Souza', emails: ['ANA@example.com'], tags: ['Lead', 'Newsletter'] }),
  blankContact({ id: 'luis', firstName: 'Luis', lastName: 'Pérez' }),
];

const source = (): Promise<LocalSource> => {
  const local = createLocalSource({ persist: false, contacts: PEOPLE, sections: SECTIONS, defaultRegion: 'UY' });
  return local.ready.then(() => local);
};

async function mount(src: CrmSource, id = 'ana', author = 'Carla', region = 'UY') {
  const el = await fixture<UcrmContactDetails>(
    html`<ucrm-contact-details .source=${src} contact-id=${id} author=${author} default-region=${region}></ucrm-contact-details>`,
  );
  await waitUntil(() => el.state !== 'loading', 'loaded');
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: UcrmContactDetails, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const $$ = (el: UcrmContactDetails, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (el: UcrmContactDetails, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function type(input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

/** Runs an action and waits for the contact it saved. */
async function saved(el: UcrmContactDetails, action: () => void): Promise<Contact> {
  setTimeout(action);
  const event: UcrmContactUpdatedEvent = await oneEvent(el, 'ucrm-contact-updated');
  await el.updateComplete;
  return event.detail.contact;
}

describe('<ucrm-contact-details>', () => {
  it('asks for a contact when it has no contact-id', async () => {
    const el = await mount(await source(), '');
    expect(el.state).to.equal('idle');
    expect(text(el, '[part="message"]')).to.equal('Choose a contact to see its details.');
    await expect(el).to.be.accessible();
  });

  it('shows the contact: properties, identities per channel, tags, notes with author and time', async () => {
    const el = await mount(await source());
    expect(el.state).to.equal('ready');
    expect(text(el, '[part="name"]')).to.equal('Ana Souza');
    expect($<HTMLInputElement>(el, '#details-contact_2e_firstName').value).to.equal('Ana');
    expect($<HTMLInputElement>(el, '#details-custom_2e_score').value).to.equal('90');
    expect($<HTMLSelectElement>(el, '#details-custom_2e_plan').value).to.equal('Pro');
    expect($$(el, '[part="identity-kind"]').map((h) => h.textContent!.trim())).to.deep.equal(['Phone', 'Email', 'Instagram']);
    expect($$(el, '[part="identity"] span').map((s) => s.textContent!.trim())).to.deep.equal([
      '+598 99 123 456',
      'ana@example.com',
      'ana.s',
    ]);
    expect($$(el, '[part="tag"] span').map((s) => s.textContent)).to.deep.equal(['VIP']);
    const time = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2024-03-05T15:30:00.000Z'));
    expect(text(el, '[part="note-meta"]')).to.equal(`Carla, ${time}`);
    await expect(el).to.be.accessible();
  });

  it('saves edited properties and custom fields through the source and fires ucrm-contact-updated', async () => {
    const src = await source();
    const el = await mount(src);
    type($(el, '#details-contact_2e_firstName'), 'Ana María');
    type($(el, '#details-custom_2e_score'), '95');
    $<HTMLInputElement>(el, '#details-custom_2e_vip').click();
    const updated = await saved(el, () => $<HTMLButtonElement>(el, '[part="save-button"]').click());
    expect(updated.firstName).to.equal('Ana María');
    expect(updated.custom).to.deep.equal({ score: 95, plan: 'Pro', vip: true });
    expect((await src.getContact('ana'))?.custom.score).to.equal(95);
    expect(text(el, '[part="status"]')).to.equal('Changes saved.');
  });

  it('refuses an invalid field with a message and saves nothing', async () => {
    const src = await source();
    const el = await mount(src, 'luis');
    type($(el, '#details-custom_2e_site'), 'not a url');
    $<HTMLButtonElement>(el, '[part="save-button"]').click();
    await el.updateComplete;
    expect(text(el, '[part="field-error"]')).to.equal('Enter a web address starting with https://.');
    expect(text(el, '[part="invalid-count"]')).to.equal('1 field needs attention.');
    expect((await src.getContact('luis'))?.custom).to.deep.equal({});
    await expect(el).to.be.accessible();
  });

  it('adds identities normalized, explains invalid ones, and removes them', async () => {
    const src = await source();
    const el = await mount(src, 'luis');
    const input = $<HTMLInputElement>(el, '[part="identity-input"]');
    type(input, '12');
    $<HTMLButtonElement>(el, '[part="add-identity-button"]').click();
    await el.updateComplete;
    expect(text(el, '#identity-error')).to.contain('This is not a valid phone number');
    expect(input.value).to.equal('12');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    type(input, '099 555 111');
    const updated = await saved(el, () => $<HTMLButtonElement>(el, '[part="add-identity-button"]').click());
    expect(updated.identities).to.deep.include({ kind: 'phone', value: '+59899555111' });
    expect(input.value).to.equal('');
    expect((await src.findByIdentity({ kind: 'phone', value: '+59899555111' })).map((c) => c.id)).to.deep.equal(['luis']);

    type($(el, '[part="identity-kind-select"]'), 'email');
    type(input, 'not-an-email');
    $<HTMLButtonElement>(el, '[part="add-identity-button"]').click();
    await el.updateComplete;
    expect(text(el, '#identity-error')).to.contain('This is not a valid email address');

    const removed = await saved(el, () => $<HTMLButtonElement>(el, '[part="remove-identity"]').click());
    expect(removed.identities).to.deep.equal([]);
    expect(await src.findByIdentity({ kind: 'phone', value: '+59899555111' })).to.deep.equal([]);
  });

  it('says when the identity is already there', async () => {
    const el = await mount(await source());
    type($(el, '[part="identity-input"]'), '+59899123456');
    $<HTMLButtonElement>(el, '[part="add-identity-button"]').click();
    await el.updateComplete;
    expect(text(el, '#identity-error')).to.equal('The contact already has this identity.');
  });

  it('suggests existing tags, adds one with the keyboard, refuses a repeat and removes tags', async () => {
    const src = await source();
    const el = await mount(src);
    await waitUntil(() => $$(el, '[part="tag-suggestions"] option').length > 0, 'suggestions loaded');
    // Every tag in use except the contact's own.
    expect($$(el, '[part="tag-suggestions"] option').map((o) => o.getAttribute('value'))).to.deep.equal(['Lead', 'Newsletter']);
    $<HTMLInputElement>(el, '[part="tag-input"]').focus();
    await sendKeys({ type: 'Lead' });
    const updated = await saved(el, () => void sendKeys({ press: 'Enter' }));
    expect(updated.tags).to.deep.equal(['VIP', 'Lead']);
    expect((await src.getContact('ana'))?.tags).to.deep.equal(['VIP', 'Lead']);
    expect($<HTMLInputElement>(el, '[part="tag-input"]').value).to.equal('');

    $<HTMLInputElement>(el, '[part="tag-input"]').focus();
    await sendKeys({ type: 'vip' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(el, '#tag-error')).to.equal('The contact already has this tag.');
    await expect(el).to.be.accessible();

    const removed = await saved(el, () => $<HTMLButtonElement>(el, '[part="remove-tag"][aria-label="Remove tag VIP"]').click());
    expect(removed.tags).to.deep.equal(['Lead']);
  });

  it('adds a note with its author and time, newest first; an empty note is explained', async () => {
    const src = await source();
    const el = await mount(src, 'ana', 'Bruno');
    $<HTMLButtonElement>(el, '[part="add-note-button"]').click();
    await el.updateComplete;
    expect(text(el, '#note-error')).to.equal('Write the note first.');
    type($(el, '[part="note-input"]'), 'Prefers WhatsApp');
    const updated = await saved(el, () => $<HTMLButtonElement>(el, '[part="add-note-button"]').click());
    expect(updated.notes.at(-1)).to.include({ text: 'Prefers WhatsApp', author: 'Bruno' });
    expect(text(el, '[part="note-text"]')).to.equal('Prefers WhatsApp');
    expect(text(el, '[part="note-meta"]')).to.match(/^Bruno, /);
    expect($<HTMLTextAreaElement>(el, '[part="note-input"]').value).to.equal('');
  });

  it('blocks and unblocks, unsubscribes from email, and says so', async () => {
    const src = await source();
    const el = await mount(src, 'luis');
    const blocked = await saved(el, () => $<HTMLButtonElement>(el, '[part="block-button"]').click());
    expect(blocked.blocked).to.equal(true);
    expect(text(el, '[part~="blocked-badge"]')).to.equal('Blocked');
    expect(text(el, '[part="block-button"]')).to.equal('Unblock contact');
    expect(await src.queryContactIds({ match: 'all', conditions: [{ field: 'blocked', op: 'is', value: 'true' }] })).to.deep.equal(['luis']);
    const unsubscribed = await saved(el, () => $<HTMLButtonElement>(el, '[part="unsubscribe-button"]').click());
    expect(unsubscribed.unsubscribed).to.equal(true);
    expect(text(el, '[part~="unsubscribed-badge"]')).to.equal('Unsubscribed');
    await expect(el).to.be.accessible();
    const unblocked = await saved(el, () => $<HTMLButtonElement>(el, '[part="block-button"]').click());
    expect(unblocked.blocked).to.equal(false);
  });

  it('prompts about potential duplicates and asks to merge them', async () => {
    const el = await mount(await source());
    await waitUntil(() => $(el, '[part="duplicates"]'), 'duplicates shown');
    expect(text(el, '#duplicates-title')).to.equal('1 potential duplicate');
    expect(text(el, '[part="duplicate"]')).to.equal('Ana Souza — same identity ana@example.com');
    await expect(el).to.be.accessible();
    setTimeout(() => $<HTMLButtonElement>(el, '[part="merge-duplicates"]').click());
    const request: UcrmMergeRequestEvent = await oneEvent(el, 'ucrm-merge-request');
    expect(request.detail.ids).to.deep.equal(['ana', 'ana2']);
    expect(request.cancelable).to.equal(true);
  });

  it('speaks Spanish', async () => {
    const src = await source();
    const el = await fixture<UcrmContactDetails>(
      html`<ucrm-contact-details lang="es" .source=${src} contact-id="ana" default-region="UY"></ucrm-contact-details>`,
    );
    await waitUntil(() => el.state === 'ready', 'loaded');
    await el.updateComplete;
    expect(text(el, '[part="save-button"]')).to.equal('Guardar cambios');
    expect(text(el, '#identities-title')).to.equal('Identidades');
    expect(text(el, '[part="block-button"]')).to.equal('Bloquear contacto');
    await expect(el).to.be.accessible();
  });

  it('reports a contact that does not exist', async () => {
    const src = await source();
    const el = await fixture<UcrmContactDetails>(html`<ucrm-contact-details .source=${src}></ucrm-contact-details>`);
    setTimeout(() => (el.contactId = 'ghost'));
    const error: UcrmErrorEvent = await oneEvent(el, 'ucrm-error');
    expect(error.detail).to.include({ operation: 'load', code: 'not-found' });
    await el.updateComplete;
    expect(el.state).to.equal('not-found');
    expect(text(el, '[part="error"] p')).to.equal('This contact no longer exists.');
    await expect(el).to.be.accessible();
  });

  it('keeps what was typed when a save fails, and retries', async () => {
    const src = await source();
    let fail = true;
    const flaky: CrmSource = {
      ...bound(src),
      updateContact: (...args) => (fail ? Promise.reject(new CrmError('unavailable', 'The CRM is down.')) : src.updateContact(...args)),
    };
    const el = await mount(flaky);
    type($(el, '[part="note-input"]'), 'Important');
    setTimeout(() => $<HTMLButtonElement>(el, '[part="add-note-button"]').click());
    const error: UcrmErrorEvent = await oneEvent(el, 'ucrm-error');
    expect(error.detail).to.include({ operation: 'note', code: 'unavailable' });
    await el.updateComplete;
    expect(text(el, '[part="error"] p')).to.equal('The CRM did not answer. Check your connection and try again.');
    expect($<HTMLTextAreaElement>(el, '[part="note-input"]').value).to.equal('Important');
    await expect(el).to.be.accessible();
    fail = false;
    const updated = await saved(el, () => $<HTMLButtonElement>(el, '[part="retry-button"]').click());
    expect(updated.notes.at(-1)?.text).to.equal('Important');
    expect($(el, '[part="error"]')).to.equal(null);
  });

  it('works on a source without contact management: notes and flags through updateContact, no prompt', async () => {
    const src = await source();
    const plain = bound(src);
    const el = await mount(plain);
    type($(el, '[part="note-input"]'), 'Plain note');
    const noted = await saved(el, () => $<HTMLButtonElement>(el, '[part="add-note-button"]').click());
    expect(noted.notes.at(-1)).to.include({ text: 'Plain note', author: 'Carla' });
    const blocked = await saved(el, () => $<HTMLButtonElement>(el, '[part="block-button"]').click());
    expect(blocked.blocked).to.equal(true);
    expect($(el, '[part="duplicates"]')).to.equal(null);
  });
});
