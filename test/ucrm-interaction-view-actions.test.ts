import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CrmError } from '../src/core/errors.js';
import { friendlyName } from '../src/core/contacts/friendly-name.js';
import { createLocalSource } from '../src/data/local-source.js';
import type { ContactDraft } from '../src/core/types.js';
import type { CrmSource } from '../src/data/source.js';
import { quietly } from './support/console.js';
import { bound, localScreenPop, phone, screenPopData, until } from './support/screen-pop-fixtures.js';
import {
  button,
  cardText,
  form,
  formControl,
  liveRegion,
  matcher,
  matcherOptions,
  mountView,
  named,
  part,
  settled,
  sr,
  text,
  typeInto,
} from './support/view-harness.js';
import type { UcrmInteractionView } from '../src/components/ucrm-interaction-view/ucrm-interaction-view.js';

async function searchAndPick(el: UcrmInteractionView, query: string, name: string) {
  button(sr(el), 'Search another contact').click();
  await el.updateComplete;
  expect(el.state).to.equal('search');
  matcher(el)!.query = query;
  await until(() => matcherOptions(el).some((o) => text(o).includes(name)), `a result named ${name}`);
  matcherOptions(el).find((o) => text(o).includes(name))!.click();
  await until(() => !!part(el, 'assign') || el.state !== 'search', 'the assign question');
  await el.updateComplete;
}

