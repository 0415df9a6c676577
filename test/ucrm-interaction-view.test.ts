import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ucrm-provider.js';
import { fullViewImport } from '../src/components/ucrm-contact-card/ucrm-contact-card.js';
import { collectingWarnings, quietly } from './support/console.js';
import { localScreenPop, makeContact, phone, until } from './support/screen-pop-fixtures.js';
import {
  button,
  card,
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

describe('<ucrm-interaction-view> resolution', () => {
  it('shows the contact of a known ContactID and says so', async () => {
    const { source } = localScreenPop();
    const { el, events } = await mountView(
      html`<ucrm-interaction-view contact-id="uy" channel="phone" campaign="sales" .source=${source}></ucrm-interaction-view>`,
    );
    expect(el.state).to.equal('contact');
    expect(el.getAttribute('state')).to.equal('contact');
    expect(el.contact?.id).to.equal('uy');
    expect(cardText(el)).to.contain('Martín González');
    expect(liveRegion(el)).to.equal('Contact found');
    const resolved = named(events, 'ucrm-resolved');
    expect(resolved).to.have.length(1);
    expect(resolved[0].detail.state).to.equal('contact');
    expect(resolved[0].detail.contact.id).to.equal('uy');
    expect(resolved[0].detail.context).to.deep.include({ contactId: 'uy', channel: 'phone', campaign: 'sales' });
    await expect(el).to.be.accessible();
  });

  it('goes on with the ClientID when the ContactID is not found', async () => {
    const { source } = localScreenPop();
    const { el } = await mountView(
      html`<ucrm-interaction-view contact-id="gone" client-id="martin@example.com" channel="email" .source=${source}></ucrm-interaction-view>`,
    );
    expect(el.state).to.equal('contact');
    expect(el.contact?.id).to.equal('uy');
  });

  it('finds a unique phone written in another format and highlights it', async () => {
    const { source } = localScreenPop();
    const { el } = await mountView(
      html`<ucrm-interaction-view client-id="(099) 555-123" channel="phone" default-region="UY" .source=${source}></ucrm-interaction-view>`,
    );
    expect(el.state).to.equal('contact');
    expect(el.contact?.id).to.equal('uy');
    expect(text(part(el, 'client-id'))).to.equal('+598 99 555 123');
    expect(text(card(el)!.shadowRoot!.querySelector('[part~=identity-highlight]'))).to.contain('+598 99 555 123');
  });

  it('lists candidates for a shared phone with why they matched; picking one shows it', async () => {
    const { source } = localScreenPop();
    const { el, events } = await mountView(
      html`<ucrm-interaction-view client-id="+598 99 123 456" channel="phone" .source=${source}></ucrm-interaction-view>`,
    );
    expect(el.state).to.equal('candidates');
    expect(el.candidates.map((c) => c.id)).to.have.members(['juan', 'lucia']);
    expect(liveRegion(el)).to.equal('2 contacts match');
    const options = matcherOptions(el);
    expect(options.map(text).join(' | ')).to.contain('Juan Pérez').and.contain('Lucía Pérez').and.contain('Blocked');
    expect(text(options[0])).to.contain('matched +598 99 123 456');
    const resolved = named(events, 'ucrm-resolved')[0].detail;
    expect(resolved.state).to.equal('candidates');
    expect(resolved.candidates.map((c: { id: string }) => c.id)).to.have.members(['juan', 'lucia']);
    await expect(el).to.be.accessible();

    const lucia = options.find((o) => text(o).includes('Lucía'))!;
    lucia.click();
    await el.updateComplete;
    expect(el.state).to.equal('contact');
    expect(el.contact?.id).to.equal('lucia');
    expect(cardText(el)).to.contain('Blocked');
    const selected = named(events, 'ucrm-contact-selected');
    expect(selected, 'one event, fired by the view').to.have.length(1);
    expect(selected[0].detail.contact.id).to.equal('lucia');
    expect(selected[0].detail.reason).to.deep.equal({ identity: phone('+59899123456'), rule: 'exact' });
    await expect(el).to.be.accessible();
  });

  it('keyboard only: Tab to the candidates, Enter picks', async () => {
    const { source } = localScreenPop();
    const { el, events } = await mountView(
      html`<button>host</button
        ><ucrm-interaction-view client-id="+59899123456" channel="phone" .source=${source}></ucrm-interaction-view>`,
    );
    (el.previousElementSibling as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' }); // "Search another contact"
    await sendKeys({ press: 'Tab' }); // the candidate list
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.state).to.equal('contact');
    expect(named(events, 'ucrm-contact-selected')).to.have.length(1);
    expect(el.contact?.id).to.equal(named(events, 'ucrm-contact-selected')[0].detail.contact.id);
  });

  it('candidates end with "None of these — create a new contact": the create form with the ClientID, and back', async () => {
    const { source } = localScreenPop();
    const { el, events } = await mountView(
      html`<button>host</button
        ><ucrm-interaction-view client-id="+59899123456" channel="phone" .source=${source}></ucrm-interaction-view>`,
    );
    expect(el.state).to.equal('candidates');
    (el.previousElementSibling as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' }); // "Search another contact"
    await sendKeys({ press: 'Tab' }); // the candidate list
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Enter' });
    await until(() => el.state === 'create', 'the create form');
    await el.updateComplete;
    expect(named(events, 'ucrm-contact-selected'), 'no contact picked').to.have.length(0);
    expect(formControl(el, 'phone-0').value, 'the ClientID pre-filled').to.equal('+59899123456');
    expect(liveRegion(el)).to.equal('New contact');
    await until(() => form(el)!.shadowRoot!.activeElement?.id === 'firstName', 'focus on the first name');
    await expect(el).to.be.accessible();

    // Back to the candidates; the view never lost them.
    part<HTMLButtonElement>(el, 'back-button')!.click();
    await until(() => el.state === 'candidates', 'the candidates again');
    expect(el.candidates.length).to.be.greaterThan(1);

    // And on to create a contact from there.
    await settled(el);
    matcherOptions(el).at(-1)!.click();
    await until(() => el.state === 'create', 'the form again');
    await el.updateComplete;
    typeInto(formControl(el, 'firstName'), 'Otra');
    form(el)!.shadowRoot!.querySelector<HTMLButtonElement>('[part~=submit]')!.click();
    await until(() => el.state === 'contact', 'created');
    expect(named(events, 'ucrm-contact-created')[0].detail.contact.phones).to.deep.equal(['+59899123456']);
  });

  it('says how a contact matched through an equivalence rule (Brazil 9th digit)', async () => {
    const { source } = localScreenPop();
    const { el } = await mountView(
      html`<ucrm-interaction-view client-id="+55 11 98765-4321" channel="whatsapp" .source=${source}></ucrm-interaction-view>`,
    );
    expect(el.state).to.equal('contact');
    expect(el.contact?.id).to.equal('ana');
    expect(text(part(el, 'match-reason'))).to.equal('matched +55 11 8765 4321 without the 9th digit');
  });

  it('offers the create form with the ClientID pre-filled as the channel says', async () => {
    const { source } = localScreenPop();
    const { el, events } = await mountView(
      html`<ucrm-interaction-view client-id="+598 98 765 432" channel="whatsapp" .source=${source}></ucrm-interaction-view>`,
    );
    expect(el.state).to.equal('create');
    expect(liveRegion(el)).to.equal('New contact');
    expect(named(events, 'ucrm-resolved')[0].detail.state).to.equal('create');
    expect(form(el)!.value.phones).to.deep.equal(['+59898765432']);
    await expect(el).to.be.accessible();

    el.setAttribute('channel', 'email');
    el.setAttribute('client-id', ' New.Client@Example.org ');
    await settled(el);
    expect(el.state).to.equal('create');
    expect(form(el)!.value.emails).to.deep.equal(['new.client@example.org']);

    el.setAttribute('channel', 'instagram');
    el.setAttribute('client-id', '@Someone.New');
    await settled(el);
    expect(form(el)!.value.identities).to.deep.equal([{ kind: 'instagram', value: 'someone.new' }]);
  });

  it('shows only the sections enabled for the campaign', async () => {
    const { source } = localScreenPop();
    const { el } = await mountView(
      html`<ucrm-interaction-view contact-id="uy" campaign="sales" view="full" .source=${source}></ucrm-interaction-view>`,
    );
    const titles = () => [...card(el)!.shadowRoot!.querySelectorAll('[part~=section-summary]')].map(text);
    expect(titles()).to.deep.equal(['General', 'Sales data']);
    el.setAttribute('campaign', 'support');
    await settled(el);
    expect(titles()).to.deep.equal(['General', 'Support data']);
    el.removeAttribute('campaign');
    await settled(el);
    expect(titles()).to.deep.equal(['General']);
  });

  it('passes view="full" to the card and reports a bad view', async () => {
    const { source } = localScreenPop();
    const { el, events } = await collectingWarnings(async (warnings) => {
      const mounted = await mountView(
        html`<ucrm-interaction-view contact-id="uy" view="huge" .source=${source}></ucrm-interaction-view>`,
      );
      expect(warnings).to.have.length(1);
      return mounted;
    });
    expect(el.view).to.equal('reduced');
    expect(named(events, 'ucrm-error')[0].detail.operation).to.equal('attribute:view');
    expect(text(sr(el).querySelector('[role=alert]'))).to.contain('view="huge"');
    expect(el.state, 'still works').to.equal('contact');
    el.view = 'full';
    await el.updateComplete;
    expect(card(el)!.view).to.equal('full');
  });

  it('first paint of a reduced pop: the campaign sections read-only, with their values', async () => {
    const vip = makeContact('Vera', 'Ibáñez', {
      id: 'vera',
      phones: ['+59899777888'],
      custom: { customerNumber: 'C-42', budget: 1500, plan: 'Gold' },
      notes: [{ id: 'n1', text: 'Prefers mornings', createdAt: '2026-03-01T10:00:00Z' }],
    });
    const { source } = localScreenPop([vip]);
    const { el } = await mountView(
      html`<ucrm-interaction-view client-id="+59899777888" campaign="sales" .source=${source}></ucrm-interaction-view>`,
    );
    const root = card(el)!.shadowRoot!;
    expect([...root.querySelectorAll('[part~=section-summary]')].map(text)).to.deep.equal(['General', 'Sales data']);
    const fields = [...root.querySelectorAll('[part~=section-fields] > div')].map(text);
    expect(fields).to.deep.equal(['Customer number C-42', 'Budget 1,500']);
    // Read during the interaction, not edited: no controls; properties and notes are the full view's.
    expect(root.querySelectorAll('input, select, textarea, [contenteditable]')).to.have.length(0);
    expect(root.querySelector('[part~=properties]')).to.equal(null);
    expect(root.querySelector('[part~=notes]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('full view: the properties and notes are there once updateComplete settles (their chunk loaded)', async () => {
    const vip = makeContact('Vera', 'Ibáñez', {
      id: 'vera',
      phones: ['+59899777888'],
      owner: 'Marta',
      notes: [{ id: 'n1', text: 'Prefers mornings', createdAt: '2026-03-01T10:00:00Z' }],
    });
    const { source } = localScreenPop([vip]);
    const { el } = await mountView(
      html`<ucrm-interaction-view client-id="+59899777888" view="full" .source=${source}></ucrm-interaction-view>`,
    );
    const root = card(el)!.shadowRoot!;
    expect(text(root.querySelector('[part~=properties]'))).to.contain('Owner Marta');
    expect(text(root.querySelector('[part~=note-text]'))).to.equal('Prefers mornings');
    expect(root.querySelector('[part~=full-loading]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('full view whose chunk fails: the contact stays, with a message and Retry in the card', async () => {
    const realImport = fullViewImport.load;
    fullViewImport.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const { source } = localScreenPop();
      const { el, events } = await quietly(() =>
        mountView(html`<ucrm-interaction-view contact-id="uy" view="full" .source=${source}></ucrm-interaction-view>`),
      );
      expect(el.state, 'the pop itself settled').to.equal('contact');
      expect(named(events, 'ucrm-error').map((e) => e.detail.operation)).to.deep.equal(['load']);
      const root = card(el)!.shadowRoot!;
      expect(text(root.querySelector('[part~=name]'))).to.equal('Martín González');
      expect(text(root.querySelector('[role=alert]'))).to.contain('could not be loaded');
      await expect(el).to.be.accessible();

      fullViewImport.load = realImport;
      button(root, 'Retry').click();
      await el.updateComplete;
      expect(root.querySelector('[role=alert]')).to.equal(null);
      expect(root.querySelector('[part~=properties]')).to.not.equal(null);
    } finally {
      fullViewImport.load = realImport;
    }
  });

  it('an invalid ClientID says so and still offers search and create', async () => {
    const { source } = localScreenPop();
    const { el } = await mountView(
      html`<ucrm-interaction-view client-id="12-34" channel="phone" .source=${source}></ucrm-interaction-view>`,
    );
    expect(el.state).to.equal('create');
    expect(text(part(el, 'notice'))).to.contain('“12-34” is not a valid Phone ClientID');
    expect(liveRegion(el)).to.equal('Invalid ClientID');
    expect(form(el)).to.not.equal(null);
    expect(button(sr(el), 'Search another contact').disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('is idle with a manual search when there is no interaction; a pick shows the contact', async () => {
    const { source } = localScreenPop();
    const { el, events } = await mountView(html`<ucrm-interaction-view .source=${source}></ucrm-interaction-view>`);
    expect(el.state).to.equal('idle');
    expect(named(events, 'ucrm-resolved')[0].detail.state).to.equal('idle');
    expect(matcher(el)!.mode).to.equal('search');
    await expect(el).to.be.accessible();
    matcher(el)!.query = 'Emily';
    await until(() => matcherOptions(el).length === 1, 'a search result');
    matcherOptions(el)[0].click();
    await el.updateComplete;
    expect(el.state).to.equal('contact');
    expect(el.contact?.id).to.equal('emily');
    expect(named(events, 'ucrm-contact-selected')[0].detail.contact.id).to.equal('emily');
  });

  it('an unknown channel is reported (visible, ucrm-error, one warning) and never leaves a blank widget', async () => {
    const { source } = localScreenPop();
    await collectingWarnings(async (warnings) => {
      const { el, events } = await mountView(
        html`<ucrm-interaction-view client-id="+59899555123" channel="carrier-pigeon" .source=${source}></ucrm-interaction-view>`,
      );
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('channel');
      const errors = named(events, 'ucrm-error');
      expect(errors).to.have.length(1);
      expect(errors[0].detail).to.include({ operation: 'attribute:channel', code: 'invalid' });
      expect(text(sr(el).querySelector('[role=alert]'))).to.contain('channel="carrier-pigeon"');
      // Read as a phone call, so the widget still does its job.
      expect(el.state).to.equal('contact');
      expect(el.contact?.id).to.equal('uy');
      await expect(el).to.be.accessible();
    });
  });

  it('renders contact fields holding markup as text', async () => {
    const evil = makeContact('<img src=x onerror="window.__xss=1">', '<script>window.__xss=2</script>', {
      id: 'evil',
      phones: ['+59899777000'],
      tags: ['<b>vip</b>'],
    });
    const { source } = localScreenPop([evil]);
    const { el } = await mountView(html`<ucrm-interaction-view contact-id="evil" .source=${source}></ucrm-interaction-view>`);
    expect(cardText(el)).to.contain('<img src=x onerror="window.__xss=1">');
    expect(cardText(el)).to.contain('<b>vip</b>');
    expect(card(el)!.shadowRoot!.querySelector('img, script, b')).to.equal(null);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('takes the whole context from the interaction property', async () => {
    const { source } = localScreenPop();
    const { el } = await mountView(
      html`<ucrm-interaction-view
        .source=${source}
        .interaction=${{ channel: 'instagram', clientId: '@Sofi.Nunez', campaign: 'support' }}
      ></ucrm-interaction-view>`,
    );
    expect(el.state).to.equal('contact');
    expect(el.contact?.id).to.equal('sofia');
    expect(text(part(el, 'channel'))).to.equal('Instagram');
  });

  it('uses the source and region of the nearest <ucrm-provider>', async () => {
    const { source } = localScreenPop();
    const { el } = await mountView(
      html`<ucrm-provider default-region="UY" .source=${source}
        ><ucrm-interaction-view client-id="099 555 123" channel="phone"></ucrm-interaction-view
      ></ucrm-provider>`,
    );
    expect(el.state).to.equal('contact');
    expect(el.contact?.id).to.equal('uy');
  });

  it('speaks Spanish', async () => {
    const { source } = localScreenPop();
    const { el } = await mountView(
      html`<ucrm-interaction-view lang="es" client-id="+59899123456" .source=${source}></ucrm-interaction-view>`,
    );
    expect(liveRegion(el)).to.equal('2 contactos coinciden');
    expect(text(part(el, 'search-button'))).to.equal('Buscar otro contacto');
  });
});