describe('<ucrm-interaction-view> create', () => {
  it('creates the contact from the form: contact state, ucrm-contact-created, stored in the source', async () => {
    const { source } = localScreenPop();
    const { el, events } = await mountView(
      html`<ucrm-interaction-view client-id="+598 98 765 432" channel="whatsapp" campaign="sales" .source=${source}></ucrm-interaction-view>`,
    );
    typeInto(formControl(el, 'firstName'), 'Nueva');
    typeInto(formControl(el, 'lastName'), 'Clienta');
    form(el)!.shadowRoot!.querySelector<HTMLButtonElement>('[part~=submit]')!.click();
    await until(() => el.state === 'contact', 'the created contact');
    await el.updateComplete;
    const created = named(events, 'ucrm-contact-created');
    expect(created).to.have.length(1);
    const contact = created[0].detail.contact;
    expect(el.contact?.id).to.equal(contact.id);
    expect(cardText(el)).to.contain('Nueva Clienta');
    expect(liveRegion(el)).to.equal('Contact created');
    const stored = await source.findByIdentity(phone('+59898765432'));
    expect(stored.map((c) => c.id)).to.deep.equal([contact.id]);
    expect(stored[0].firstName).to.equal('Nueva');
    await expect(el).to.be.accessible();
  });

  it('a double submit creates one contact', async () => {
    const { source } = localScreenPop();
    const { el, events } = await mountView(
      html`<ucrm-interaction-view client-id="nuevo@example.org" channel="email" .source=${source}></ucrm-interaction-view>`,
    );
    typeInto(formControl(el, 'firstName'), 'Doble');
    const submit = form(el)!.shadowRoot!.querySelector<HTMLButtonElement>('[part~=submit]')!;
    submit.click();
    submit.click();
    await until(() => el.state === 'contact', 'the created contact');
    await new Promise((r) => setTimeout(r, 20));
    expect(named(events, 'ucrm-contact-created')).to.have.length(1);
    expect(await source.findByIdentity({ kind: 'email', value: 'nuevo@example.org' })).to.have.length(1);
    expect((await source.search('Doble')).total).to.equal(1);
  });

  it('the idempotency key is per interaction: two submits through the source give one contact', async () => {
    const { source } = localScreenPop();
    const keys: (string | undefined)[] = [];
    const spy = bound(source);
    spy.createContact = (draft: ContactDraft, options) => {
      keys.push(options?.idempotencyKey);
      return source.createContact(draft, options);
    };
    const { el } = await mountView(
      html`<ucrm-interaction-view client-id="k@example.org" channel="email" .source=${spy}></ucrm-interaction-view>`,
    );
    typeInto(formControl(el, 'firstName'), 'Key');
    form(el)!.shadowRoot!.querySelector<HTMLButtonElement>('[part~=submit]')!.click();
    await until(() => el.state === 'contact', 'created');
    expect(keys).to.have.length(1);
    expect(keys[0]).to.be.a('string').and.not.equal('');
    // A new interaction gets a new key.
    el.clientId = 'other@example.org';
    await settled(el);
    typeInto(formControl(el, 'firstName'), 'Other');
    form(el)!.shadowRoot!.querySelector<HTMLButtonElement>('[part~=submit]')!.click();
    await until(() => el.state === 'contact', 'created again');
    expect(keys).to.have.length(2);
    expect(keys[1]).to.not.equal(keys[0]);
  });

  it('a failed create keeps what the agent typed, and Retry creates it', async () => {
    const { source } = localScreenPop();
    const flaky = bound(source);
    let failures = 1;
    flaky.createContact = (draft, options) =>
      failures-- > 0 ? Promise.reject(new CrmError('unavailable', 'CRM is down')) : source.createContact(draft, options);
    const { el, events } = await mountView(
      html`<ucrm-interaction-view client-id="+598 98 765 432" channel="phone" .source=${flaky}></ucrm-interaction-view>`,
    );
    typeInto(formControl(el, 'firstName'), 'Persistente');
    typeInto(formControl(el, 'lastName'), 'Agente');
    await quietly(async () => {
      form(el)!.shadowRoot!.querySelector<HTMLButtonElement>('[part~=submit]')!.click();
      await until(() => el.state === 'error', 'the error');
    });
    await el.updateComplete;
    expect(named(events, 'ucrm-error')[0].detail).to.deep.equal({ operation: 'create', code: 'unavailable', message: 'CRM is down' });
    expect(text(sr(el).querySelector('[role=alert]'))).to.contain('The CRM did not answer. Check your connection and try again.');
    expect(formControl(el, 'firstName').value, 'typed data kept').to.equal('Persistente');
    expect(formControl(el, 'lastName').value).to.equal('Agente');
    await expect(el).to.be.accessible();

    button(sr(el).querySelector('[role=alert]')!, 'Retry').click();
    await until(() => el.state === 'contact', 'the retried create');
    expect(el.contact?.firstName).to.equal('Persistente');
    expect(named(events, 'ucrm-contact-created')).to.have.length(1);
  });

  it('auto-create makes the contact at once, named from the identity, lead stage Lead', async () => {
    const { source } = localScreenPop();
    const { el, events } = await mountView(
      html`<ucrm-interaction-view auto-create client-id="+598 98 765 432" channel="whatsapp" .source=${source}></ucrm-interaction-view>`,
    );
    expect(el.state).to.equal('contact');
    const created = named(events, 'ucrm-contact-created');
    expect(created).to.have.length(1);
    const contact = created[0].detail.contact;
    expect(contact.firstName).to.equal('+598 98 765 432');
    expect(contact.leadStage).to.equal('Lead');
    expect(el.contact?.id).to.equal(contact.id);
    expect(named(events, 'ucrm-resolved').at(-1)!.detail).to.deep.include({ state: 'contact' });
    expect((await source.findByIdentity(phone('+59898765432'))).map((c) => c.id)).to.deep.equal([contact.id]);
    await expect(el).to.be.accessible();
  });

  it('auto-create gives an anonymous web chat visitor a friendly name', async () => {
    const { source } = localScreenPop();
    const { el, events } = await mountView(
      html`<ucrm-interaction-view auto-create client-id="visitor-7f3a9c" channel="webchat" .source=${source}></ucrm-interaction-view>`,
    );
    const contact = named(events, 'ucrm-contact-created')[0].detail.contact;
    const expected = friendlyName({ kind: 'webchat', value: 'visitor-7f3a9c' });
    expect(expected.firstName).to.match(/^[A-Z][a-z]+$/);
    expect(contact).to.deep.include({ firstName: expected.firstName, lastName: expected.lastName, leadStage: 'Lead' });
    expect(contact.identities).to.deep.include({ kind: 'webchat', value: 'visitor-7f3a9c' });
    expect(cardText(el)).to.contain(`${expected.firstName} ${expected.lastName}`);
  });

  it('auto-create does not create for an invalid ClientID', async () => {
    const { source } = localScreenPop();
    const { el, events } = await mountView(
      html`<ucrm-interaction-view auto-create client-id="12-34" channel="phone" .source=${source}></ucrm-interaction-view>`,
    );
    expect(el.state).to.equal('create');
    expect(named(events, 'ucrm-contact-created')).to.have.length(0);
  });
});

describe('<ucrm-interaction-view> search and assign', () => {
  it('assigns the ClientID to a searched contact, with Undo', async () => {
    const { source } = localScreenPop();
    const { el, events } = await mountView(
      html`<ucrm-interaction-view client-id="+598 98 765 432" channel="phone" .source=${source}></ucrm-interaction-view>`,
    );
    expect(el.state).to.equal('create');
    await searchAndPick(el, 'Emily', 'Emily');
    const assign = part(el, 'assign')!;
    expect(text(assign)).to.contain("Assign +598 98 765 432 to Emily O'Connor?");
    expect(text(assign)).to.not.contain('already belongs');
    await expect(el).to.be.accessible();
    button(assign, 'Assign').click();
    await until(() => el.state === 'contact', 'the assigned contact');
    await el.updateComplete;

    const assigned = named(events, 'ucrm-client-id-assigned');
    expect(assigned).to.have.length(1);
    expect(assigned[0].detail.identity).to.deep.equal(phone('+59898765432'));
    expect(assigned[0].detail.contact.id).to.equal('emily');
    expect(named(events, 'ucrm-contact-selected').at(-1)!.detail.contact.id).to.equal('emily');
    expect((await source.findByIdentity(phone('+59898765432'))).map((c) => c.id)).to.deep.equal(['emily']);
    expect(el.contact?.id).to.equal('emily');
    const undo = part(el, 'undo')!;
    expect(text(undo)).to.contain("+598 98 765 432 assigned to Emily O'Connor.");
    await expect(el).to.be.accessible();

    button(undo, 'Undo').click();
    await until(() => named(events, 'ucrm-client-id-assigned').length === 2, 'the undo');
    await el.updateComplete;
    const undone = named(events, 'ucrm-client-id-assigned')[1].detail;
    expect(undone).to.deep.include({ undone: true });
    expect(undone.identity).to.deep.equal(phone('+59898765432'));
    expect(await source.findByIdentity(phone('+59898765432'))).to.have.length(0);
    expect(el.state, 'back to what the interaction resolved to').to.equal('create');
    expect(part(el, 'undo')).to.equal(null);
  });

  it('Undo is only offered for a while', async () => {
    const { source } = localScreenPop();
    const { el } = await mountView(
      html`<ucrm-interaction-view undo-timeout="0" client-id="+598 98 765 432" .source=${source}></ucrm-interaction-view>`,
    );
    await searchAndPick(el, 'Emily', 'Emily');
    button(part(el, 'assign')!, 'Assign').click();
    await until(() => el.state === 'contact', 'assigned');
    await until(() => part(el, 'undo') === null, 'the undo offer to expire');
    expect((await source.findByIdentity(phone('+59898765432'))).map((c) => c.id)).to.deep.equal(['emily']);
  });

  it('says when the ClientID already belongs to someone else and assigns only on confirmation', async () => {
    const { source } = localScreenPop();
    const { el, events } = await mountView(
      html`<ucrm-interaction-view client-id="+59899555123" channel="phone" .source=${source}></ucrm-interaction-view>`,
    );
    expect(el.contact?.id).to.equal('uy');
    await searchAndPick(el, 'Emily', 'Emily');
    const assign = part(el, 'assign')!;
    expect(text(assign)).to.contain('+598 99 555 123 already belongs to Martín González.');
    await expect(el).to.be.accessible();
    expect(named(events, 'ucrm-client-id-assigned'), 'nothing assigned yet').to.have.length(0);
    expect((await source.findByIdentity(phone('+59899555123'))).map((c) => c.id)).to.deep.equal(['uy']);
    button(assign, 'Assign anyway').click();
    await until(() => named(events, 'ucrm-client-id-assigned').length === 1, 'the assignment');
    expect((await source.findByIdentity(phone('+59899555123'))).map((c) => c.id)).to.have.members(['uy', 'emily']);
  });

  it('"Open without assigning" shows the contact and changes nothing', async () => {
    const { source } = localScreenPop();
    const { el, events } = await mountView(
      html`<ucrm-interaction-view client-id="+598 98 765 432" .source=${source}></ucrm-interaction-view>`,
    );
    await searchAndPick(el, 'Emily', 'Emily');
    button(part(el, 'assign')!, 'Open without assigning').click();
    await el.updateComplete;
    expect(el.state).to.equal('contact');
    expect(el.contact?.id).to.equal('emily');
    expect(named(events, 'ucrm-client-id-assigned')).to.have.length(0);
    expect(await source.findByIdentity(phone('+59898765432'))).to.have.length(0);
  });

  it('a result that already holds the ClientID is simply shown', async () => {
    const { source } = localScreenPop();
    const { el, events } = await mountView(
      html`<ucrm-interaction-view client-id="+59899123456" .source=${source}></ucrm-interaction-view>`,
    );
    expect(el.state).to.equal('candidates');
    await searchAndPick(el, 'Lucía', 'Lucía');
    expect(el.state).to.equal('contact');
    expect(el.contact?.id).to.equal('lucia');
    expect(named(events, 'ucrm-client-id-assigned')).to.have.length(0);
  });

  it('Escape closes the search and returns to the previous state, keeping what was typed', async () => {
    const { source } = localScreenPop();
    const { el } = await mountView(
      html`<ucrm-interaction-view client-id="+598 98 765 432" .source=${source}></ucrm-interaction-view>`,
    );
    typeInto(formControl(el, 'firstName'), 'A medias');
    part(el, 'search-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.state).to.equal('search');
    await until(() => matcher(el)!.shadowRoot!.activeElement?.tagName === 'INPUT', 'focus in the search box');
    await sendKeys({ type: 'Emi' });
    await until(() => matcherOptions(el).length > 0, 'results');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.state).to.equal('create');
    expect(formControl(el, 'firstName').value).to.equal('A medias');
    expect(sr(el).activeElement).to.equal(part(el, 'search-button'));
  });

  it('Escape on the assign question also closes the search', async () => {
    const { source } = localScreenPop();
    const { el } = await mountView(
      html`<ucrm-interaction-view client-id="+59899123456" .source=${source}></ucrm-interaction-view>`,
    );
    await searchAndPick(el, 'Emily', 'Emily');
    expect(sr(el).activeElement?.textContent?.trim()).to.equal('Assign anyway');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.state).to.equal('candidates');
  });
});

describe('<ucrm-interaction-view> search and assign, when things go wrong', () => {
  it('a failed assignment is shown with Retry and nothing is lost', async () => {
    const { source } = localScreenPop();
    const flaky = bound(source);
    let failures = 1;
    flaky.addIdentity = (id, identity, options) =>
      failures-- > 0 ? Promise.reject(new CrmError('conflict', 'Changed meanwhile')) : source.addIdentity(id, identity, options);
    const { el, events } = await mountView(
      html`<ucrm-interaction-view client-id="+598 98 765 432" .source=${flaky}></ucrm-interaction-view>`,
    );
    await searchAndPick(el, 'Emily', 'Emily');
    await quietly(async () => {
      button(part(el, 'assign')!, 'Assign').click();
      await until(() => named(events, 'ucrm-error').length === 1, 'the failure');
    });
    await el.updateComplete;
    expect(named(events, 'ucrm-error')[0].detail).to.include({ operation: 'assign', code: 'conflict' });
    expect(el.state, 'still searching').to.equal('search');
    expect(text(sr(el).querySelector('[role=alert]'))).to.contain('Someone else changed this at the same time.');
    expect(part(el, 'assign'), 'the question is still there').to.not.equal(null);
    await expect(el).to.be.accessible();
    button(sr(el).querySelector('[role=alert]')!, 'Retry').click();
    await until(() => named(events, 'ucrm-client-id-assigned').length === 1, 'the retried assignment');
    await el.updateComplete;
    expect(el.state).to.equal('contact');
    expect(el.contact?.id).to.equal('emily');
  });

  it('a new interaction closes the search and drops the question and the Undo', async () => {
    const { source } = localScreenPop();
    const { el } = await mountView(
      html`<ucrm-interaction-view client-id="+598 98 765 432" .source=${source}></ucrm-interaction-view>`,
    );
    await searchAndPick(el, 'Emily', 'Emily');
    button(part(el, 'assign')!, 'Assign').click();
    await until(() => part(el, 'undo') !== null, 'the undo offer');
    el.contactId = 'uy';
    await settled(el);
    expect(el.contact?.id).to.equal('uy');
    expect(part(el, 'undo')).to.equal(null);
    button(sr(el), 'Search another contact').click();
    await el.updateComplete;
    expect(part(el, 'assign')).to.equal(null);
  });
});

describe('<ucrm-interaction-view> errors', () => {
  it('a failed resolution shows the error with Retry, and the retry resolves', async () => {
    const { source } = localScreenPop();
    const flaky = bound(source) as CrmSource;
    let failures = 1;
    flaky.resolve = (context, options) =>
      failures-- > 0 ? Promise.reject(new CrmError('timeout', 'CRM too slow')) : source.resolve!(context, options);
    const { el, events } = await quietly(() =>
      mountView(html`<ucrm-interaction-view contact-id="uy" .source=${flaky}></ucrm-interaction-view>`),
    );
    expect(el.state).to.equal('error');
    expect(named(events, 'ucrm-error')[0].detail).to.deep.equal({ operation: 'resolve', code: 'timeout', message: 'CRM too slow' });
    expect(named(events, 'ucrm-resolved')[0].detail.state).to.equal('error');
    expect(text(sr(el).querySelector('[role=alert]'))).to.contain('The CRM is taking too long to answer.');
    expect(text(sr(el).querySelector('[role=alert]'))).to.not.contain('CRM too slow');
    expect(button(sr(el), 'Search another contact').disabled, 'search still offered').to.equal(false);
    await expect(el).to.be.accessible();
    button(sr(el).querySelector('[role=alert]')!, 'Retry').click();
    await settled(el);
    expect(el.state).to.equal('contact');
    expect(el.contact?.id).to.equal('uy');
  });

  it('a source that lost its storage shows a non-blocking notice and still works', async () => {
    const { source } = localScreenPop();
    const lost = bound(source);
    Object.defineProperty(lost, 'persistenceError', {
      get: () => new CrmError('unavailable', 'IndexedDB is blocked'),
    });
    const { el, events } = await quietly(() =>
      mountView(html`<ucrm-interaction-view contact-id="uy" .source=${lost}></ucrm-interaction-view>`),
    );
    expect(el.state).to.equal('contact');
    const errors = named(events, 'ucrm-error');
    expect(errors).to.have.length(1);
    expect(errors[0].detail).to.deep.equal({ operation: 'persist', code: 'unavailable', message: 'IndexedDB is blocked' });
    expect(text(sr(el).querySelector('[part=notice].warning'))).to.contain('kept in this tab only');
    await expect(el).to.be.accessible();
    // Once per source, not on every resolution.
    el.contactId = 'emily';
    await quietly(() => settled(el));
    expect(named(events, 'ucrm-error')).to.have.length(1);
  });

  it('a created contact survives a reload (IndexedDB)', async () => {
    // A fresh database name: the test browser's profile is thrown away after the run.
    const name = `ucrm-view-test-${crypto.randomUUID()}`;
    const { contacts, sections } = screenPopData();
    const first = createLocalSource({ persist: true, name, contacts, sections });
    await first.ready;
    expect(first.persistenceError).to.equal(undefined);
    const { el } = await mountView(
      html`<ucrm-interaction-view client-id="+598 98 765 432" .source=${first}></ucrm-interaction-view>`,
    );
    typeInto(formControl(el, 'firstName'), 'Recargada');
    form(el)!.shadowRoot!.querySelector<HTMLButtonElement>('[part~=submit]')!.click();
    await until(() => el.state === 'contact', 'created');

    // "Reload": a new source over the same database, a new view for the same ClientID.
    const second = createLocalSource({ persist: true, name, contacts, sections });
    const { el: again } = await mountView(
      html`<ucrm-interaction-view client-id="098765432" default-region="UY" .source=${second}></ucrm-interaction-view>`,
    );
    expect(again.state).to.equal('contact');
    expect(cardText(again)).to.contain('Recargada');
  });
});
